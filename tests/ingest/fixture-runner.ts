// Runs one ingest fixture folder the way ingest runs a source file (decode, sidecar, parse) and
// returns what a fixture's expectations are compared with. Shared by the fixture test and the
// script that drafts a new fixture's expectations.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSource } from '../../src/ingest/decode.ts';
import { sha256 } from '../../src/ingest/frontmatter.ts';
import { parseArticle, type ParsedArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { normaliseSidecar } from '../../src/ingest/sidecar.ts';
import { ProblemLog } from '../../src/problems.ts';

export const FIXTURES_DIR = new URL('../fixtures/ingest/', import.meta.url).pathname;
export const FIXTURE_KINDS = ['good', 'bad', 'must-not-crash'] as const;

export interface FixtureCase {
  /** Source path as ingest would see it (the date and section can come from it). */
  file?: string;
  timeZone?: string;
  sidecar?: Record<string, unknown>;
}

export interface FixtureOutcome {
  parsed?: ParsedArticle;
  problems: Array<{ code: string; severity: string; line?: number }>;
}

export function readFixtureCase(dir: string): FixtureCase {
  const file = path.join(dir, 'case.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FixtureCase) : {};
}

export function runFixture(dir: string): FixtureOutcome {
  const options = readFixtureCase(dir);
  const bytes = readFileSync(path.join(dir, 'input.txt'));
  const problems = new ProblemLog();
  const file = options.file ?? 'input.txt';
  const decoded = decodeSource(bytes);
  let parsed: ParsedArticle | undefined;
  if (!decoded.ok) {
    problems.error({ code: decoded.code, file, line: decoded.line, message: decoded.message, hint: decoded.hint });
  } else {
    for (const warning of decoded.warnings) problems.warn({ ...warning, file });
    const sidecar = options.sidecar ? normaliseSidecar(options.sidecar, { file: 'meta.jsonl', line: 1 }, problems) : undefined;
    parsed = parseArticle(
      // A fixed file time, so a fixture falling back to it is deterministic.
      { path: file, displayPath: file, hash: sha256(bytes), text: decoded.text, mtimeMs: Date.UTC(2020, 0, 1), ...(sidecar ? { sidecar } : {}) },
      { rules: DEFAULT_RULES, timeZone: options.timeZone ?? 'UTC', language: 'en' },
      problems,
    );
  }
  return {
    ...(parsed ? { parsed } : {}),
    problems: problems.problems.map((problem) => ({ code: problem.code, severity: problem.severity, ...(problem.line === undefined ? {} : { line: problem.line }) })),
  };
}
