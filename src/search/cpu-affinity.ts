// Runs each Pagefind indexer on one CPU of its own. Pagefind's indexer spreads over every core
// but gains little from it (it writes the bundle mostly on one thread), and its threads free and
// refault memory all the time: each free on one core makes the others flush their address
// translations (an interrupt per core, dear in a virtual machine). Held to one core, the same
// 3,900 pages took the same 14.5 s but 14.6 s of CPU instead of 20–23 s, which leaves the other
// core to the render. Linux only, through util-linux's `taskset`; elsewhere the indexer runs as
// before.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Parses a CPU list as Linux writes it ("0-3,8,10-11"). */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const range of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(range.trim());
    if (!match) return [];
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    for (let cpu = first; cpu <= last; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/** The CPUs this process may run on, from /proc (Linux); empty where that is not known. */
export function allowedCpus(): number[] {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(status);
    return line ? parseCpuList(line[1]!) : [];
  } catch {
    return [];
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

export interface CpuPinning {
  /** The command and arguments that run `command` on the CPU for `lane`. */
  command(lane: number, command: string, args: string[]): [string, string[]];
}

const unpinned: CpuPinning = { command: (_lane, command, args) => [command, args] };

/**
 * Pins lane N to the Nth CPU from the last of `cpus` (the first CPUs are where the system tends
 * to put other work), through `taskset`. With fewer than two CPUs, or no `taskset`, nothing is
 * pinned.
 */
export function pinningFor(cpus: readonly number[], taskset: string | undefined): CpuPinning {
  if (cpus.length < 2 || taskset === undefined) return unpinned;
  return {
    command: (lane, command, args) => [taskset, ['--cpu-list', String(cpus[cpus.length - 1 - (lane % cpus.length)]), command, ...args]],
  };
}

/** The pinning for this machine; `BROADSHEET_PIN_INDEXER=0` turns it off, to compare. */
export function indexerPinning(): CpuPinning {
  // Off Linux there is no /proc to read the CPUs from, so nothing is pinned there either.
  if (process.env.BROADSHEET_PIN_INDEXER === '0') return unpinned;
  return pinningFor(allowedCpus(), findOnPath('taskset'));
}
