// Peak memory of a child process and everything it starts (Broadsheet's build runs Pagefind's
// indexer as a separate process), sampled from /proc: the sum of resident sizes at each sample.
// Elsewhere than Linux it reports nothing and the build's own maxRSS stands in.

import { readdirSync, readFileSync } from 'node:fs';

function treeRssBytes(root: number): number | undefined {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the command: state, ppid (field 4) … rss in pages (field 24).
      parentOf.set(Number(name), Number(fields[1]));
      rssOf.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  if (!rssOf.has(root)) return undefined;
  let total = 0;
  for (const [pid, rss] of rssOf) {
    for (let ancestor: number | undefined = pid; ancestor !== undefined && ancestor > 1; ancestor = parentOf.get(ancestor)) {
      if (ancestor === root) {
        total += rss;
        break;
      }
    }
  }
  return total;
}

/** Samples the process tree under `pid` every `intervalMs`; `stop()` gives the peak in bytes. */
export function watchPeakMemory(pid: number, intervalMs = 200): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    const rss = treeRssBytes(pid);
    if (rss !== undefined) peak = Math.max(peak ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
