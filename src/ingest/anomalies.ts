// Finds text that is probably damaged or deceptive but is kept as it is: the archivist decides.
// Reported as warnings with their line; the text itself is never changed here.

export interface Anomaly {
  code: string;
  message: string;
  hint: string;
}

const LATIN = '\\p{Script=Latin}';
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
const MIXED_SCRIPT_WORD = new RegExp(`[${LATIN}][${CJK}]|[${CJK}][${LATIN}]`, 'u');
// Embeddings, overrides and isolates (Trojan Source), and the invisible direction marks LRM, RLM
// and ALM, which scrapers leave in right-to-left text.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/u;
export const LONG_LINE_CHARACTERS = 20_000;

export function findLineAnomalies(line: string): Anomaly[] {
  const found: Anomaly[] = [];
  const mixed = MIXED_SCRIPT_WORD.exec(line);
  if (mixed) {
    const start = Math.max(0, mixed.index - 12);
    const excerpt = line.slice(start, mixed.index + 14);
    found.push({
      code: 'TEXT_MIXED_SCRIPT',
      message: `mixed-script debris "${excerpt}": letters of two scripts run together in one word`,
      hint: 'Probably scraper debris; check the source and correct it by hand if it is wrong. The text is kept as it is.',
    });
  }
  if (BIDI_CONTROL.test(line)) {
    found.push({
      code: 'TEXT_BIDI_CONTROL',
      message: 'contains invisible bidirectional control characters (U+202A–U+202E, U+2066–U+2069) or direction marks (U+200E, U+200F, U+061C), which can make text display in a misleading order',
      hint: 'Remove them from the source unless the text needs them; pages isolate them so they cannot reorder the page.',
    });
  }
  if (line.includes('\uFFFD')) {
    found.push({
      code: 'TEXT_REPLACEMENT_CHARACTER',
      message: 'contains U+FFFD replacement characters: text was already damaged when this file was made',
      hint: 'Find a better copy of the source, or correct the damaged words by hand.',
    });
  }
  // A paragraph whose line breaks were kept (a results table of 650 rows) is many lines.
  const longest = line.length > LONG_LINE_CHARACTERS ? longestLine(line) : 0;
  if (longest > LONG_LINE_CHARACTERS) {
    found.push({
      code: 'TEXT_LONG_LINE',
      message: `a single line of ${longest} characters: paragraphs may have lost their line breaks`,
      hint: 'Check the source; split it into paragraphs with blank lines if it should be several.',
    });
  }
  return found;
}

function longestLine(text: string): number {
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - start);
    start = stop + 1;
  }
  return longest;
}

// Joiners are part of writing in some places: inside emoji sequences (👩‍🚀) and between letters
// (Persian and Indic scripts use U+200C/U+200D). Only joiners elsewhere are suspicious.
const LEGITIMATE_JOINER = /(?<=[\p{Extended_Pictographic}\p{L}\p{M}\uFE0F])[\u200C\u200D](?=[\p{Extended_Pictographic}\p{L}\p{M}])/gu;

export function hasInvisibleCharacters(text: string): boolean {
  return INVISIBLE.test(text.replace(LEGITIMATE_JOINER, ''));
}

/** The invisible characters and bidirectional controls of a headline, each once, as `U+200B`. */
export function namedInvisibleCharacters(text: string): string[] {
  const found = text.replace(LEGITIMATE_JOINER, '').match(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu) ?? [];
  return [...new Set(found)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

// The bidirectional controls, by name: in a file name they show it in another order than its
// letters (`invoice` U+202E `txt.exe` shows as `invoiceexe.txt`).
const BIDI_CONTROL_NAMES: Record<string, string> = {
  '\u061C': 'ARABIC LETTER MARK', '\u200E': 'LEFT-TO-RIGHT MARK', '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE', '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE',
};
const ANY_BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The bidirectional controls and marks in `text`, each once, as `U+202E RIGHT-TO-LEFT OVERRIDE`. */
export function namedBidiControls(text: string): string[] {
  const found = text.match(ANY_BIDI_CONTROL) ?? [];
  return [...new Set(found)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${BIDI_CONTROL_NAMES[char]!}`);
}

// A document in a markup format saved as `.txt` (a scraper that wrote the page it fetched, a word
// processor's file renamed): its first line that is not blank. An HTML page starts with its
// doctype or `<html>` (after an XML declaration or a comment, in XHTML), alone or before another
// tag (a headline such as `<html> tags explained` is text), an RTF file with `{\rtf`.
const MARKUP_START_LINES = 5;
const MARKUP_START_CHARACTERS = 4096;
const MARKUP_SHOWN_CHARACTERS = 60;
const XML_PROLOGUE = /^(?:<\?xml\b[^>]*>|<!--[\s\S]*?-->|\s)*/;
const HTML_START = /^<(?:!doctype\s+html\b[^>]*|html(?:\s[^>]*)?)>\s*(?:<|$)/i;
const RTF_START = /^\{\\rtf/;

/**
 * The markup format a source is written in, when it starts as an HTML page or an RTF file does:
 * the format, and the line (1-based) and text it starts with. Broadsheet reads plain text, so
 * such a source is published as the text it is, tags and control words included.
 */
export function findMarkupDocument(text: string): { format: 'HTML' | 'RTF'; line: number; start: string } | undefined {
  // The start of the text only: its first line may be megabytes long.
  const lines = text.slice(0, MARKUP_START_CHARACTERS).split('\n', MARKUP_START_LINES);
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index === -1) return undefined;
  const line = lines[index]!.trim();
  const format = RTF_START.test(line) ? 'RTF' : HTML_START.test(lines.slice(index).join('\n').replace(XML_PROLOGUE, '')) ? 'HTML' : undefined;
  const characters = [...line.slice(0, 2 * MARKUP_SHOWN_CHARACTERS)];
  return format && { format, line: index + 1, start: characters.length > MARKUP_SHOWN_CHARACTERS ? `${characters.slice(0, MARKUP_SHOWN_CHARACTERS).join('')}…` : line };
}

// A YAML frontmatter block at the top of a source (`---`, `title: …`, `date: …`, `---`), as a
// Jekyll, Hugo or WordPress export writes one: what it holds is a key's line, a line indented
// under one, a list item or a blank line.
const BLOCK_FENCE = /^---[a-z]*[ \t]*$/i;
const BLOCK_END = /^(?:---|\.\.\.)[ \t]*$/;
const BLOCK_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;
const BLOCK_LINE = /^(?:[ \t]|-[ \t]|-$|#|$)/;
const MAX_BLOCK_LINES = 60;

/**
 * The frontmatter block a source starts with: its last line (1-based) and its keys; undefined when
 * it has none. Broadsheet reads no metadata from a source's text (sidecars give it), so the block
 * is published as text, which the archivist should know.
 */
export function findFrontmatterBlock(text: string): { end: number; keys: string[] } | undefined {
  if (!text.startsWith('---')) return undefined;
  const lines = text.split('\n', MAX_BLOCK_LINES);
  if (!BLOCK_FENCE.test(lines[0]!)) return undefined;
  const keys: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLOCK_END.test(line)) return keys.length > 0 ? { end: i + 1, keys } : undefined;
    const key = BLOCK_KEY.exec(line)?.[1];
    if (key !== undefined) {
      if (!keys.includes(key)) keys.push(key);
    } else if (!BLOCK_LINE.test(line)) return undefined;
  }
  return undefined;
}
