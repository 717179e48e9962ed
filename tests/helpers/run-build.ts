// Runs the real command-line build in a child process, as a user would, into temporary folders.

import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLI, PROJECT_ROOT, temporaryDir } from './paths.ts';

export interface BuildRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outDir: string;
  articlesDir: string;
  report: BuildReport;
}

export interface BuildReport {
  articles: Array<{ source: string; file: string; url: string; title: string; date: string; dateSource: string }>;
  problems: Array<{ code: string; file: string; line?: number; severity: string; message: string; hint: string }>;
  pages: number;
  search: { pages: number; bytes: number; files: number; parts: { built: string[]; reused: string[]; streamed: string[] } } | null;
  seconds: Record<string, number>;
}

/** Runs the CLI (`options.cli`: another checkout's `bin/broadsheet.js`) with `args`, as a user would. */
export async function runCli(args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; cli?: string } = {}): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.cli ?? CLI, ...args],
      { cwd: options.cwd ?? PROJECT_ROOT, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

/** A fresh inbox holding `files` (name → text) and, when given, a meta.jsonl with one line per `sidecar` entry. */
export async function writeInbox(prefix: string, files: Record<string, string>, sidecar?: readonly object[]): Promise<string> {
  const inbox = path.join(await temporaryDir(prefix), 'inbox');
  await mkdir(inbox, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(inbox, name), text);
  if (sidecar) await writeFile(path.join(inbox, 'meta.jsonl'), sidecar.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return inbox;
}

/** Builds `inbox` into fresh temporary articles and output folders and reads the JSON report; `env` adds environment variables. */
export async function buildArchive(inbox: string, extraArgs: string[] = [], dirs: { outDir?: string; articlesDir?: string } = {}, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  const work = await temporaryDir('build');
  const outDir = dirs.outDir ?? path.join(work, 'site');
  const articlesDir = dirs.articlesDir ?? path.join(work, 'articles');
  const reportFile = path.join(work, 'report.json');
  const result = await runCli(['build', '--inbox', inbox, '--articles', articlesDir, '--out', outDir, '--report', reportFile, '--quiet', ...extraArgs], { env });
  let report: BuildReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
  } catch {
    throw new Error(`build wrote no report (exit ${result.exitCode}):\n${result.stderr}`);
  }
  return { ...result, outDir, articlesDir, report };
}
