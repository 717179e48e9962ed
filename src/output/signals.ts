// The last step of a build puts the new site in place: two renames for a full build, a few hundred
// moves for an incremental one. A Ctrl-C (or a service manager's SIGTERM) in the middle of the
// moves would leave a site of old and new files until the next build replays the journal, and a
// user who deploys the folder meanwhile deploys the mix. So the step runs to its end first, and
// the signal then takes its course. SIGKILL cannot be caught; the journal covers that.

const DEFERRED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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
  try {
    return await step();
  } finally {
    for (const signal of DEFERRED_SIGNALS) process.off(signal, hold);
    // Another listener (the server's shutdown) already heard it and decides what happens.
    if (received !== undefined && process.listenerCount(received) === 0) process.kill(process.pid, received);
  }
}
