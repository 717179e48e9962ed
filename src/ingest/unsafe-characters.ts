// C0 control characters (but tab and the line ends), C1 control characters (U+0080–U+009F) and
// Unicode noncharacters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF) are parse errors in HTML
// ("control-character-in-input-stream", "noncharacter-in-input-stream") and invisible anyway, so
// no page may carry them; XML, and so the Atom feeds, allows no C0 control at all. C1 controls come
// from text written in Windows-1252, read as Latin-1 and saved as UTF-8 (mojibake: the smart quote
// 0x93 became U+0093), from the five bytes Windows-1252 leaves undefined, and from JSON or YAML
// escapes in sidecars and hand-edited article files, as C0 controls do (`\u0007`, `"\a"`). A C1
// control with a Windows-1252 meaning becomes that character, which is what the writer typed; the
// rest become U+FFFD; a C0 control is left out (a vertical tab or form feed becomes a space). Nothing
// else in the text changes. Each file gets one warning per kind, however many there are.

import type { ProblemInput } from '../problems.ts';

/**
 * Windows-1252's characters at 0x80–0x9F. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) stand for themselves, as in Latin-1: decode.ts keeps them so, and `replacementOf` turns
 * them into U+FFFD with a warning.
 */
export const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

// U+nFFFE and U+nFFFF above the first plane are the high surrogates D83F, D87F, … DBFF followed
// by DFFE or DFFF. Spelt out rather than \p{Noncharacter_Code_Point}: without the `u` flag the
// test runs three times as fast, and it runs over every source and article body.
const PATTERN = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]|[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]';
const UNSAFE = new RegExp(PATTERN, 'g');
const HAS_UNSAFE = new RegExp(PATTERN);

type Kind = 'c0' | 'c1' | 'noncharacter';

const CODES: Record<Kind, string> = { c0: 'TEXT_CONTROL_CHARACTER', c1: 'TEXT_C1_CONTROL', noncharacter: 'TEXT_NONCHARACTER' };

/** Where the text was found: it decides what the hint tells the archivist to correct. */
export type UnsafePlace = 'source' | 'sidecar' | 'article';

/** How to fix text that was Windows-1252 read as Latin-1: the replacements are most likely right. */
const MOJIBAKE_HINTS: Record<UnsafePlace, string> = {
  source: 'Re-save the source as proper UTF-8, converting it from Windows-1252 (not Latin-1), or correct the characters by hand',
  sidecar: 'Write the characters themselves in the sidecar, in UTF-8 (“ rather than \\u0093)',
  article: 'Correct the characters in the article file by hand (“ rather than \\u0093)',
};

/** How to fix control characters: they are no text, so only removing them silences the warning. */
const CONTROL_HINTS: Record<UnsafePlace, string> = {
  source: 'Remove them from the source',
  sidecar: 'Remove them from the sidecar (escapes such as \\u0007 too)',
  article: 'Remove them from the article file by hand (escapes such as "\\a" or "\\x07" too)',
};

/** How to fix characters that stand for nothing: only a person (or a better copy) can tell what was meant. */
const NOTHING_HINTS: Record<UnsafePlace, string> = {
  source: 'They stand for no character: correct the text by hand, or find a better copy of the source',
  sidecar: 'They stand for no character: correct the value in the sidecar',
  article: 'They stand for no character: correct the article file by hand',
};

export function hasUnsafeCharacters(text: string): boolean {
  return HAS_UNSAFE.test(text);
}

/**
 * What a control character or a noncharacter is published as: nothing for a C0 control (a space
 * for a vertical tab or form feed, which separate words), a C1 control's Windows-1252 character,
 * else U+FFFD.
 */
export function replacementOf(codePoint: number): string {
  if (codePoint < 0x80) return codePoint === 0x0b || codePoint === 0x0c ? ' ' : '';
  if (codePoint >= 0x80 && codePoint <= 0x9f) {
    const char = WINDOWS_1252_HIGH[codePoint - 0x80]!;
    if (char.charCodeAt(0) !== codePoint) return char;
  }
  return '\uFFFD';
}

const kindOf = (codePoint: number): Kind => (codePoint < 0x80 ? 'c0' : codePoint <= 0x9f ? 'c1' : 'noncharacter');

const name = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

interface Found {
  /** Each code point with how many times it was found, in order of first appearance. */
  counts: Map<number, number>;
  line: number | undefined;
  /** The parts that had them (`"title"`, `the body`), for messages about several parts of a file. */
  parts: Set<string>;
}

/**
 * Repairs the texts of one file (or one sidecar entry) and counts what it replaced, so that the
 * file gets one warning per kind naming every code point, not one per character or per field.
 */
export class UnsafeCharacterTally {
  readonly #found = new Map<Kind, Found>();

  /**
   * `text` with its unsafe characters replaced. `lineAt` gives the file's line of an index in
   * `text` (only asked for when something is found); `part` names the field the text is.
   */
  repair(text: string, lineAt: (index: number) => number | undefined, part?: string): string {
    if (!HAS_UNSAFE.test(text)) return text;
    // Only the first of each kind in a text needs its line (the rest come after it): counting
    // lines for each of thousands of mojibake quotes would read a large file thousands of times.
    const lined = new Set<Kind>();
    return text.replace(UNSAFE, (char, index: number) => {
      const codePoint = char.codePointAt(0)!;
      const kind = kindOf(codePoint);
      let found = this.#found.get(kind);
      if (!found) this.#found.set(kind, (found = { counts: new Map(), line: undefined, parts: new Set() }));
      found.counts.set(codePoint, (found.counts.get(codePoint) ?? 0) + 1);
      if (!lined.has(kind)) {
        lined.add(kind);
        const line = lineAt(index);
        if (line !== undefined && (found.line === undefined || line < found.line)) found.line = line;
      }
      if (part !== undefined) found.parts.add(part);
      return replacementOf(codePoint);
    });
  }

  /** One warning per kind found, at the first line where that kind was found; the caller names the file. */
  warnings(place: UnsafePlace): Array<Omit<ProblemInput, 'file'>> {
    return (['c0', 'c1', 'noncharacter'] as const).flatMap((kind) => {
      const found = this.#found.get(kind);
      if (!found) return [];
      const mojibake = kind === 'c1' && [...found.counts.keys()].some((codePoint) => replacementOf(codePoint) !== '\uFFFD');
      // An article file's source path is the inbox file's name, which ingest wrote there as it is.
      const fromFileName = place === 'article' && found.parts.size === 1 && found.parts.has('"source"');
      const hint = fromFileName
        ? 'They are in the name of the source file: rename it in the inbox (its article follows it) and build again; the page shows the name without them until then.'
        : kind === 'c0'
          ? `${CONTROL_HINTS[place]}; the page shows the text without them until then.`
          : `${(mojibake ? MOJIBAKE_HINTS : NOTHING_HINTS)[place]}; the page shows the replacements until then.`;
      return [{ code: CODES[kind], ...(found.line === undefined ? {} : { line: found.line }), message: describe(kind, found, mojibake), hint }];
    });
  }
}

function describe(kind: Kind, found: Found, mojibake: boolean): string {
  const total = [...found.counts.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...found.parts];
  const subject = parts.length === 0 ? 'contains' : `${listed(parts)} ${parts.length === 1 ? 'contains' : 'contain'}`;
  const what = `${total} ${kind === 'c0' ? 'control character' : kind === 'c1' ? 'C1 control character' : 'Unicode noncharacter'}${total === 1 ? '' : 's'}`;
  const where = found.line === undefined ? '' : ' (the first on this line)';
  const each = [...found.counts].map(([codePoint, count]) => {
    const replacement = replacementOf(codePoint);
    if (kind === 'c0') return `${name(codePoint)} ×${count} ${replacement === '' ? 'left out' : 'became a space'}`;
    const shown = replacement !== '\uFFFD' ? replacement : kind === 'c1' ? 'U+FFFD (no character in Windows-1252)' : 'U+FFFD';
    return `${name(codePoint)} ×${count} became ${shown}`;
  });
  const cause = mojibake ? '. Text written in Windows-1252 was read as Latin-1 before it was saved' : '';
  return `${subject} ${what}, invisible and invalid in HTML${kind === 'c0' ? ' and XML' : ''}${where}: ${each.join(', ')}${cause}`;
}

function listed(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
