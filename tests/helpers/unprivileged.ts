// Running the CLI as a user file permissions apply to: root ignores them, so a test run as root
// drops to nobody; anyone else runs as themselves.

import { execFile, spawnSync } from 'node:child_process';
import os from 'node:os';
import { CLI, PROJECT_ROOT } from './paths.ts';

export const asRoot = process.getuid?.() === 0;
export const NOBODY = 65534;

const asNobody = () => ({ uid: NOBODY, gid: NOBODY, env: { ...process.env, HOME: os.tmpdir() } });

/** Runs the CLI with `args` as nobody when the tests run as root, else as the current user. */
export function runAsUnprivileged(args: string[]): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, timeout: 120_000, ...(asRoot ? asNobody() : {}) }, (error, _stdout, stderr) =>
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
    );
  });
}

/**
 * Why tests that drop to nobody cannot run here, if they cannot: nobody must be able to run the
 * project (a clone under /root, mode 700, is out of nobody's reach). Probed once, on first use.
 */
let probed: string | false | undefined;
export function unprivilegedSkipReason(): string | false {
  if (probed !== undefined) return probed;
  if (!asRoot) return (probed = false);
  const probe = spawnSync(process.execPath, [CLI, '--help'], { cwd: PROJECT_ROOT, timeout: 60_000, ...asNobody() });
  return (probed = probe.status === 0 ? false : `user nobody cannot run ${CLI} (clone the project where other users can read it to run this test)`);
}
