// The last step of a build puts the new site in place: two renames for a full build, a few hundred
// moves for an incremental one. A Ctrl-C (or a service manager's SIGTERM) in the middle of the
// moves would leave a site of old and new files until the next build replays the journal, and a
// user who deploys the folder meanwhile deploys the mix. So the step runs to its end first, and
// the signal then takes its course. SIGKILL cannot be caught; the journal covers that.

const DEFERRED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a build leaves that the next one would otherwise have to remove: its locks, its pages in memory. */
const cleanups = new Set<() => void>();
/** How many `finishBeforeSignals` steps are running: a signal then waits for them. */
let holding = 0;

/**
 * Ends the process as `signal` says, after the registered clean-ups. The staging folder is left
 * to the next build's recovery: removing a large one would keep the user waiting after Ctrl-C.
 */
function interrupted(signal: NodeJS.Signals): void {
  if (holding > 0) return;
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // The next build removes what is left (a stale lock, an abandoned folder).
    }
  }
  cleanups.clear();
  for (const deferred of DEFERRED_SIGNALS) process.off(deferred, interrupted);
  // Another listener (the server's shutdown) already heard it and decides what happens.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/**
 * Runs `cleanup` (synchronously) if SIGINT, SIGTERM or SIGHUP ends the process before the
 * returned function is called: a Ctrl-C would otherwise leave the build's lock files and its
 * pages in memory (/dev/shm, which only a reboot or the next build frees).
 */
export function cleanUpOnSignals(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const signal of DEFERRED_SIGNALS) process.on(signal, interrupted);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of DEFERRED_SIGNALS) process.off(signal, interrupted);
  };
}

/**
 * Runs `step` with SIGINT, SIGTERM and SIGHUP held back. A signal that arrived meanwhile is
 * raised again once `step` has ended, whether it succeeded or failed: with no other listener for
 * it, the process then ends as the signal says (as it would have without this).
 */
export async function finishBeforeSignals<T>(step: () => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    received ??= signal;
  };
  for (const signal of DEFERRED_SIGNALS) process.on(signal, hold);
  holding++;
  try {
    return await step();
  } finally {
    holding--;
    for (const signal of DEFERRED_SIGNALS) process.off(signal, hold);
    if (received !== undefined) {
      if (cleanups.size > 0) interrupted(received);
      // Another listener (the server's shutdown) already heard it and decides what happens.
      else if (process.listenerCount(received) === 0) process.kill(process.pid, received);
    }
  }
}
