// Reads the numbers and warnings out of Pagefind's log, the only place its Node API reports how
// many words, filters and sort keys each language index holds.

export interface LanguageStats {
  pages: number;
  words: number;
  filters: number;
  sorts: number;
}

export interface IndexLog {
  languages: Record<string, LanguageStats>;
  /** `[Warn]` and `[Error]` lines, without their tag, once each; Pagefind's notes are left out. */
  warnings: string[];
}

/**
 * Pagefind 1.5 writes, per language and again for each writeFiles call:
 *   [Info]: Language en:
 *     Indexed 2 pages
 *     Indexed 585 words
 *     Indexed 0 filters
 *     Indexed 0 sorts
 * The last block per language wins.
 */
export function parseIndexLog(text: string): IndexLog {
  const languages: Record<string, LanguageStats> = {};
  const warnings = new Set<string>();
  let current: LanguageStats | undefined;
  for (const line of text.split('\n')) {
    const language = /^\[Info\]: Language (\S+?):\s*$/.exec(line);
    if (language) {
      current = { pages: 0, words: 0, filters: 0, sorts: 0 };
      languages[language[1]!] = current;
      continue;
    }
    const counted = /^\s+Indexed (\d+) (page|word|filter|sort)s?\s*$/.exec(line);
    if (counted && current) {
      current[`${counted[2] as 'page' | 'word' | 'filter' | 'sort'}s`] = Number(counted[1]);
      continue;
    }
    if (!/^\s/.test(line)) current = undefined;
    const warning = /^\[(?:Warn|Warning|Error)\]:\s*(.+)$/.exec(line);
    // "Note: Pagefind doesn't support stemming for the language he" is about Pagefind, not about
    // anything in the archive that someone could fix: it is not a build problem.
    if (warning && !/^Note:/i.test(warning[1]!.trim())) warnings.add(warning[1]!.trim());
  }
  return { languages, warnings: [...warnings] };
}
