// Wall and CPU time per build stage, for the report and the benchmark. CPU time counts this
// process and the helper processes it has finished waiting for (Pagefind's indexer), which
// Node's own process.cpuUsage() leaves out.

import { readdirSync, readFileSync } from 'node:fs';

export interface StageTime {
  wallSeconds: number;
  cpuSeconds: number;
}

/** CPU seconds of reaped child processes (Linux /proc; 0 elsewhere). */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    // USER_HZ is 100 on every Linux Node supports.
    return Number.isFinite(ticks) ? ticks / 100 : 0;
  } catch {
    return 0;
  }
}

function cpuSecondsNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6 + childCpuSeconds();
}

export class StageMeter {
  readonly stages: Record<string, StageTime> = {};

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const wall = performance.now();
    const cpu = cpuSecondsNow();
    try {
      return await work();
    } finally {
      const previous = this.stages[stage] ?? { wallSeconds: 0, cpuSeconds: 0 };
      this.stages[stage] = {
        wallSeconds: previous.wallSeconds + (performance.now() - wall) / 1000,
        cpuSeconds: previous.cpuSeconds + (cpuSecondsNow() - cpu),
      };
    }
  }
}

/** What the build process used, for the report: peak memory of this process and CPU in all. */
export function processResources(): { maxRssBytes: number; cpuSeconds: number } {
  const usage = process.resourceUsage();
  return { maxRssBytes: usage.maxRSS * 1024, cpuSeconds: cpuSecondsNow() };
}

/** Whether a child process of ours whose command starts with `command` still exists (or awaits reaping). */
function hasChildProcess(command: string): boolean {
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm.startsWith(command) && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) return true;
      } catch {
        // Gone between the listing and the read.
      }
    }
  } catch {
    // No /proc: nothing to wait for.
  }
  return false;
}

/**
 * Waits (briefly) until helper processes named `command` that were told to stop have been
 * reaped, so their CPU time is in this process's account before the stage's clock stops. Other
 * children (tsx's esbuild service) live on and are not waited for.
 */
export async function settleChildProcesses(command: string, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (hasChildProcess(command) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
