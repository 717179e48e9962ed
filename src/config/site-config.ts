// The site's settings: one JSON file (broadsheet.config.json), typed and validated here.
// Command-line flags override the file; the result is what every stage reads.

import { readFile } from 'node:fs/promises';
import { IANAZone } from 'luxon';
import { findDuplicateKeys } from '../ingest/duplicate-keys.ts';
import { locateJsonError } from '../ingest/json-error.ts';
import { compilePattern, NO_EXTRA_RULES, type IngestRuleConfig } from '../ingest/rules.ts';
import type { ProblemLog } from '../problems.ts';

export interface SiteConfig {
  /** Site name, shown in the header, feeds and titles. */
  title: string;
  /** One sentence about the archive, used in the about page and meta descriptions. */
  description: string;
  /** Absolute URL where the site is deployed, without the path prefix (e.g. `https://example.org`). */
  baseUrl: string;
  /** URL path the site lives under, starting and ending with `/` (e.g. `/archive/`). */
  pathPrefix: string;
  /** Default language of articles and of the interface (BCP 47, e.g. `en`). */
  language: string;
  /** IANA time zone used to read dates without a zone and to display dates (e.g. `Europe/London`). */
  timeZone: string;
  /** Articles per page on the home page and list pages. */
  pageSize: number;
  /** A person, organisation or place gets a page when at least this many articles mention it. */
  minArticlesForEntityPage: number;
  /** The entity aliases file (docs/entities.md), relative to the configuration file's folder. */
  entitiesFile: string;
  /** Extra ingest patterns (regular expressions), added to the built-in ones in src/ingest/rules.ts. */
  ingest: IngestRuleConfig;
}

export const DEFAULT_CONFIG: SiteConfig = {
  title: 'Broadsheet',
  description: 'A searchable news archive.',
  baseUrl: 'http://localhost:8080',
  pathPrefix: '/',
  language: 'en',
  timeZone: 'UTC',
  pageSize: 20,
  minArticlesForEntityPage: 2,
  entitiesFile: 'entities.json',
  ingest: NO_EXTRA_RULES,
};

export const CONFIG_FILE_NAME = 'broadsheet.config.json';

/** Thrown when the configuration cannot be used: the CLI prints it and exits 2 without building. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong, without the file's name (a problem names it apart). */
    readonly detail: string,
    readonly hint: string,
    /** The line the problem is on, when it is one line's (a JSON syntax error). */
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'ConfigError';
  }
}

type Validator = (value: unknown) => string | undefined;

const isNonEmptyString: Validator = (value) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : 'must be a non-empty string';

const VALIDATORS: Record<keyof SiteConfig, Validator> = {
  title: isNonEmptyString,
  description: (value) => (typeof value === 'string' ? undefined : 'must be a string'),
  baseUrl: (value) => {
    if (typeof value !== 'string') return 'must be a string such as "https://example.org"';
    try {
      const url = new URL(value);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
      // Every canonical link, feed and sitemap entry starts with it: a password there is published.
      if (url.username || url.password) return 'must have no user name or password: every page, feed and the sitemap would publish them';
      if (url.pathname !== '/' || url.search || url.hash) {
        return 'must have no path, query or fragment: put the path in "pathPrefix"';
      }
      return undefined;
    } catch {
      return 'is not a valid absolute URL, e.g. "https://example.org"';
    }
  },
  pathPrefix: (value) =>
    typeof value === 'string' && /^\/([A-Za-z0-9._~-]+\/)*$/.test(value) && !/(^|\/)\.\.?\//.test(value)
      ? undefined
      : 'must start and end with "/" and contain only URL-safe path segments, e.g. "/archive/"',
  language: (value) =>
    typeof value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)
      ? undefined
      : 'must be a language tag such as "en" or "ar"',
  timeZone: (value) =>
    typeof value === 'string' && IANAZone.isValidZone(value)
      ? undefined
      : 'must be an IANA time zone such as "UTC" or "Europe/London"',
  pageSize: (value) =>
    Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000
      ? undefined
      : 'must be a whole number from 1 to 1000',
  minArticlesForEntityPage: (value) =>
    Number.isInteger(value) && (value as number) >= 1 ? undefined : 'must be a whole number, 1 or more',
  entitiesFile: (value) =>
    typeof value === 'string' && value.trim() !== '' && value.endsWith('.json') ? undefined : 'must be the path of a .json file, e.g. "entities.json"',
  ingest: validateIngestRules,
};

const RULE_KINDS = Object.keys(NO_EXTRA_RULES) as Array<keyof IngestRuleConfig>;

/** `ingest: { chrome: [...], boilerplate: [...], trailing: [...] }`, each a list of regular expressions. */
function validateIngestRules(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'must be an object such as { "boilerplate": ["^more from our site$"] }';
  }
  for (const [kind, patterns] of Object.entries(value)) {
    if (!RULE_KINDS.includes(kind as keyof IngestRuleConfig)) return `has an unknown key "${kind}" (known: ${RULE_KINDS.join(', ')})`;
    if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === 'string' && pattern !== '')) {
      return `"${kind}" must be a list of regular expressions written as strings`;
    }
    for (const pattern of patterns as string[]) {
      try {
        compilePattern(pattern);
      } catch (error) {
        return `"${kind}" pattern ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`;
      }
    }
  }
  return undefined;
}

/**
 * The line of a JSON file's text on which the key at `keys` (a setting, or `["aliases", "US"]`)
 * is written: each key's first occurrence as a key (after `{`, `,` or white space, so never inside
 * a string value) after the one before it; undefined without the text or when a key is not found.
 */
export function lineOfKey(text: string | undefined, keys: readonly string[]): number | undefined {
  if (text === undefined) return undefined;
  let at = 0;
  for (const key of keys) {
    const pattern = new RegExp(`(?:^|[{,\\s])${JSON.stringify(key).replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}\\s*:`, 'g');
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (!found) return undefined;
    at = found.index + found[0].indexOf('"');
  }
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < at; newline = text.indexOf('\n', newline + 1)) line++;
  return line;
}

/**
 * Checks an object of settings and fills defaults; throws ConfigError naming the first bad key,
 * and its line when the file's `text` is given.
 */
export function validateConfig(raw: unknown, file: string, text?: string): SiteConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, 'must contain one JSON object', `See the README's "Configuration" section.`);
  }
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema' || key.startsWith('//')) continue;
    if (!Object.hasOwn(VALIDATORS, key)) {
      throw new ConfigError(
        file,
        `unknown setting "${key}"`,
        `Known settings: ${Object.keys(VALIDATORS).join(', ')}. Remove or rename it.`,
        lineOfKey(text, [key]),
      );
    }
    const problem = VALIDATORS[key as keyof SiteConfig](value);
    if (problem) throw new ConfigError(file, `"${key}" ${problem}`, `Fix "${key}" in ${file}.`, lineOfKey(text, [key]));
    config[key] = key === 'ingest' ? { ...NO_EXTRA_RULES, ...(value as object) } : value;
  }
  return config as unknown as SiteConfig;
}

/**
 * A settings file's JSON, or undefined when the file does not exist. Unreadable files and bad JSON
 * are ConfigErrors naming the file; shared by the configuration and the entity aliases file.
 */
export async function readJsonSettings(file: string): Promise<unknown> {
  return (await readJsonSettingsText(file))?.value;
}

/**
 * `readJsonSettings` with the file's text, for messages that name a line. An empty file (nothing
 * but white space: made with `touch`, or emptied to start again) holds no settings, `{}`, and is
 * marked `empty` for a warning; a UTF-8 byte-order mark (Notepad writes one) is dropped.
 */
export async function readJsonSettingsText(file: string): Promise<{ value: unknown; text: string; empty?: true } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(file, `cannot be read (${(error as Error).message})`, 'Check the file permissions.');
  }
  // A UTF-8 byte-order mark (Notepad writes one) is no JSON.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return { value: {}, text, empty: true };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // JSON.parse names an offset at best (Node 20), which no editor goes to: name the line and column.
    const at = locateJsonError(text);
    const where = at ? ` at column ${at.column}` : '';
    throw new ConfigError(file, `is not valid JSON${where} (${(error as Error).message})`, 'Fix the JSON syntax (a comma after the last item, or a missing quote, is the usual cause).', at?.line);
  }
  // JSON.parse keeps a setting's last value without a word: one given twice with different values
  // (a line pasted from the README below the file's own) would build with one of them unseen.
  // Comment keys (`//`) may repeat.
  const twice = findDuplicateKeys(text).find(({ key, earlier, value: last }) => !key.startsWith('//') && JSON.stringify(earlier) !== JSON.stringify(last));
  if (twice) {
    const shown = (given: unknown) => {
      const json = JSON.stringify(given);
      return json.length > 60 ? `${json.slice(0, 60)}…` : json;
    };
    const first = lineOfKey(text, [twice.key]);
    throw new ConfigError(
      file,
      `gives "${twice.key}" twice, with different values: ${shown(twice.earlier)}${first === undefined ? '' : ` on line ${first}`}, then ${shown(twice.value)}; nothing was built`,
      `Keep the "${twice.key}" you mean and delete the other.`,
      twice.line,
    );
  }
  return { value, text };
}

/**
 * Reads the configuration file if it exists; a missing file means the defaults, unless it was
 * named (`required`: --config), when a typo in its name would build with the wrong settings. An
 * empty file means the defaults too, with a warning in `problems`.
 */
export async function loadConfig(file: string, required = false, problems?: ProblemLog): Promise<SiteConfig> {
  const read = await readJsonSettingsText(file);
  if (read === undefined && required) throw new ConfigError(file, 'does not exist (named by --config); nothing was built', `Check the file name, or leave out --config to use ${CONFIG_FILE_NAME} when there is one.`);
  if (read?.empty) {
    problems?.warn({
      code: 'CONFIG_EMPTY',
      file,
      message: 'is empty: it gives no settings, so the defaults are used',
      hint: 'Write the settings as one JSON object, e.g. {"title": "My archive"} (the README\'s "Configuration" lists them), or delete the file.',
    });
  }
  return read === undefined ? { ...DEFAULT_CONFIG } : validateConfig(read.value, file, read.text);
}

/** The command-line flag that overrides each setting. */
const OVERRIDE_FLAGS: Partial<Record<keyof SiteConfig, string>> = { baseUrl: '--base-url', pathPrefix: '--path-prefix' };

/** Applies command-line overrides, validating them like the file's values. */
export function withOverrides(config: SiteConfig, overrides: Partial<SiteConfig>, source: string): SiteConfig {
  const merged = { ...config };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const problem = VALIDATORS[key as keyof SiteConfig](value);
    if (problem) {
      // Named by its flag, as the user typed it (not echoed: a base URL may hold a password).
      const flag = (name: string) => OVERRIDE_FLAGS[name as keyof SiteConfig] ?? `"${name}"`;
      const detail = `${flag(key)} ${problem.replace(/"(\w+)"/g, (quoted, name: string) => (Object.hasOwn(OVERRIDE_FLAGS, name) ? flag(name) : quoted))}`;
      throw new ConfigError(source, detail, `Fix ${flag(key)}, or leave it out to use "${key}" from the configuration file.`);
    }
    Object.assign(merged, { [key]: value });
  }
  return merged;
}
