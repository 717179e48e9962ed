// Titles made of article data and other text, where markup cannot isolate the data: a <title>,
// og:title, feed titles. A headline with an unterminated override (U+202E) would otherwise
// reverse the site name after it in a browser tab, a feed reader or a share card.

const EMBEDDINGS = new Set([0x202a, 0x202b, 0x202d, 0x202e]); // LRE RLE LRO RLO
const POP_EMBEDDING = 0x202c; // PDF
const ISOLATES = new Set([0x2066, 0x2067, 0x2068]); // LRI RLI FSI
const POP_ISOLATE = 0x2069; // PDI
const FSI = '\u2068';
const PDI = '\u2069';

// Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their
// presentation forms, and the right-to-left blocks above the first plane) and the marks and
// controls that change direction: text with none of them displays the same isolated or not.
const NEEDS_ISOLATION = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u061c\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * `text` with every embedding, override and isolate it opens and leaves open closed at its end,
 * in the order the Unicode Bidirectional Algorithm (UAX #9, X6a and X7) pairs them: a PDF closes
 * the innermost embedding unless an isolate is open inside it, a PDI closes the innermost isolate
 * and every embedding opened within it. Unmatched closers are left alone (the algorithm ignores
 * them). Balanced text is returned unchanged.
 */
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function closeBidi(text: string): string {
  // Nearly every text has no direction control at all.
  if (!ANY_CONTROL.test(text)) return text;
  const open: Array<'embedding' | 'isolate'> = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (EMBEDDINGS.has(code)) open.push('embedding');
    else if (ISOLATES.has(code)) open.push('isolate');
    else if (code === POP_EMBEDDING && open.at(-1) === 'embedding') open.pop();
    else if (code === POP_ISOLATE && open.includes('isolate')) open.splice(open.lastIndexOf('isolate'));
  }
  return text + open.reverse().map((kind) => (kind === 'isolate' ? PDI : '\u202C')).join('');
}

/**
 * `text` as one part of a longer plain-text title: closed (closeBidi) and, when it holds any
 * right-to-left letter or direction control, wrapped in FSI…PDI, so its direction is its own and
 * the text around it (` · Site name`) keeps its order. Left-to-right text is returned unchanged,
 * so most titles carry no invisible characters.
 */
export function isolateBidi(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `${FSI}${closeBidi(text)}${PDI}` : text;
}

/**
 * Every string in `value` (JSON data: objects, arrays, strings, numbers) closed with `closeBidi`:
 * the JSON-LD of a page, whose names and headline a search engine or share card shows beside
 * other text.
 */
export function closeBidiInStrings<T>(value: T): T {
  if (typeof value === 'string') return closeBidi(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => closeBidiInStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, closeBidiInStrings(item)])) as T;
  }
  return value;
}
