// The patterns that recognise site chrome before the headline and boilerplate after the
// article. Users add their own in broadsheet.config.json (`ingest`; see README, "Ingest rules").

export interface IngestRules {
  /** Lines before the headline that are site furniture, not the article (`Published`, `- 3 min read`). */
  chrome: RegExp[];
  /** Whole lines at the end of an article that are page furniture (comment forms, share prompts, end markers). */
  boilerplate: RegExp[];
  /**
   * Furniture glued to the end of the last paragraph by a scraper (a tag list, a "link to this
   * story" line). Each pattern must match up to the end of the line; only the matched part is cut,
   * and only when real text precedes it.
   */
  trailing: RegExp[];
}

/** Extra patterns from the configuration file, added to the defaults. */
export interface IngestRuleConfig {
  chrome: string[];
  boilerplate: string[];
  trailing: string[];
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

// A line of tag words has no sentence punctuation: `[^\s.!?؟،,;:]+` is one such word.
const TAG_WORDS = '(\\s+[^\\s.!?؟،,;:]+){1,25}';

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
  // Agency end-markers: `// انتهى //` (ends), `// يتبع //` (continues in the next dispatch).
  '^/+\\s*(انتهى|يتبع)\\s*/*$',
  '^\\(?\\s*انتهى\\s*\\)?$',
  // The agency's filing time under the end-marker: `20:26 ت م` (Mecca time), `14:05 GMT`.
  '^\\d{1,2}:\\d{2}\\s*(ت\\s?م|ت\\s?غ|gmt|utc)$',
  // Scraped tag lists on their own line: `سمات …`, `الوسوم: …`, `كلمات دالة: …`.
  `^(سمات|الوسوم|وسوم|كلمات دالة|الكلمات الدالة|كلمات مفتاحية)\\s*:?${TAG_WORDS}$`,
  // A columnist's contact line: `للتواصل مع الكاتب ارسل رسالة SMS …`.
  '^\\S*\\s*للتواصل مع الكاتب.{0,200}$',
  '^(sign up|subscribe)( to| for)? (our|the) newsletter.{0,80}$',
  '^(follow us|like us) on .{0,60}$',
  '^comments?( \\(\\d+\\))?$',
];

// Only cut after the end of a sentence, so a paragraph that merely contains the word keeps it.
const AFTER_SENTENCE = '(?<=[.!?؟…»"”)\\]])';

export const DEFAULT_TRAILING_PATTERNS: string[] = [
  // A tag list glued to the last paragraph: `… بكلية الطب. سمات تبوك جامعة`.
  `${AFTER_SENTENCE}\\s+سمات${TAG_WORDS}$`,
  // `… العلاج. رابط الخبر بصحيفة الوئام: <headline>` ("link to the story in the paper …").
  `${AFTER_SENTENCE}\\s+رابط الخبر[^:]{0,40}:.{0,300}$`,
  // An agency end-marker at the end of the last line: `… الرياض. // انتهى //`.
  `${AFTER_SENTENCE}\\s*(/{2,}|\\()\\s*انتهى\\s*(/{2,}|\\))$`,
  `${AFTER_SENTENCE}\\s+(tags|topics|keywords)\\s*:${TAG_WORDS.replace('[^\\s.!?؟،,;:]', '[^\\s.!?؟;:]')}$`,
];

export const NO_EXTRA_RULES: IngestRuleConfig = { chrome: [], boilerplate: [], trailing: [] };

/** Compiles one pattern as the rules use it: case-insensitive, Unicode-aware. Throws SyntaxError. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, 'iu');
}

/** The default rules plus the configured extra patterns. */
export function compileRules(extra: IngestRuleConfig = NO_EXTRA_RULES): IngestRules {
  return {
    chrome: [...DEFAULT_CHROME_PATTERNS, ...extra.chrome].map(compilePattern),
    boilerplate: [...DEFAULT_BOILERPLATE_PATTERNS, ...extra.boilerplate].map(compilePattern),
    trailing: [...DEFAULT_TRAILING_PATTERNS, ...extra.trailing].map(compilePattern),
  };
}

export const DEFAULT_RULES: IngestRules = compileRules();

export function matchesAny(line: string, patterns: RegExp[]): boolean {
  const trimmed = line.trim();
  return patterns.some((pattern) => pattern.test(trimmed));
}

/** Where trailing furniture starts in `line` (index of the cut), or -1 when none matches. */
export function findTrailingCut(line: string, patterns: RegExp[]): number {
  let cut = -1;
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (!match || match.index + match[0].length !== line.length) continue;
    // Real text must stay in front of the cut; the earliest match wins.
    if (line.slice(0, match.index).trim() === '') continue;
    if (cut === -1 || match.index < cut) cut = match.index;
  }
  return cut;
}
