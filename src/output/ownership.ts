// Whether a build may replace its output folder. A build that cannot be incremental puts a new
// folder in the old one's place (swap.ts), which deletes whatever the old one held. So a folder is
// replaced only when Broadsheet made everything in it: pointed at a folder of the user's own
// (--out docs) or at a deploy repository with its .git, a build would otherwise delete what it
// never made. What a previous build made is known from its manifest (a full build) or from its
// shard record (a shard's output, which has no manifest so that shards deploy side by side).

import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../fs-utils.ts';
import type { ProblemInput } from '../problems.ts';
import { MANIFEST_FILE, readManifest, type SiteManifest } from './manifest.ts';

const SHARD_RECORD_PREFIX = '.broadsheet-shard-';
const SHARD_RECORD_FORMAT = 1;

/** The file in a shard's output that lists what the shard made (`.broadsheet-shard-2015.json`). */
export function shardRecordName(shardName: string): string {
  return `${SHARD_RECORD_PREFIX}${shardName}.json`;
}

export function isShardRecordName(name: string): boolean {
  return name.startsWith(SHARD_RECORD_PREFIX) && name.endsWith('.json');
}

/** A shard record for an output whose top-level entries are `names` (the record itself included). */
export function serializeShardRecord(shardName: string, names: readonly string[]): string {
  const made = [...new Set([...names, shardRecordName(shardName)])].sort();
  return `${JSON.stringify({ format: SHARD_RECORD_FORMAT, made })}\n`;
}

async function shardRecordNames(file: string): Promise<string[]> {
  try {
    const record = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; made?: unknown };
    if (record.format === SHARD_RECORD_FORMAT && Array.isArray(record.made)) return record.made.filter((name): name is string => typeof name === 'string');
  } catch {
    // An unreadable record vouches for nothing; the folder's entries then count as foreign.
  }
  return [];
}

const FIRST_SEGMENT = /^([^/]+)/;

/**
 * The top-level names a full build's manifest vouches for, read from its file whatever its format
 * (`readManifest` refuses another format, and a site built by an older version must still be
 * replaceable); undefined when the file is not JSON at all, for then it vouches for everything:
 * a manifest is only ever written into Broadsheet's own output.
 */
async function namesFromManifestFile(outDir: string, manifest: SiteManifest | undefined): Promise<Set<string> | undefined> {
  let sitePaths: Iterable<string>;
  if (manifest) {
    sitePaths = manifest.files.keys();
  } else {
    try {
      const stored = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as { files?: unknown };
      sitePaths = stored !== null && typeof stored.files === 'object' && stored.files !== null ? Object.keys(stored.files) : [];
    } catch {
      return undefined;
    }
  }
  // The search bundles are not in the manifest: they carry their own records.
  const made = new Set([MANIFEST_FILE, 'pagefind']);
  for (const sitePath of sitePaths) {
    const first = FIRST_SEGMENT.exec(sitePath)?.[1];
    if (first !== undefined) made.add(first);
  }
  return made;
}

/** The top-level entries of `outDir` that no Broadsheet build made. */
async function foreignEntries(outDir: string, entries: readonly string[], manifest: SiteManifest | undefined): Promise<string[]> {
  const made = new Set<string>();
  if (entries.includes(MANIFEST_FILE)) {
    const vouched = await namesFromManifestFile(outDir, manifest);
    if (vouched === undefined) return [];
    for (const name of vouched) made.add(name);
  }
  for (const name of entries.filter(isShardRecordName)) {
    for (const madeName of await shardRecordNames(path.join(outDir, name))) made.add(madeName);
  }
  return entries.filter((name) => !made.has(name)).sort();
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `"${name}"`);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more.toLocaleString('en')} more` : shown.join(', ').replace(/, ([^,]*)$/, ' and $1');
}

export interface OutputFolder {
  /** Why the build may not replace the folder; undefined when it may. */
  problem: ProblemInput | undefined;
  /** The manifest of the site in it, read for the check and reused by the build. */
  manifest: SiteManifest | undefined;
}

/**
 * The other builds whose output is in a folder a shard named `shardName` would replace: a full
 * build (its manifest) and other shards (their records), as "a full build", "shard 2015".
 */
function otherBuilds(entries: readonly string[], shardName: string): string[] {
  const others = entries.includes(MANIFEST_FILE) ? ['a full build'] : [];
  for (const name of entries.filter(isShardRecordName).sort()) {
    if (name !== shardRecordName(shardName)) others.push(`shard ${name.slice(SHARD_RECORD_PREFIX.length, -'.json'.length)}`);
  }
  return others;
}

/**
 * Whether `outDir` may be replaced as a whole: it may when it does not exist, is empty, or holds
 * only what Broadsheet builds made; for a shard (`shardName`), only what that shard made, since
 * the rest of a deploy folder of merged shards, or a full build's site, would go with it.
 */
export async function inspectOutputFolder(outDir: string, shardName?: string): Promise<OutputFolder> {
  let info: Stats;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: undefined, manifest: undefined };
    throw error;
  }
  if (info.isSymbolicLink()) {
    // It looks like a folder in a listing; the build would replace the link, not fill its target.
    const target = path.resolve(path.dirname(outDir), await readlink(outDir));
    return {
      problem: {
        code: 'OUTPUT_NOT_A_FOLDER',
        file: displayPath(outDir),
        message: `is a symbolic link to ${displayPath(target)}; a build puts a new folder in the output's place, so the link would be replaced and its target left as it was: nothing was built`,
        hint: `Pass the folder itself (--out ${displayPath(target)}), or remove the link.`,
      },
      manifest: undefined,
    };
  }
  if (!info.isDirectory()) {
    return {
      problem: {
        code: 'OUTPUT_NOT_A_FOLDER',
        file: displayPath(outDir),
        message: 'is not a folder; a build puts the site in its place, so it would be lost: nothing was built',
        hint: 'Choose a folder for --out (a new one, e.g. _site), or move this one away.',
      },
      manifest: undefined,
    };
  }
  const entries = await readdir(outDir);
  const manifest = entries.includes(MANIFEST_FILE) ? await readManifest(outDir) : undefined;
  const foreign = await foreignEntries(outDir, entries, manifest);
  const others = foreign.length === 0 && shardName !== undefined ? otherBuilds(entries, shardName) : [];
  if (others.length > 0) {
    return {
      problem: {
        code: 'OUTPUT_HAS_OTHER_BUILDS',
        file: displayPath(outDir),
        message: `holds the output of ${others.join(', ').replace(/, ([^,]*)$/, ' and $1')}, which shard ${shardName} does not make; a build replaces the whole output folder, so it would be lost: nothing was built`,
        hint: `Build each shard into a folder of its own (--out out/${shardName}) and copy them all into the deploy folder. To replace this folder with the shard alone, delete it first.`,
      },
      manifest,
    };
  }
  if (foreign.length === 0) return { problem: undefined, manifest };
  return {
    problem: {
      code: 'OUTPUT_HAS_OTHER_FILES',
      file: displayPath(outDir),
      message: `holds ${listed(foreign)}, which no Broadsheet build made; a build replaces the whole output folder, so ${foreign.length === 1 ? 'it' : 'they'} would be lost: nothing was built`,
      hint: 'Choose a new or empty folder for --out (e.g. _site), or move those files out of it. To publish from a repository (a .git folder), build elsewhere and copy the site into it.',
    },
    manifest,
  };
}
