// Runs Pagefind's command-line indexer over a folder of pages. Its Node API runs the same indexer
// as a service, fed page by page over a pipe, and costs far more: 10,000 articles' pages took
// 60 s of CPU through the service (addDirectory, so not even the pipe) and 44 s through the
// command line, from the same files on the same machine. The indexer is the largest part of a
// cold build, so the build runs the command line.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { indexerPinning, type CpuPinning } from './cpu-affinity.ts';

/** What a run of the indexer left: whether it succeeded, and what it printed (errors and warnings only). */
export interface PagefindRun {
  ok: boolean;
  output: string;
}

let binary: Promise<string> | undefined;

/**
 * The indexer binary the `pagefind` package would run. Its resolver is not among the package's
 * exports, so it is loaded by file URL; it honours PAGEFIND_BINARY_PATH like the package's own CLI.
 */
function pagefindBinary(): Promise<string> {
  binary ??= import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href).then((module: { resolveBinaryPath: (names: string[]) => string }) =>
    module.resolveBinaryPath(['pagefind_extended', 'pagefind']),
  );
  return binary;
}

/** The indexer as one lane (pagefind-lanes.ts) runs it. */
export interface PartIndexer {
  index(siteDir: string, outputPath: string, logfile: string): Promise<PagefindRun>;
}

/** Runs of the indexer, so that a failed build can stop the ones still going. */
export class PagefindCli {
  readonly #running = new Set<ChildProcess>();
  readonly #pinning: CpuPinning;

  constructor(pinning: CpuPinning = indexerPinning()) {
    this.#pinning = pinning;
  }

  /**
   * Indexes the HTML files under `siteDir` into a bundle at `outputPath`, logging to `logfile`.
   * Pagefind would read a pagefind.yml (or .toml, .json) in its working folder, and the user's
   * project may have one for another site: it runs in `siteDir`, which holds only pages. Runs
   * of different `lane`s run on different CPUs (cpu-affinity.ts).
   */
  async index(siteDir: string, outputPath: string, logfile: string, lane = 0): Promise<PagefindRun> {
    const binaryPath = await pagefindBinary();
    [siteDir, outputPath, logfile] = [siteDir, outputPath, logfile].map((file) => path.resolve(file)) as [string, string, string];
    return new Promise<PagefindRun>((resolve) => {
      const [command, args] = this.#pinning.command(lane, binaryPath, ['--site', siteDir, '--output-path', outputPath, '--logfile', logfile, '--quiet']);
      const child = spawn(command, args, { cwd: siteDir, stdio: ['ignore', 'pipe', 'pipe'] });
      this.#running.add(child);
      let output = '';
      const collect = (chunk: Buffer) => {
        // Quiet, it prints only warnings and errors; a bound keeps a flood of them from piling up.
        if (output.length < 64 * 1024) output += chunk.toString('utf8');
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', (error) => {
        this.#running.delete(child);
        resolve({ ok: false, output: `could not start ${command === binaryPath ? command : `${binaryPath} through ${command}`}: ${error.message}` });
      });
      child.on('close', (code, signal) => {
        this.#running.delete(child);
        const status = signal ? `stopped by ${signal}` : `exited with status ${code}`;
        resolve({ ok: code === 0, output: code === 0 ? output.trim() : `${output.trim() || 'no message'} (${status})` });
      });
    });
  }

  /** Stops every run still going. */
  stop(): void {
    for (const child of this.#running) child.kill();
  }
}
