// The largest source ingest reads. A build holds about 65 times a source's size in memory while
// it parses, renders and indexes it (16 MB of text took 1.1 GB, 50 MB 3.1 GB), so one file of a
// few hundred megabytes (a database dump, a whole site's text in one file) would stop the build
// with Node out of memory, and every other article with it. A news article is rarely over 1 MB.

import type { ProblemInput } from '../problems.ts';

export const DEFAULT_MAX_SOURCE_MB = 16;

/** The limit in bytes: BROADSHEET_MAX_SOURCE_MB (whole megabytes) or the default. */
export function maxSourceBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BROADSHEET_MAX_SOURCE_MB;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_SOURCE_MB * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`The environment variable BROADSHEET_MAX_SOURCE_MB="${raw}" must be a whole number of megabytes above 0; unset it to use the default (${DEFAULT_MAX_SOURCE_MB}).`);
  }
  return value * 1024 * 1024;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The error for a source over the limit: it is left out, and the rest of the inbox is built. */
export function sourceTooLarge(file: string, bytes: number, limit: number): ProblemInput {
  return {
    code: 'SOURCE_TOO_LARGE',
    file,
    message: `is ${megabytes(bytes)}, over the ${megabytes(limit)} a source may be (a build needs about 65 times a source's size in memory); it is left out, and an article it made before stays as it is`,
    hint: 'Check that it is one article: split it into one file per article, or remove what is not article text. To build it as it is, raise the limit with BROADSHEET_MAX_SOURCE_MB.',
  };
}
