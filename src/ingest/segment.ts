// Finds the structure of a raw article: chrome and headline at the top, boilerplate at the end,
// then paragraphs, section headings and the standfirst in between. Pure: text in, structure out.

import { withAsciiDigits } from './dates.ts';
import { findTrailingCut, LABELLED_DATE, matchesAny, type IngestRules } from './rules.ts';

export interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
  /** 1-based source line of the block's first line. */
  line: number;
}

export interface RemovedLine {
  line: number;
  text: string;
  reason: 'chrome' | 'boilerplate';
}

export interface SegmentedArticle {
  /** Empty when the source has no line that could be a headline. */
  title: string;
  titleLine: number;
  subtitle?: string;
  /** 1-based source line of the standfirst, when there is one. */
  subtitleLine?: number;
  blocks: Block[];
  removed: RemovedLine[];
  paragraphStyle: 'blank-line' | 'single-newline';
}

interface Line {
  number: number;
  text: string;
  /** The raw line starts with white space: some plain-text sources indent each paragraph's first line. */
  indented?: boolean;
}

const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or over per the to up upon via vs with without'.split(' '),
);
const TERMINAL = /[.!?…:;,"”’'»)\]]$/u;
const SENTENCE_END = /[.!?…]["”’'»)]?$/u;

// A byline or a picture credit is no section's title, however capitalised: `By Jane Smith`,
// `By Jane Smith, Political Correspondent`, `Reporting by Jane Smith; Editing by John Doe`,
// `Photo: Getty Images`. (`By the Numbers`, in lower case after `By`, may still be a heading.)
const BYLINE = /^(?:[Bb]y\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*\s*){1,4}(?:$|[,;|(–—-])|(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\s)/u;
const CREDIT = /^(?:(?:photo(?:graph)?|picture|image)s?(?:\s+credit)?|credit)\s*:/i;

/** Short, title-like lines (`The Facts: Diplomatic Outreach to a Designated Terrorist Organization`). */
export function looksLikeHeading(text: string): boolean {
  if (text.length > 110 || TERMINAL.test(text) || BYLINE.test(text) || CREDIT.test(text)) return false;
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < 1 || words.length > 14) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  const significant = words.filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  const capitalised = significant.filter((word) => /^["“‘(]?\p{Lu}/u.test(word));
  // A `Label: Title` line, or a line whose significant words are (nearly) all capitalised.
  return /^[\p{Lu}][\p{L}' ]{1,30}: \S/u.test(text) || capitalised.length / significant.length >= 0.75;
}

/** Counts sentence ends, ignoring abbreviations like `U.S.` or `Mr.` followed by lower case. */
export function countSentences(text: string): number {
  const ends = text.match(/[.!?…]["”’'»)]?(?=\s+["“‘(]?[\p{Lu}\d])/gu)?.length ?? 0;
  return ends + (SENTENCE_END.test(text) ? 1 : 0);
}

/**
 * A `Published …` or `Updated …` line (rules.ts), which ends no sentence but is a line of its own:
 * `Published: June 3, 2024` then `Updated: June 4, 2024` on the next line are two datelines, never
 * one paragraph with each other or with the lede, and no section's heading.
 */
export function isLabelledDateLine(text: string): boolean {
  return text.length <= 100 && LABELLED_DATE.test(withAsciiDigits(text));
}

// A line the writer ended, not a program that wraps text at a width: a results table, a poem, an
// address or a list typed as consecutive lines. Its break is kept (a line break in the paragraph)
// when the line and the next line's first word fill at most WRAP_FILL of the width the text was
// wrapped at, so that word would have fitted on the line: a wrapper fills each line nearly to its
// width (`fmt`, `par` and proportional fonts in OCR'd columns less exactly than a greedy one), a
// writer ends a line where the line ends. The width is the source's longest line with a space in
// it (a line of one word, a long address, is where a wrapper had no choice), or, for a paragraph
// whose own lines fill its longest line of at least MIN_WRAP_WIDTH characters and mostly go on
// with a sentence (the next line starts in lower case), that line's: an e-mail paragraph wrapped
// at 72 columns in an article of unwrapped paragraphs stays prose, while a results table or a
// list of rows as long as each other, which start with capitals, figures or markers, keeps them.
const WRAP_FILL = 0.75;
const MIN_WRAP_WIDTH = 60;

function firstWordLength(text: string): number {
  const end = text.search(/\s/u);
  return end === -1 ? text.length : end;
}

/** The width the source's text was wrapped at, if it was: its longest line that has a space. */
function wrapWidth(lines: Line[]): number {
  let width = 0;
  let longest = 0;
  for (const line of lines) {
    if (line.text.length > longest) longest = line.text.length;
    if (line.text.length > width && /\s/u.test(line.text)) width = line.text.length;
  }
  return width || longest;
}

/** Whether most of a paragraph's lines after its first start in lower case, going on with a sentence. */
function continuesSentences(lines: Line[]): boolean {
  let lowerCase = 0;
  for (let i = 1; i < lines.length; i++) if (/^\p{Ll}/u.test(lines[i]!.text)) lowerCase++;
  return lowerCase * 2 > lines.length - 1;
}

const fillsLine = (line: Line, next: Line, width: number) => line.text.length + 1 + firstWordLength(next.text) > width * WRAP_FILL;

/**
 * One paragraph's lines as its text: a wrapped line continues the one before after a space, a line
 * the writer ended after a line break (`\n`, a `<br>` on the page).
 */
function joinParagraphLines(lines: Line[], sourceWidth: number): string {
  if (lines.length === 1) return lines[0]!.text;
  let own = 0;
  for (const line of lines) if (line.text.length > own) own = line.text.length;
  const wrappedAlone =
    own >= MIN_WRAP_WIDTH && own < sourceWidth && lines.every((line, i) => i === lines.length - 1 || fillsLine(line, lines[i + 1]!, own)) && continuesSentences(lines);
  const width = wrappedAlone ? own : sourceWidth;
  let text = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) text += `${fillsLine(lines[i - 1]!, lines[i]!, width) ? ' ' : '\n'}${lines[i]!.text}`;
  return text;
}

function splitWrappedGroup(group: Line[], width: number): Block[] {
  // Inside a blank-line-separated group, a line ending a sentence starts a new paragraph;
  // otherwise the next line continues it (hard-wrapped text). A dateline stands alone.
  const paragraphs: Line[][] = [];
  let current: Line[] | undefined;
  for (const line of group) {
    const dateline = isLabelledDateLine(line.text);
    if (current && dateline) {
      paragraphs.push(current);
      current = undefined;
    }
    if (current) current.push(line);
    else current = [line];
    if (dateline || SENTENCE_END.test(line.text)) {
      paragraphs.push(current);
      current = undefined;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs.map((lines) => ({ kind: 'paragraph', text: joinParagraphLines(lines, width), line: lines[0]!.number }));
}

/**
 * Paragraphs of a source without blank lines: one a line, except that a line continues the one
 * before when that one ends no sentence and this one starts in lower case, or the source indents
 * its paragraphs' first lines and this one is not indented (hard-wrapped text at 72 columns).
 */
function joinHardWrappedLines(lines: Line[], width: number): Block[] {
  const indentsParagraphs = lines.filter((line) => line.indented).length >= 2 && lines.some((line) => !line.indented);
  const paragraphs: Line[][] = [];
  let previous: Line | undefined;
  let previousIsDateline = false;
  for (const line of lines) {
    const current = paragraphs.at(-1);
    const dateline = isLabelledDateLine(line.text);
    const continues =
      current !== undefined && previous !== undefined && !previousIsDateline && !dateline && !SENTENCE_END.test(previous.text) && (/^\p{Ll}/u.test(line.text) || (indentsParagraphs && !line.indented));
    previousIsDateline = dateline;
    if (continues) current.push(line);
    else paragraphs.push([line]);
    previous = line;
  }
  return paragraphs.map((group) => ({ kind: 'paragraph', text: joinParagraphLines(group, width), line: group[0]!.number }));
}

function markHeadings(blocks: Block[]): void {
  for (let i = 0; i < blocks.length - 1; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1]!;
    // A paragraph with a line break (a table, a verse, an address) is no heading, which is one line.
    if (!block.text.includes('\n') && looksLikeHeading(block.text) && next.text.length > block.text.length && !looksLikeHeading(next.text) && !isLabelledDateLine(block.text)) {
      block.kind = 'heading';
    }
  }
}

/**
 * Whether the first line of a source, taken for chrome (`Search`, `Home`, `Live`), is its headline:
 * when the line after the chrome reads as running text, not as a headline, the chrome-like first
 * line is the only candidate, and dropping it would leave the article without its headline. It
 * must look like a headline itself (capitalised, no digits: never `Published 3 June 2024`).
 * Chrome lines after the first, and chrome before a real headline, are still removed.
 */
function chromeIsTheHeadline(chrome: RemovedLine[], next: string): boolean {
  // chrome[0] is the source's first non-blank line: the chrome loop starts at the top.
  const first = chrome[0];
  if (first === undefined) return false;
  return readsAsRunningText(next) && looksLikeHeading(first.text) && !/\d/.test(first.text);
}

/** A line that ends a sentence with a full stop, or holds more than one: a paragraph, not a headline. */
function readsAsRunningText(text: string): boolean {
  return /[.…]["”’'»)]?$/u.test(text) || countSentences(text) > 1;
}

export function segmentArticle(text: string, rules: IngestRules, knownTitle?: string): SegmentedArticle {
  const lines: Line[] = text.split('\n').map((raw, index) => ({ number: index + 1, text: raw.trim(), indented: /^[ \t\u3000]/.test(raw) }));
  const removed: RemovedLine[] = [];

  // Boilerplate: from the end, drop blank lines and lines matching a boilerplate rule, then cut
  // furniture glued to the end of the last remaining line (a scraped tag list).
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1]!;
    if (line.text === '') end--;
    else if (matchesAny(line.text, rules.boilerplate)) {
      removed.push({ line: line.number, text: line.text, reason: 'boilerplate' });
      end--;
    } else {
      const cut = findTrailingCut(line.text, rules.trailing);
      if (cut === -1) break;
      removed.push({ line: line.number, text: line.text.slice(cut).trim(), reason: 'boilerplate' });
      lines[end - 1] = { number: line.number, text: line.text.slice(0, cut).trim() };
    }
  }
  removed.reverse();

  // Chrome and headline: the first real line is the headline. With a known title (from a
  // sidecar) the headline is the first line equal to it, if the text repeats it at the top.
  let start = 0;
  const chrome: RemovedLine[] = [];
  let title = '';
  let titleLine = 0;
  while (start < end) {
    const line = lines[start]!;
    if (line.text === '') {
      start++;
      continue;
    }
    const isKnownTitle = knownTitle !== undefined && normaliseForComparison(line.text) === normaliseForComparison(knownTitle);
    // The sidecar's headline repeated at the top is the headline even when it reads like chrome.
    // A date in other digits (`Published: ٢٠٢٤-٠٦-٠٣`) is chrome as it is in ASCII ones.
    if (!isKnownTitle && matchesAny(withAsciiDigits(line.text), rules.chrome)) {
      chrome.push({ line: line.number, text: line.text, reason: 'chrome' });
      start++;
      continue;
    }
    if (knownTitle === undefined || isKnownTitle) {
      title = line.text;
      titleLine = line.number;
      start++;
    }
    break;
  }
  if (knownTitle === undefined && title !== '' && chromeIsTheHeadline(chrome, title)) {
    // The line taken for the headline is the article's first paragraph: give it back to the body.
    start = lines.findIndex((line) => line.number === titleLine);
    ({ text: title, line: titleLine } = chrome.shift()!);
  }
  removed.unshift(...chrome);

  const body = lines.slice(start, end);
  const nonBlank = body.filter((line) => line.text !== '');
  // A blank line after text (the body ends with text): one pass, as a file may hold a million blank lines.
  let seenText = false;
  let hasBlankBetween = false;
  for (const line of body) {
    if (line.text !== '') seenText = true;
    else if (seenText) {
      hasBlankBetween = true;
      break;
    }
  }
  const paragraphStyle = hasBlankBetween || nonBlank.length <= 1 ? 'blank-line' : 'single-newline';

  let blocks: Block[];
  if (paragraphStyle === 'single-newline') {
    blocks = joinHardWrappedLines(nonBlank, wrapWidth(nonBlank));
  } else {
    blocks = [];
    const width = wrapWidth(body);
    let group: Line[] = [];
    for (const line of [...body, { number: 0, text: '' }]) {
      if (line.text !== '') group.push(line);
      else if (group.length > 0) {
        blocks.push(...splitWrappedGroup(group, width));
        group = [];
      }
    }
  }
  markHeadings(blocks);

  // Standfirst: one sentence right after the headline, followed by more of the article.
  let subtitle: string | undefined;
  let subtitleLine: number | undefined;
  const first = blocks[0];
  if (
    title !== '' &&
    first?.kind === 'paragraph' &&
    !first.text.includes('\n') &&
    blocks.length >= 3 &&
    first.line <= titleLine + 2 &&
    countSentences(first.text) === 1 &&
    first.text.split(/\s+/).length <= 45 &&
    // `Veröffentlicht am 15. März 2024` ends no sentence at `15.`: a dateline, not a standfirst.
    !isLabelledDateLine(first.text)
  ) {
    subtitle = first.text;
    subtitleLine = first.line;
    blocks = blocks.slice(1);
  }

  const result: SegmentedArticle = { title, titleLine, blocks, removed, paragraphStyle };
  if (subtitle !== undefined) Object.assign(result, { subtitle, subtitleLine });
  return result;
}

/** For comparing headlines: case, spacing and punctuation-insensitive. */
export function normaliseForComparison(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}
