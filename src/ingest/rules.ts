// The default patterns that recognise site chrome before the headline and boilerplate after the
// article. Users extend them in broadsheet.config.json (see README, "Ingest rules").

export interface IngestRules {
  /** Lines before the headline that are site furniture, not the article (`Published`, `- 3 min read`). */
  chrome: RegExp[];
  /** Lines at the end of an article that are page furniture (comment forms, share prompts, end markers). */
  boilerplate: RegExp[];
}

export const DEFAULT_CHROME_PATTERNS: string[] = [
  '^published$',
  '^(published|updated|posted)( on)?:?\\s+\\S.{0,60}$',
  '^-?\\s*\\d+\\s*min(ute)?s?\\s+read$',
  '^share( this( article| story)?)?:?$',
  '^advertisement$',
  '^(skip to (main )?content|menu|home|search)$',
  '^(breaking|exclusive|live|watch|listen)$',
];

export const DEFAULT_BOILERPLATE_PATTERNS: string[] = [
  '^leave a (reply|comment)$',
  '^your email address will not be published\\b',
  '^required fields are marked',
  '^(share|share this|share on \\w+|tweet|email|print)( article| story)?:?$',
  '^(related|related (articles|posts|stories)|read more|more from \\w+|recommended):?$',
  '^(tags?|keywords?|topics?)\\s*:',
  '^(advertisement|sponsored)$',
  '^(copyright|©|\\(c\\))\\s.{0,120}$',
  '^all rights reserved\\.?$',
  '^/+\\s*انتهى\\s*/+$',
  '^\\(?\\s*انتهى\\s*\\)?$',
  '^(sign up|subscribe)( to| for)? (our|the) newsletter.{0,80}$',
  '^(follow us|like us) on .{0,60}$',
  '^comments?( \\(\\d+\\))?$',
];

export function compileRules(chrome: string[], boilerplate: string[]): IngestRules {
  const compile = (pattern: string) => new RegExp(pattern, 'iu');
  return { chrome: chrome.map(compile), boilerplate: boilerplate.map(compile) };
}

export const DEFAULT_RULES: IngestRules = compileRules(DEFAULT_CHROME_PATTERNS, DEFAULT_BOILERPLATE_PATTERNS);

export function matchesAny(line: string, patterns: RegExp[]): boolean {
  const trimmed = line.trim();
  return patterns.some((pattern) => pattern.test(trimmed));
}
