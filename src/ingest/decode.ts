// Turns a source file's bytes into text, or refuses it. Never produces a silent U+FFFD:
// text that is not valid in the encoding it claims is either recognised (Windows-1252, a
// Windows-1252 line in UTF-8, UTF-16 without BOM, all reported) or refused with the byte offset of
// the first bad byte. C1 controls and noncharacters, which HTML does not allow, are replaced with a
// warning, and a stray C0 control is dropped with one: one bad byte never costs a whole article.

import { UnsafeCharacterTally, WINDOWS_1252_HIGH } from './unsafe-characters.ts';

/** A warning about a text that is read all the same; `line` when it is about one place. */
export interface DecodeWarning {
  code: string;
  line?: number;
  message: string;
  hint: string;
}

export type DecodeResult =
  | { ok: true; text: string; encoding: string; warnings: DecodeWarning[] }
  | { ok: false; code: string; offset: number; line: number; message: string; hint: string };

export interface DecodeOptions {
  /**
   * Replace C1 controls and noncharacters (unsafe-characters.ts), with a warning; on by default.
   * Sidecars keep them here and repair each value once parsed, where JSON escapes are seen too.
   */
  repairUnsafe?: boolean;
  /**
   * Drop a stray control character, and NULs padding the end, with a warning; on by default. A
   * sidecar is JSON, which has no place for a control character, and no article to be cut short.
   * (A line that is not UTF-8 in a UTF-8 file is read as Windows-1252 in sidecars too: an old
   * tool's `"title": "Caf\xe9"` costs no more than that line's accents.)
   */
  repairStray?: boolean;
}

const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.length <= bytes.length && signature.every((byte, i) => bytes[i] === byte);
}

/** Offset of the first byte where `bytes` stops being valid UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/**
 * Whether four in five of a line's bytes above 0x7F are in valid UTF-8 sequences: damaged UTF-8 (a byte
 * lost or changed) keeps most of them; another encoding (GBK, Shift-JIS, EUC-KR) makes a valid
 * one only by chance, for a pair of its bytes here and there.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 1;
    if (length > 1 && findInvalidUtf8(bytes.subarray(i, i + length)) === -1 && i + length <= bytes.length) {
      valid += length;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return valid >= 4 * invalid;
}

function hasValidMultibyteSequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0xc2 && b <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) {
      const length = b <= 0xdf ? 2 : b <= 0xef ? 3 : 4;
      if (findInvalidUtf8(bytes.subarray(i, i + length)) === -1) return true;
    }
  }
  return false;
}

/** UTF-16 without a BOM shows as ASCII text with every other byte zero. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  // An even number of bytes: a file whose last byte is half a character (a line end appended by
  // another tool) is still recognised, and then refused for that byte (invalidUtf16).
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  // Latin text: every other byte is zero.
  if (oddZeros / pairs > 0.6 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.6 && oddZeros / pairs < 0.05) return 'utf-16be';
  // Other scripts (Arabic, Chinese) have few zero bytes, but text in UTF-8 has none at all. The
  // byte order that reads as text has its spaces and line ends where the other has U+2000 and
  // U+0A00 (which no text is full of); it must also read without a stray control character.
  if (evenZeros + oddZeros === 0) return undefined;
  const breaks = (encoding: 'utf-16le' | 'utf-16be') => {
    // The sample may end inside a surrogate pair.
    const text = decodeUtf16(sample, encoding) ?? decodeUtf16(sample.subarray(0, sample.length - 2), encoding);
    if (text === undefined || findControlCharacter(text) !== -1) return 0;
    return text.match(/[ \n\r\t\u3000]/g)?.length ?? 0;
  };
  const [little, big] = [breaks('utf-16le'), breaks('utf-16be')];
  // Chinese has no spaces, and a line end every few hundred characters.
  const enough = Math.max(2, pairs / 1000);
  if (little > big && little >= enough) return 'utf-16le';
  if (big > little && big >= enough) return 'utf-16be';
  return undefined;
}

/**
 * A file that is UTF-8 (or ASCII) for its first lines and UTF-16 after them, as Windows
 * PowerShell 5's `>>` leaves one (it appends UTF-16LE to any file): read whole as UTF-16, its
 * first lines became Chinese-looking characters, and at an odd offset it was refused as UTF-16.
 * Only when both parts are certain: whole lines of text, then Latin text in UTF-16 (every other
 * byte zero) to the end; the UTF-16 part starts at its first character, the unit of the first
 * zero byte.
 */
function splitUtf8ThenUtf16(bytes: Uint8Array): { text: string; offset: number; line: number; encoding: 'utf-16le' | 'utf-16be' } | undefined {
  const zero = bytes.indexOf(0);
  if (zero < 2) return undefined;
  const after = (start: number, parity: 0 | 1) => {
    // Latin text: in most of the units that follow, a zero high byte and a letter (NULs padding
    // a UTF-8 file cut short are zero in both).
    const units = Math.min((bytes.length - start) >> 1, 2048);
    let latin = 0;
    for (let i = 0; i < units; i++) if (bytes[start + 2 * i + parity] === 0 && bytes[start + 2 * i + 1 - parity] !== 0) latin++;
    return units >= 2 && latin / units > 0.6;
  };
  // The zero is the high byte of the first UTF-16 unit: its second byte in UTF-16LE, its first in
  // UTF-16BE. Both may fit the bytes that follow; the one whose parts both read is the file's.
  const candidates: Array<['utf-16le' | 'utf-16be', number]> = [
    ['utf-16le', zero - 1],
    ['utf-16be', zero],
  ];
  // A last line end in UTF-8 again, one byte past the UTF-16 part, is a line end too; a reading
  // that needs none is the likelier.
  for (const tail of [0, 1]) {
    for (const [encoding, start] of candidates) {
      if ((bytes.length - start) % 2 !== tail || (tail === 1 && bytes.at(-1) !== 0x0a && bytes.at(-1) !== 0x0d) || !after(start, encoding === 'utf-16le' ? 1 : 0)) continue;
      const head = bytes.subarray(0, start);
      const lineEnd = Math.max(head.lastIndexOf(0x0a), head.lastIndexOf(0x0d));
      // The first part ends with a line end (perhaps before spaces the UTF-16 part's tool wrote).
      if (lineEnd === -1 || head.subarray(lineEnd + 1).some((byte) => byte !== 0x20 && byte !== 0x09) || findInvalidUtf8(head) !== -1) continue;
      const first = new TextDecoder('utf-8').decode(head);
      const rest = decodeUtf16(bytes.subarray(start, bytes.length - tail), encoding);
      if (rest === undefined || findControlCharacter(first) !== -1) continue;
      return { text: first + rest + (tail === 1 ? '\n' : ''), offset: start, line: lineAt(first), encoding };
    }
  }
  return undefined;
}

/** UTF-32 to text, or the byte offset of the first unit that is not a Unicode scalar value. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | number {
  if (bytes.length % 4 !== 0) return bytes.length - (bytes.length % 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return offset;
    parts.push(String.fromCodePoint(codePoint));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  try {
    if (encoding === 'utf-16le') return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    const swapped = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1]!;
      swapped[i + 1] = bytes[i]!;
    }
    return new TextDecoder('utf-16le', { fatal: true }).decode(swapped);
  } catch {
    return undefined;
  }
}

/**
 * The offset in `bytes` of the first UTF-16 code unit that is no part of a character (half of a
 * surrogate pair), or of a last byte that is half a unit; -1 when all of it is UTF-16.
 */
function findInvalidUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  const units = bytes.length >> 1;
  const unit = (i: number) => (encoding === 'utf-16le' ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  for (let i = 0; i < units; i++) {
    const value = unit(i);
    if (value < 0xd800 || value > 0xdfff) continue;
    if (value <= 0xdbff && i + 1 < units && unit(i + 1) >= 0xdc00 && unit(i + 1) <= 0xdfff) i++;
    else return 2 * i;
  }
  return bytes.length % 2 === 1 ? bytes.length - 1 : -1;
}

/**
 * Control characters other than tab, newline, carriage return, form feed and vertical tab (Word's
 * plain-text export writes a manual line break as one) mean binary data.
 */
function findControlCharacter(text: string): number {
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
  return match ? match.index : -1;
}

// An escape that starts a terminal's control sequence (`ESC[31m`, a colour, `ESC[2K`, in text
// copied from a terminal or a log) goes with the sequence: its `[31m` is no more text than the
// escape is. Only the usual ones: with figures (`[0;31m`), or one letter alone not followed by
// another (`[m`, `[K`), so a stray escape before `[Reuters]` takes nothing of it.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /\u001b\[(?:[0-9;]+[A-HJKSTfmnsu]|[A-HJKm](?![A-Za-z]))|[\u0000-\u0008\u000e-\u001f\u007f]/g;
/**
 * A few control characters in a text are debris (a backspace or escape pasted with the text, a
 * NUL from a database export): at most this many, or one in this many characters of a long text.
 * Binary data holds far more (one byte in ten, at random).
 */
const MAX_STRAY_CONTROLS = 8;
const CHARACTERS_PER_STRAY_CONTROL = 256;
const NAMED_CONTROLS: Record<number, string> = { 0x00: 'NUL', 0x07: 'bell', 0x08: 'backspace', 0x1b: 'escape', 0x7f: 'delete' };

/**
 * `text` without its control characters, with a warning naming the line and column (in
 * characters) of each, when they are few enough to be debris in a text; undefined when they are
 * so many that the file is binary data.
 */
function dropStrayControls(text: string): { text: string; warning: DecodeWarning } | undefined {
  const found = [...text.matchAll(CONTROL_CHARACTERS)];
  if (found.length > MAX_STRAY_CONTROLS && found.length * CHARACTERS_PER_STRAY_CONTROL > text.length) return undefined;
  // Only the first ten are named: their places are found in one pass over the text before the
  // tenth, not from the start for each (a long text may hold thousands of them).
  let line = 1;
  let scanned = 0;
  const places = found.slice(0, 10).map((match) => {
    const before = text.slice(scanned, match.index);
    line += lineAt(before) - 1;
    scanned = match.index;
    const lineStart = Math.max(text.lastIndexOf('\n', match.index - 1), text.lastIndexOf('\r', match.index - 1)) + 1;
    return { line, column: [...text.slice(lineStart, match.index)].length + 1, codePoint: match[0].charCodeAt(0), sequence: match[0].slice(1) };
  });
  const name = ({ codePoint, sequence }: { codePoint: number; sequence: string }) =>
    `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}${NAMED_CONTROLS[codePoint] ? ` (${NAMED_CONTROLS[codePoint]}${sequence === '' ? '' : `, with the terminal code "${sequence}" after it`})` : ''}`;
  const [first, ...rest] = places;
  const others = rest.map((place) => `${name(place)} at line ${place.line}, column ${place.column}`);
  if (found.length > 10) others.push('…');
  return {
    text: text.replace(CONTROL_CHARACTERS, ''),
    warning: {
      code: 'TEXT_CONTROL_CHARACTER',
      line: first!.line,
      message: `contains the control character ${name(first!)} at column ${first!.column}${others.length === 0 ? '' : `, and ${found.length - 1} more (${others.join('; ')})`}: control characters are no text, so ${found.length === 1 ? 'it is' : 'they are'} left out`,
      hint: `Check the text around ${found.length === 1 ? 'it' : 'them'} on the page (a character may be missing there); remove ${found.length === 1 ? 'it' : 'them'} from the source to silence this warning.`,
    },
  };
}

// Windows-1252's printable characters at 0x80–0x9F come from a table (Node's TextDecoder, built
// without full ICU, reads the label as Latin-1 and would turn the smart quotes 0x93/0x94 into
// invisible C1 controls). The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their
// Latin-1 code points here, and become U+FFFD with a warning afterwards (unsafe-characters.ts).
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

// Mac OS Roman, classic Mac OS's encoding, at 0x80–0xFF (0xF0 is Apple's logo, in a private-use
// code point): a table, as for Windows-1252, since a Node without full ICU has no decoder for it.
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

export function decodeMacRoman(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    text += Array.from(bytes.subarray(i, i + 8192), (byte) => (byte < 0x80 ? String.fromCharCode(byte) : MAC_ROMAN_HIGH[byte - 0x80]!)).join('');
  }
  return text;
}

/** Where a line of `bytes` that starts at or before `at` begins, and where it ends (before its line end). */
function lineAround(bytes: Uint8Array, at: number, from: number): [number, number] {
  let start = at;
  while (start > from && bytes[start - 1] !== 0x0a && bytes[start - 1] !== 0x0d) start--;
  let end = at;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return [start, end];
}

/**
 * Whether a line's bytes read as Windows-1252 text: its bytes above 0x7F stand mostly alone or in
 * pairs among ASCII (`café`, `“Müller”`), as accented letters and smart quotes do. Cyrillic in
 * Windows-1251, or Chinese in GBK, writes whole words in them: that is another encoding, refused.
 */
function readsAsWindows1252(line: Uint8Array): boolean {
  let high = 0;
  let inLongRuns = 0;
  let run = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line[i]! >= 0x80) {
      high++;
      run++;
      continue;
    }
    if (run >= 3) inLongRuns += run;
    run = 0;
  }
  return inLongRuns * 2 <= high;
}

/**
 * A line's bytes read as Windows-1252 when it holds no UTF-8 of its own and reads as
 * Windows-1252 text; undefined when it is damaged UTF-8 or another encoding.
 */
export function decodeWindows1252Line(line: Uint8Array): string | undefined {
  return hasValidMultibyteSequence(line) || !readsAsWindows1252(line) ? undefined : decodeWindows1252(line);
}

/** A UTF-8 text with some lines in Windows-1252, and those lines (1-based) with the first byte that is not UTF-8. */
export interface MixedText {
  text: string;
  lines: number[];
  first: { offset: number; line: number; byte: number; reads: string };
}

/**
 * A UTF-8 file (from `start`, after any BOM) in which some lines are not UTF-8: each such line
 * read as Windows-1252, as a line pasted from an older file or appended by another tool usually is.
 * Only when such a line holds no UTF-8 of its own (that is damaged UTF-8, not Windows-1252) and
 * reads as Windows-1252 text; otherwise the offset of the first byte that is not UTF-8, to refuse.
 * Each byte is looked at once or twice, so a large file with many such lines costs no more.
 */
function decodeUtf8WithWindows1252Lines(bytes: Uint8Array, start: number): MixedText | number {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  const lines: number[] = [];
  let first: MixedText['first'] | undefined;
  let line = 1;
  let at = start;
  while (at < bytes.length) {
    const rest = bytes.subarray(at);
    const relative = findInvalidUtf8(rest);
    if (relative === -1) {
      parts.push(utf8.decode(rest));
      break;
    }
    const bad = at + relative;
    const [lineStart, lineEnd] = lineAround(bytes, bad, at);
    const before = utf8.decode(bytes.subarray(at, lineStart));
    line += before.match(/\r\n?|\n/g)?.length ?? 0;
    const own = bytes.subarray(lineStart, lineEnd);
    const read = decodeWindows1252Line(own);
    if (read === undefined) return bad;
    parts.push(before, read);
    lines.push(line);
    first ??= { offset: bad, line, byte: bytes[bad]!, reads: read[bad - lineStart]! };
    at = lineEnd;
  }
  return { text: parts.join(''), lines, first: first! };
}

/** The warning for a UTF-8 file some of whose lines were read as Windows-1252. */
export function windows1252LinesWarning({ lines, first }: Pick<MixedText, 'lines' | 'first'>): DecodeWarning {
  const byte = `0x${first.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  // One of the five bytes Windows-1252 leaves undefined becomes U+FFFD (TEXT_C1_CONTROL says so).
  const reads = first.reads.charCodeAt(0) <= 0x9f ? 'nothing (U+FFFD)' : `"${first.reads}"`;
  const shown = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}, …` : lines.join(', ');
  return {
    code: 'ENCODING_WINDOWS_1252_LINES',
    line: first.line,
    message:
      lines.length === 1
        ? `has this line in another encoding than the rest, which is UTF-8: it is read as Windows-1252, in which its first byte that is not UTF-8, ${byte} at offset ${first.offset}, reads as ${reads}`
        : `has ${lines.length} lines in another encoding than the rest, which is UTF-8 (lines ${shown}): they are read as Windows-1252, in which the first byte that is not UTF-8, ${byte} at offset ${first.offset} on this line, reads as ${reads}`,
    hint: `Check ${lines.length === 1 ? 'the line' : 'those lines'} on the page; convert ${lines.length === 1 ? 'it' : 'them'} to UTF-8 in the source (or correct what reads wrong) to silence this warning.`,
  };
}

function byteOffsetOfCharIndex(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

export function decodeSource(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  for (const [kind, signature] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) {
      return {
        ok: false,
        code: 'BINARY_FILE',
        offset: 0,
        line: 1,
        message: `is a ${kind}, not text`,
        hint: 'Remove it from the inbox, or replace it with the article as plain text.',
      };
    }
  }

  let text: string;
  let encoding: string;
  const warnings: DecodeWarning[] = [];

  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-32le' : 'utf-32be';
    const decoded = decodeUtf32(bytes.subarray(4), bytes[0] === 0xff);
    if (typeof decoded === 'number') {
      const before = decodeUtf32(bytes.subarray(4, decoded + 4), bytes[0] === 0xff);
      return {
        ok: false,
        code: 'ENCODING_INVALID_UTF32',
        offset: decoded + 4,
        line: typeof before === 'string' ? lineAt(before) : 1,
        message: `starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} at byte offset ${decoded + 4}`,
        hint: 'Re-save the file as UTF-8.',
      };
    }
    text = decoded;
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const decoded = decodeUtf16(bytes.subarray(2), encoding as 'utf-16le' | 'utf-16be');
    if (decoded === undefined) return invalidUtf16(bytes, 2, encoding as 'utf-16le' | 'utf-16be');
    text = decoded;
  } else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    const body = bytes.subarray(3);
    const bad = findInvalidUtf8(body);
    if (bad === -1) text = new TextDecoder('utf-8').decode(body);
    else {
      const mixed = decodeUtf8WithWindows1252Lines(bytes, 3);
      if (typeof mixed === 'number') return invalidUtf8(bytes, mixed);
      text = mixed.text;
      warnings.push(windows1252LinesWarning(mixed));
    }
  } else {
    const utf16 = guessUtf16WithoutBom(bytes);
    const bad = findInvalidUtf8(bytes);
    const split = bytes.includes(0) ? splitUtf8ThenUtf16(bytes) : undefined;
    if (split !== undefined) {
      text = split.text;
      encoding = `utf-8+${split.encoding}`;
      warnings.push({
        code: 'ENCODING_UTF16_LINES',
        line: split.line,
        message: `is UTF-8 up to this line and ${split.encoding.toUpperCase()} from it (byte offset ${split.offset}) to the end, as Windows PowerShell's ">>" leaves a file: each part is read in its own encoding`,
        hint: 'Check the text on its page; re-save the file as UTF-8 to silence this warning (in PowerShell, append with: Add-Content -Encoding utf8).',
      });
    } else if (utf16 && (bad !== -1 || bytes.includes(0))) {
      const decoded = decodeUtf16(bytes, utf16);
      if (decoded === undefined) return invalidUtf16(bytes, 0, utf16);
      text = decoded;
      encoding = utf16;
      warnings.push({
        code: 'ENCODING_UTF16_NO_BOM',
        message: `looks like ${utf16.toUpperCase()} without a byte-order mark; decoded as ${utf16.toUpperCase()}`,
        hint: 'Check the text on its page; re-save the file as UTF-8 to silence this warning.',
      });
    } else if (bad === -1) {
      encoding = 'utf-8';
      text = new TextDecoder('utf-8').decode(bytes);
    } else if (!hasValidMultibyteSequence(bytes) && !bytes.includes(0) && !readsAsWindows1252(bytes)) {
      // No UTF-8, and its high bytes in runs: whole words of another alphabet (Russian in
      // Windows-1251, Arabic in Windows-1256), which Windows-1252 or Mac OS Roman made gibberish.
      return invalidUtf8(bytes, bad);
    } else if (!hasValidMultibyteSequence(bytes) && !bytes.includes(0) && bytes.includes(0x0d) && !bytes.includes(0x0a)) {
      // No valid UTF-8 sequence, and lines that end in CR alone: a classic Mac OS file, whose
      // encoding was Mac OS Roman (`é` is 0x8E, the curly quotes 0xD2/0xD3, which Windows-1252
      // reads as `Ž`, `Ò` and `Ó`).
      encoding = 'macintosh';
      text = decodeMacRoman(bytes);
      const windows = decodeWindows1252(bytes.subarray(bad, bad + 1));
      const asWindows = windows.charCodeAt(0) <= 0x9f ? 'nothing (U+FFFD)' : `"${windows}"`;
      warnings.push({
        code: 'ENCODING_MAC_ROMAN',
        message: `is not UTF-8, and its lines end in CR alone, as a classic Mac OS file's do: decoded as Mac OS Roman (the first byte that is not UTF-8, 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} on line ${lineAt(text.slice(0, bad))}, reads as "${text[bad]!}"; in Windows-1252 it would be ${asWindows})`,
        hint: 'Check the text on its page; re-save the file as UTF-8 to silence this warning (if it reads wrong, it is Windows-1252 with Mac line ends: convert it from that).',
      });
    } else if (!hasValidMultibyteSequence(bytes) && !bytes.includes(0)) {
      // No valid UTF-8 sequence anywhere: a single-byte encoding. Windows-1252 is the usual one
      // (it is a superset of Latin-1 for printable text and has the smart quotes at 0x93/0x94).
      encoding = 'windows-1252';
      text = decodeWindows1252(bytes);
      warnings.push({
        code: 'ENCODING_WINDOWS_1252',
        message: `is not UTF-8; decoded as Windows-1252 (the first byte that is not UTF-8, 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} on line ${lineAt(text.slice(0, bad))}, reads as "${text[bad]!}")`,
        hint: 'Check the text on its page; re-save the file as UTF-8 to silence this warning.',
      });
    } else {
      // Valid UTF-8 with lines that are not: lines of another origin, read as Windows-1252.
      const mixed = decodeUtf8WithWindows1252Lines(bytes, 0);
      if (typeof mixed === 'number') return invalidUtf8(bytes, mixed);
      encoding = 'utf-8';
      text = mixed.text;
      warnings.push(windows1252LinesWarning(mixed));
    }
  }

  // DOS and CP/M ended a text file with U+001A (Ctrl-Z), often a run of them padding the last
  // record: file-format furniture like a byte-order mark, not binary data, so it goes. A file cut
  // short (a download or copy stopped, a crash while saving) is often NULs to its full length:
  // padding, not text, so it goes too, but the article may be incomplete, so that is said.
  let end = text.length;
  let padding = 0;
  // (A sidecar is refused as before: JSON has no padding, and a sidecar no article to be incomplete.)
  const nul = options.repairStray === false ? 0x1a : 0;
  for (let code = text.charCodeAt(end - 1); end > 0 && (code === 0x1a || code === nul); code = text.charCodeAt(--end - 1)) if (code === 0) padding++;
  if (end < text.length) {
    if (padding > 0) {
      warnings.push({
        code: 'TEXT_NUL_PADDING',
        line: lineAt(text.slice(0, end)),
        message: `ends, from this line on, with ${padding} NUL ${padding === 1 ? 'byte' : 'bytes'}, as a file cut short by a download, a copy or a crash is padded: ${padding === 1 ? 'it is' : 'they are'} left out`,
        hint: 'Check that the article is complete on its page; if its end is missing, replace the file with a whole copy (removing the NULs silences this warning).',
      });
    }
    text = text.slice(0, end);
  }
  const control = findControlCharacter(text);
  if (control !== -1) {
    const stray = options.repairStray === false ? undefined : dropStrayControls(text);
    if (stray === undefined) {
      const offset = encoding === 'utf-8' ? byteOffsetOfCharIndex(text, control) + (startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0) : control;
      const codePoint = text.codePointAt(control)!;
      return {
        ok: false,
        code: codePoint === 0 ? 'BINARY_NUL_BYTE' : 'BINARY_CONTROL_CHARACTER',
        offset,
        line: lineAt(text.slice(0, control)),
        message: `contains ${codePoint === 0 ? 'a NUL byte' : `the control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`} at ${encoding === 'utf-8' ? 'byte offset' : 'character'} ${offset}${options.repairStray === false ? '' : ', and too many more for text'}: this is binary data, not text`,
        hint: 'Remove the file from the inbox, or clean the text and save it as UTF-8.',
      };
    }
    text = stray.text;
    warnings.push(stray.warning);
  }

  // Word's vertical tab (its manual line break) and a form feed (a page break, as pdftotext writes
  // one after each page's last line end, or mid-line) end a line: before the repairs, which would
  // make them spaces. XML allows neither: in an article's text they made its feeds unreadable.
  text = text.replace(/(?:\r\n?|\n)?\f|\v/g, (match) => (match.length > 1 ? match.slice(0, -1) : '\n'));
  // Unicode's own line and paragraph separators (U+2028, U+2029), as text exported from a CMS's
  // JSON or from InDesign writes them, end a line and a paragraph: as characters, a headline and
  // the line under it ran into one, and paragraphs into one. A line end right after one is the
  // same break. A sidecar is JSON, whose strings may hold them as characters: they stay.
  if (options.repairStray !== false) text = text.replace(/([\u2028\u2029])(?:\r\n?|\n)?/g, (_, separator: string) => (separator === '\u2028' ? '\n' : '\n\n'));

  if (options.repairUnsafe !== false) {
    // Before line ends are normalised, so the line is counted as decode's errors count it: as an
    // editor shows the file, CRLF or not.
    const tally = new UnsafeCharacterTally();
    const raw = text;
    text = tally.repair(raw, (index) => lineAt(raw.slice(0, index)));
    warnings.push(...tally.warnings('source'));
  }

  // Normalise line endings: CRLF and lone CR become LF.
  text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text, encoding, warnings };
}

/** 1-based line number of the end of `before` (LF, CRLF and lone CR all end a line). */
function lineAt(before: string): number {
  return (before.match(/\r\n?|\n/g)?.length ?? 0) + 1;
}

/**
 * The refusal of a UTF-16 text (from `start`, after any BOM) that is not valid UTF-16: where its
 * first half character is (half a surrogate pair, or a last byte that is half a unit), and on
 * which line.
 */
function invalidUtf16(bytes: Uint8Array, start: number, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  // Always found (a code unit's offset, so even): the decoder refused the bytes.
  const bad = Math.max(findInvalidUtf16(bytes.subarray(start), encoding), 0);
  const before = decodeUtf16(bytes.subarray(start, start + bad), encoding) ?? '';
  const odd = bytes.length % 2 !== start % 2 && bad === bytes.length - start - 1;
  const what = start === 0 ? `looks like ${encoding.toUpperCase()} without a byte-order mark` : `starts with a ${encoding.toUpperCase()} byte-order mark`;
  return {
    ok: false,
    code: 'ENCODING_INVALID_UTF16',
    offset: bad + start,
    line: lineAt(before),
    message: `${what} but is not valid ${encoding.toUpperCase()}: ${odd ? `its last byte, at offset ${bad + start}, is half a character` : `the two bytes at offset ${bad + start} are half of a character (a surrogate without its pair)`}`,
    hint: odd ? 'Re-save the file as UTF-8 (a line end added by another tool in another encoding leaves such a byte; check the end of the text).' : 'Re-save the file as UTF-8.',
  };
}

function invalidUtf8(bytes: Uint8Array, offset: number): DecodeResult {
  const line = lineAt(new TextDecoder('latin1').decode(bytes.subarray(0, offset)));
  // A line with little or no UTF-8 whose high bytes come in runs is in another encoding, not damaged UTF-8:
  // say so, and how to convert it (a "Save as UTF-8" of a file an editor misread keeps it wrong).
  const [start, end] = lineAround(bytes, offset, 0);
  const around = bytes.subarray(start, end);
  if (!isMostlyUtf8(around) && !readsAsWindows1252(around)) {
    return {
      ok: false,
      code: 'ENCODING_INVALID_UTF8',
      offset,
      line,
      message: `is not UTF-8 but another encoding: its bytes above 0x7F come in runs, as the letters of another alphabet do (the first, 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}, at offset ${offset}), so it cannot be read without knowing which`,
      hint: 'Convert it to UTF-8 from the encoding it was written in (Windows-1251 for Russian, Windows-1256 for Arabic, GBK for Chinese, Shift-JIS for Japanese, EUC-KR for Korean, …), e.g. iconv -f WINDOWS-1251 -t UTF-8 NAME.txt > NAME-utf8.txt, and put that in the inbox instead.',
    };
  }
  return {
    ok: false,
    code: 'ENCODING_INVALID_UTF8',
    offset,
    line,
    message: `is not valid UTF-8: the byte at offset ${offset} cannot start or continue a character`,
    hint: 'Re-save the file as UTF-8 (most editors: "Save with encoding"), or fix the damaged bytes.',
  };
}
