// The archivist's entity rules: aliases that merge or rename names, kind overrides, and a block
// list of false entities. Built-in defaults plus an optional, hand-edited JSON file.

import { ConfigError, lineOfKey, readJsonSettingsText } from '../../config/site-config.ts';
import type { ProblemLog } from '../../problems.ts';

export type EntityKind = 'person' | 'organization' | 'place';
export const ENTITY_KINDS: EntityKind[] = ['person', 'organization', 'place'];

/** The aliases file as written (`entities.json`), documented in docs/entities.md. */
export interface EntityFile {
  /** Canonical name → the other ways it is written. */
  aliases?: Record<string, string[]>;
  /** Canonical name → the kind it always is, whatever the extractor or frontmatter says. */
  kinds?: Record<string, EntityKind>;
  /** Names that are never entities (compared case-insensitively, after aliases). */
  block?: string[];
  /** `false` to drop Broadsheet's built-in aliases and block list. Default `true`. */
  defaults?: boolean;
}

export interface EntityRules {
  /** Folded variant → canonical name. */
  aliases: Map<string, string>;
  /** Folded canonical name → kind. */
  kinds: Map<string, EntityKind>;
  /** Folded names that are never entities. */
  blocked: Set<string>;
}

/** Shipped defaults: the usual ways of writing the same country or body, and labels that look like names. */
export const DEFAULT_ENTITY_FILE: Required<Omit<EntityFile, 'defaults'>> = {
  aliases: {
    'United States': ['US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America', 'the United States'],
    'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
    'European Union': ['EU', 'E.U.'],
    'United Nations': ['UN', 'U.N.'],
    'United Arab Emirates': ['UAE', 'U.A.E.', 'Emirates'],
    Russia: ['Russian Federation'],
    'Islamic State': ['ISIS', 'ISIL', 'Daesh'],
    'al-Qaeda': ['Al-Qaeda', 'al Qaeda', 'Al Qaeda', 'al-Qaida'],
    NATO: ['Nato'],
    Ukraine: ['the Ukraine'],
    Kyiv: ['Kiev'],
    Myanmar: ['Burma'],
    'Czech Republic': ['Czechia'],
    Turkey: ['Türkiye'],
    'Washington, D.C.': ['Washington DC', 'Washington D.C.'],
  },
  kinds: {},
  block: [
    'Shock Report', 'The Facts', 'Opinion', 'Analysis', 'Context', 'Conclusion', 'Breaking News', 'Leave a Reply',
    'Related Articles', 'Read More', 'Share', 'Published', 'Advertisement', 'Sponsored', 'Getty Images',
  ],
};

/**
 * Comparison form of a name: case, width, apostrophes, dots, a closing exclamation mark
 * (`Yahoo!`, which ends a sentence as often as it ends the name) and spacing do not matter.
 */
const foldedNames = new Map<string, string>();
/** Folded names kept (`foldName`); past this the memo starts again, so it stays a few MB. */
const FOLDED_NAMES_KEPT = 50_000;

export function foldName(name: string): string {
  // Memoised: the same names recur across an archive's articles (extraction, terms, search
  // filters), and folding each again was 0.2 s of a 1,407-article build.
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = name.normalize('NFKC').toLowerCase().replace(/[’`]/g, "'").replace(/\./g, '').replace(/!(?=\s|$)/g, '').replace(/\s+/g, ' ').trim();
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
}

function addFile(rules: EntityRules, file: Omit<EntityFile, 'defaults'>): void {
  for (const [canonical, variants] of Object.entries(file.aliases ?? {})) {
    rules.aliases.set(foldName(canonical), canonical);
    for (const variant of variants) rules.aliases.set(foldName(variant), canonical);
  }
  for (const [name, kind] of Object.entries(file.kinds ?? {})) rules.kinds.set(foldName(name), kind);
  for (const name of file.block ?? []) rules.blocked.add(foldName(name));
}

/** Rules from a parsed file (defaults first, so the file's entries win). */
export function compileEntityRules(file: EntityFile = {}): EntityRules {
  const rules: EntityRules = { aliases: new Map(), kinds: new Map(), blocked: new Set() };
  if (file.defaults !== false) addFile(rules, DEFAULT_ENTITY_FILE);
  addFile(rules, file);
  return rules;
}

export const DEFAULT_ENTITY_RULES: EntityRules = compileEntityRules();

/** The article fields that hold names, each with the kind its names are unless the rules say otherwise. */
export const ENTITY_FIELDS: ReadonlyArray<readonly ['people' | 'organizations' | 'places', EntityKind]> = [
  ['people', 'person'],
  ['organizations', 'organization'],
  ['places', 'place'],
];

/**
 * An article's names as the archive shows them: each through the aliases and the block list,
 * under the kind the rules give it (else its field's). Names given by hand in an article file are
 * kept there as written, so the rules reach them here, at every build.
 */
export function ruledEntityNames(lists: Readonly<Record<'people' | 'organizations' | 'places', readonly string[]>>, rules: EntityRules): Array<[EntityKind, string]> {
  const names: Array<[EntityKind, string]> = [];
  for (const [field, kind] of ENTITY_FIELDS) {
    for (const raw of lists[field]) {
      const name = canonicalName(raw, rules);
      if (name !== undefined) names.push([rules.kinds.get(foldName(name)) ?? kind, name]);
    }
  }
  return names;
}

/** The canonical form of a name, or undefined when the rules block it. */
export function canonicalName(name: string, rules: EntityRules): string | undefined {
  const folded = foldName(name);
  const canonical = rules.aliases.get(folded) ?? name;
  const canonicalFolded = canonical === name ? folded : foldName(canonical);
  if (rules.blocked.has(folded) || rules.blocked.has(canonicalFolded)) return undefined;
  return canonical;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

/** Checks the file's shape; throws ConfigError naming the bad key (and its line, given the file's `text`) and how to fix it. */
export function parseEntityFile(raw: unknown, file: string, text?: string): EntityFile {
  const fail = (message: string, hint: string, keys: readonly string[] = []): never => {
    throw new ConfigError(file, message, hint, keys.length === 0 ? undefined : lineOfKey(text, keys));
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('must contain one JSON object', 'See docs/entities.md for the format: {"aliases": {...}, "kinds": {...}, "block": [...]}.');
  }
  const parsed: EntityFile = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema' || key.startsWith('//')) continue;
    if (key === 'aliases') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('"aliases" must be an object', 'Write "aliases": {"United States": ["US", "U.S."]}.', [key]);
      for (const [name, variants] of Object.entries(value as Record<string, unknown>)) {
        if (!isStringList(variants)) fail(`"aliases"."${name}" must be a list of names`, `Write "${name}": ["Another name"].`, [key, name]);
      }
      parsed.aliases = value as Record<string, string[]>;
    } else if (key === 'kinds') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('"kinds" must be an object', 'Write "kinds": {"Hamas": "organization"}.', [key]);
      for (const [name, kind] of Object.entries(value as Record<string, unknown>)) {
        if (!ENTITY_KINDS.includes(kind as EntityKind)) fail(`"kinds"."${name}" must be "person", "organization" or "place"`, `Write "${name}": "person".`, [key, name]);
      }
      parsed.kinds = value as Record<string, EntityKind>;
    } else if (key === 'block') {
      if (!isStringList(value)) fail('"block" must be a list of names', 'Write "block": ["Shock Report"].', [key]);
      parsed.block = value as string[];
    } else if (key === 'defaults') {
      if (typeof value !== 'boolean') fail('"defaults" must be true or false', 'Write "defaults": false to drop the built-in aliases, or remove the key.', [key]);
      parsed.defaults = value as boolean;
    } else {
      fail(`unknown key "${key}"`, 'Known keys: aliases, kinds, block, defaults. Remove or rename it.', [key]);
    }
  }
  return parsed;
}

/** Reads the aliases file; a missing or empty file (with a warning in `problems`) means the built-in defaults. */
export async function loadEntityRules(file: string, problems?: ProblemLog): Promise<EntityRules> {
  const read = await readJsonSettingsText(file);
  if (read?.empty) {
    problems?.warn({
      code: 'CONFIG_EMPTY',
      file,
      message: 'is empty: it gives no aliases, kinds or block list, so only the built-in ones are used',
      hint: 'Write them as one JSON object, e.g. {"aliases": {"United States": ["US"]}} (docs/entities.md), or delete the file.',
    });
  }
  return read === undefined ? DEFAULT_ENTITY_RULES : compileEntityRules(parseEntityFile(read.value, file, read.text));
}
