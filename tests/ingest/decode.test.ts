// Decoding a source's bytes (src/ingest/decode.ts): C1 control characters and noncharacters,
// which HTML does not allow, never reach the text. A C1 control with a Windows-1252 meaning
// becomes that character (mojibake: Windows-1252 read as Latin-1, saved as UTF-8); the five
// undefined ones and noncharacters become U+FFFD; one warning per source names the first line.
// The expected characters below are Windows-1252's, written from the code page's table by hand.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeMacRoman, decodeSource, type DecodeResult } from '../../src/ingest/decode.ts';
import { parseSource } from '../../src/ingest/parse-source.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';

/** Windows-1252 0x80–0x9F, from the code page's table: the byte and the Unicode code point it means. */
const WINDOWS_1252: Array<[number, number]> = [
  [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020], [0x87, 0x2021],
  [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152], [0x8e, 0x017d],
  [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
  [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a], [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
];
const UNDEFINED_IN_WINDOWS_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

const utf8 = (text: string) => new TextEncoder().encode(text);

function decoded(bytes: Uint8Array): Extract<DecodeResult, { ok: true }> {
  const result = decodeSource(bytes);
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

describe('C1 control characters in a UTF-8 source', () => {
  for (const [byte, codePoint] of WINDOWS_1252) {
    const c1 = String.fromCharCode(byte);
    const meant = String.fromCodePoint(codePoint);
    it(`turns U+00${byte.toString(16).toUpperCase()} into ${meant} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}), Windows-1252's character for 0x${byte.toString(16).toUpperCase()}`, () => {
      const result = decoded(utf8(`Headline\n\nA ${c1} in the text.\n`));
      assert.equal(result.text, `Headline\n\nA ${meant} in the text.\n`);
      assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_C1_CONTROL', line: 3 }]);
    });
  }

  for (const byte of UNDEFINED_IN_WINDOWS_1252) {
    it(`turns U+00${byte.toString(16).toUpperCase()}, which Windows-1252 leaves undefined, into U+FFFD`, () => {
      const result = decoded(utf8(`Headline\n\nA ${String.fromCharCode(byte)} in the text.\n`));
      assert.equal(result.text, 'Headline\n\nA \uFFFD in the text.\n');
      assert.equal(result.warnings.length, 1);
      assert.equal(result.warnings[0]!.code, 'TEXT_C1_CONTROL');
      assert.match(result.warnings[0]!.message, new RegExp(`U\\+00${byte.toString(16).toUpperCase()} ×1 became U\\+FFFD \\(no character in Windows-1252\\)`));
      assert.match(result.warnings[0]!.hint, /correct the text by hand/);
    });
  }

  it('reports a line of mojibake once, with the first line, every code point, what it became and how to fix it', () => {
    // “Mayor’s plan” — €5m… as Windows-1252 bytes read as Latin-1 and saved as UTF-8.
    const result = decoded(utf8('Harbour plan\n\nIntro line.\n\n\u0093Mayor\u0092s plan\u0094 \u0096 \u00805m\u0085 said \u0093no\u0094.\n'));
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.text, 'Harbour plan\n\nIntro line.\n\n“Mayor’s plan” – €5m… said “no”.\n');
    assert.equal(result.warnings.length, 1, 'one warning for the whole source');
    const [warning] = result.warnings;
    assert.equal(warning!.code, 'TEXT_C1_CONTROL');
    assert.equal(warning!.line, 5);
    assert.equal(
      warning!.message,
      'contains 8 C1 control characters, invisible and invalid in HTML (the first on this line): U+0093 ×2 became “, U+0092 ×1 became ’, ' +
        'U+0094 ×2 became ”, U+0096 ×1 became –, U+0080 ×1 became €, U+0085 ×1 became …. Text written in Windows-1252 was read as Latin-1 before it was saved',
    );
    assert.match(warning!.hint, /^Re-save the source as proper UTF-8, converting it from Windows-1252 \(not Latin-1\)/);
  });

  it('counts lines as an editor does in a CRLF or CR source, and in one with a byte-order mark', () => {
    const lines = ['Headline', '', 'Clean text.', '', 'A \u0093quote\u0094 here.', ''];
    for (const [ending, prefix] of [['\r\n', ''], ['\r', ''], ['\n', '\uFEFF'], ['\r\n', '\uFEFF']] as const) {
      const result = decoded(utf8(prefix + lines.join(ending)));
      assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_C1_CONTROL', line: 5 }], JSON.stringify(ending));
      assert.equal(result.text, 'Headline\n\nClean text.\n\nA “quote” here.\n');
    }
  });

  it('changes nothing else: Latin-1 letters, no-break spaces, U+FFFD and neighbours of noncharacters stay, without a warning', () => {
    const text = 'Caf\u00e9 \u00a0 \u007e \u00a1 \uFFFD \uFDCF \uFDF0 \uFFFC \u{1FFFD} \u{10FFFD}\n';
    const result = decoded(utf8(text));
    assert.equal(result.text, text);
    assert.deepEqual(result.warnings, []);
  });

  it('repairs UTF-16 and UTF-32 sources too', () => {
    const le16 = Uint8Array.from([0xff, 0xfe, ...[...'A \u0093b\u0094\n'].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    assert.equal(decoded(le16).text, 'A “b”\n');
    const le32 = Uint8Array.from([0xff, 0xfe, 0, 0, ...[...'\u0085\n'].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8, 0, 0])]);
    assert.equal(decoded(le32).text, '…\n');
  });

  it('leaves them when asked to (sidecars repair each value once parsed)', () => {
    const result = decodeSource(utf8('{"title": "\u0093x\u0094"}'), { repairUnsafe: false });
    assert.ok(result.ok);
    assert.equal(result.text, '{"title": "\u0093x\u0094"}');
    assert.deepEqual(result.warnings, []);
  });
});

describe('the undefined bytes of a Windows-1252 source', () => {
  it('turns 0x81 into U+FFFD, with TEXT_C1_CONTROL on its line besides ENCODING_WINDOWS_1252', () => {
    // “Caf\xe9” has no UTF-8 in it, so the file is Windows-1252: 0x93/0x94 are quotes, 0x81 nothing.
    const bytes = Uint8Array.from([...Buffer.from('Caf\xe9 headline\r\n\r\nShe said ', 'latin1'), 0x93, 0x68, 0x69, 0x94, 0x20, 0x81, 0x2e, 0x0d, 0x0a]);
    const result = decoded(bytes);
    assert.equal(result.encoding, 'windows-1252');
    assert.equal(result.text, 'Café headline\n\nShe said “hi” \uFFFD.\n');
    assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'ENCODING_WINDOWS_1252', line: undefined }, { code: 'TEXT_C1_CONTROL', line: 3 }]);
    assert.equal(result.warnings[1]!.message, 'contains 1 C1 control character, invisible and invalid in HTML (the first on this line): U+0081 ×1 became U+FFFD (no character in Windows-1252)');
  });
});

describe('a Windows-1252 source', () => {
  it('is named with its first byte that is not UTF-8: the byte, its offset and line, and what it reads as, for the archivist to check', () => {
    // "Headline\r\n\r\n" is 12 bytes and "Na" 2: 0xEF is at offset 14, on line 3; Windows-1252 0xEF is ï.
    const naive = decoded(Uint8Array.from(Buffer.from('Headline\r\n\r\nNa\xefve text.\r\n', 'latin1')));
    assert.deepEqual(
      naive.warnings.map(({ code, message }) => ({ code, message })),
      [{ code: 'ENCODING_WINDOWS_1252', message: 'is not UTF-8; decoded as Windows-1252 (the first byte that is not UTF-8, 0xEF at offset 14 on line 3, reads as "ï")' }],
    );
    // 0x93 is Windows-1252's opening quotation mark.
    const quoted = decoded(Uint8Array.from([...Buffer.from('Headline\n', 'latin1'), 0x93, 0x68, 0x69, 0x94]));
    assert.match(quoted.warnings[0]!.message, /0x93 at offset 9 on line 2, reads as "“"/);
  });
});

describe('a source in another encoding than UTF-8 or Windows-1252 (Russian, Arabic, Chinese, Japanese, Korean)', () => {
  // Bytes from each code page's table, by hand: Windows-1251 Москва, Windows-1256 مجلس,
  // GBK 北京, Shift-JIS 東京, EUC-KR 서울.
  const MOSCOW_1251 = [0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0];
  const COUNCIL_1256 = [0xe3, 0xcc, 0xe1, 0xd3];
  const BEIJING_GBK = [0xb1, 0xb1, 0xbe, 0xa9];
  const TOKYO_SHIFT_JIS = [0x93, 0x8c, 0x8b, 0x9e];
  const SEOUL_EUC_KR = [0xbc, 0xad, 0xbf, 0xef];
  const source = (word: number[]) => Uint8Array.from([...Buffer.from('Headline\n\nThe ', 'latin1'), ...word, ...Buffer.from(' story, and ', 'latin1'), ...word, 0x0a]);

  it('is refused as another encoding, at the line of its first byte, with how to convert it', () => {
    // Windows-1251 and Windows-1256 were read as Windows-1252 and published as gibberish (Ìîñêâà);
    // GBK, Shift-JIS and EUC-KR were named as damaged UTF-8, to be "re-saved as UTF-8".
    for (const word of [MOSCOW_1251, COUNCIL_1256, BEIJING_GBK, TOKYO_SHIFT_JIS, SEOUL_EUC_KR]) {
      const result = decodeSource(source(word));
      assert.ok(!result.ok, JSON.stringify(result));
      assert.deepEqual(
        { code: result.code, line: result.line, offset: result.offset, message: result.message },
        {
          code: 'ENCODING_INVALID_UTF8',
          line: 3,
          offset: 14,
          message: `is not UTF-8 but another encoding: its bytes above 0x7F come in runs, as the letters of another alphabet do (the first, 0x${word[0]!.toString(16).toUpperCase()}, at offset 14), so it cannot be read without knowing which`,
        },
      );
      assert.match(result.hint, /^Convert it to UTF-8 from the encoding it was written in \(Windows-1251 for Russian, .*\), e\.g\. iconv -f WINDOWS-1251 -t UTF-8 NAME\.txt > NAME-utf8\.txt/);
    }
  });

  it('is not damaged UTF-8, nor Windows-1252 with accents in runs of two', () => {
    // A UTF-8 line that lost one byte of a character: damaged, as before.
    const damaged = decodeSource(Uint8Array.from([...Buffer.from('Headline\n\nМосква ', 'utf8'), 0xd0, ...Buffer.from(' story.\n', 'utf8')]));
    assert.ok(!damaged.ok);
    assert.match(damaged.message, /^is not valid UTF-8: the byte at offset \d+ cannot start or continue a character$/);
    // Portuguese in Windows-1252: "ções" holds 0xE7 0xF5 side by side.
    assert.equal(decoded(Uint8Array.from(Buffer.from('Eleições gerais\n\nAs eleições são hoje.\n', 'latin1'))).text, 'Eleições gerais\n\nAs eleições são hoje.\n');
  });
});

describe('a classic Mac OS source (lines ending in CR alone, not UTF-8)', () => {
  // Mac OS Roman, from Apple's table: 0x8E is é, 0x87 á, 0xD2/0xD3 the curly double quotes, 0xD5 ’, 0xC9 ….
  const mac = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

  it('is read as Mac OS Roman, named with its first byte that is not UTF-8 and what it would read as in Windows-1252', () => {
    const result = decoded(mac('Caf\x8e opens\r\r\xd2It\xd5s open,\xd3 she said\xc9 \x87 la carte.\r'));
    assert.equal(result.text, 'Café opens\n\n“It’s open,” she said… á la carte.\n');
    assert.deepEqual(result.warnings.map(({ code, message }) => ({ code, message })), [
      {
        code: 'ENCODING_MAC_ROMAN',
        message: 'is not UTF-8, and its lines end in CR alone, as a classic Mac OS file\'s do: decoded as Mac OS Roman (the first byte that is not UTF-8, 0x8E at offset 3 on line 1, reads as "é"; in Windows-1252 it would be "Ž")',
      },
    ]);
  });

  it('is read as Windows-1252 when its lines end in CRLF or LF, as before', () => {
    for (const end of ['\r\n', '\n']) {
      const result = decoded(mac(`Caf\xe9 opens${end}${end}Text.${end}`));
      assert.equal(result.text, 'Café opens\n\nText.\n');
      assert.deepEqual(result.warnings.map(({ code }) => code), ['ENCODING_WINDOWS_1252']);
    }
  });

  it('has the same table as the platform\'s Mac OS Roman decoder, where there is one (full ICU)', (t) => {
    let platform: TextDecoder;
    try {
      platform = new TextDecoder('macintosh');
    } catch {
      t.skip('this Node has no Mac OS Roman decoder (built without full ICU)');
      return;
    }
    const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    assert.equal(decodeMacRoman(high), platform.decode(high));
  });
});

describe('a UTF-8 source with a line in Windows-1252', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('reads that line as Windows-1252, naming the line, its first byte that is not UTF-8 and what it reads as', () => {
    // "Café headline\n\n" is 16 bytes (é is two), "The mayor" 9: 0x92 (’ in Windows-1252) is at offset 25, on line 3.
    const bytes = Buffer.concat([utf8('Café headline\n\n'), latin1('The mayor\x92s caf\xe9 said \x93yes\x94.\n'), utf8('Work starts in June – on time.\n')]);
    const result = decoded(bytes);
    assert.equal(result.text, 'Café headline\n\nThe mayor’s café said “yes”.\nWork starts in June – on time.\n');
    assert.deepEqual(result.warnings, [
      {
        code: 'ENCODING_WINDOWS_1252_LINES',
        line: 3,
        message: 'has this line in another encoding than the rest, which is UTF-8: it is read as Windows-1252, in which its first byte that is not UTF-8, 0x92 at offset 25, reads as "’"',
        hint: 'Check the line on the page; convert it to UTF-8 in the source (or correct what reads wrong) to silence this warning.',
      },
    ]);
  });

  it('names every such line in one warning, after a byte-order mark and with CRLF line ends too', () => {
    // 3 bytes of BOM, "Café headline\r\n\r\n" 18 and "Voil" 4: 0xE0 (à) is at offset 25.
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Café headline\r\n\r\n'), latin1('Voil\xe0.\r\n'), utf8('Naïve.\r\n'), latin1('Na\xefve.\r\n')]);
    const result = decoded(bytes);
    assert.equal(result.text, 'Café headline\n\nVoilà.\nNaïve.\nNaïve.\n');
    assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'ENCODING_WINDOWS_1252_LINES', line: 3 }]);
    assert.match(result.warnings[0]!.message, /^has 2 lines in another encoding than the rest, which is UTF-8 \(lines 3, 5\): they are read as Windows-1252, in which the first byte that is not UTF-8, 0xE0 at offset 25 on this line, reads as "à"$/);
  });

  it('is still refused when that line holds UTF-8 too: damaged UTF-8, not Windows-1252', () => {
    const result = decodeSource(Buffer.concat([utf8('Café headline\n\nBroken '), Uint8Array.from([0xc3, 0x28]), utf8(' byte in a café.\n')]));
    assert.deepEqual(result.ok ? undefined : [result.code, result.offset, result.line], ['ENCODING_INVALID_UTF8', 23, 3]);
  });

  it('is still refused when that line is in another encoding, whose letters come in runs (Russian in Windows-1251)', () => {
    // "Привет мир" in Windows-1251.
    const russian = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0, 0x0a]);
    const result = decodeSource(Buffer.concat([utf8('Café headline\n\n'), russian, utf8('End.\n')]));
    assert.deepEqual(result.ok ? undefined : [result.code, result.offset, result.line], ['ENCODING_INVALID_UTF8', 16, 3]);
  });
});

describe('a UTF-8 source with UTF-16 appended (Windows PowerShell 5\'s ">>" appends UTF-16LE to any file)', () => {
  const utf16le = (text: string) => Buffer.from(text, 'utf16le');
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
  const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

  it('reads each part in its own encoding, with one warning at the line where UTF-16 starts, whatever the first part\'s length', () => {
    // The headline became Chinese-looking characters (an even first part, read whole as UTF-16),
    // or the file was refused as broken UTF-16BE (an odd one).
    for (const [head, appended, encoding] of [
      ['Ferry timetable approved\n\n', utf16le('The council voted on Tuesday.\n'), 'UTF-16LE'],
      ['Ferry timetable approved!\n\n', utf16le('The council voted on Tuesday.\n'), 'UTF-16LE'],
      ['Ferry timetable approved\n\n', utf16be('The council voted on Tuesday.\n'), 'UTF-16BE'],
      ['Ferry timetable approved!\n\n', utf16be('The council voted on Tuesday.\n'), 'UTF-16BE'],
    ] as const) {
      const result = decoded(concat(utf8(head), appended));
      assert.equal(result.text, `${head}The council voted on Tuesday.\n`, head);
      assert.deepEqual(
        result.warnings.map(({ code, line, message }) => ({ code, line, message })),
        [{ code: 'ENCODING_UTF16_LINES', line: 3, message: `is UTF-8 up to this line and ${encoding} from it (byte offset ${utf8(head).length}) to the end, as Windows PowerShell's ">>" leaves a file: each part is read in its own encoding` }],
        head,
      );
    }
    // A line end appended in UTF-8 again, one byte past the UTF-16 part.
    assert.equal(decoded(concat(utf8('Headline\n\n'), utf16le('The body.'), utf8('\n'))).text, 'Headline\n\nThe body.\n');
    // Accents in both parts, CRLF line ends.
    assert.equal(decoded(concat(utf8('Café reopens\r\n\r\n'), utf16le('The café on the quay reopened.\r\n'))).text, 'Café reopens\n\nThe café on the quay reopened.\n');
  });

  it('leaves UTF-16 without a byte-order mark, and NULs padding a UTF-8 file, as they were read', () => {
    assert.deepEqual(decoded(utf16le('Tide tables\n\nHigh water at six.\n')).warnings.map(({ code }) => code), ['ENCODING_UTF16_NO_BOM']);
    assert.deepEqual(decoded(utf16be('Tide tables\n\nHigh water at six.\n')).warnings.map(({ code }) => code), ['ENCODING_UTF16_NO_BOM']);
    assert.deepEqual(decoded(concat(utf8('Headline\n\nBody.\n'), new Uint8Array(40))).warnings.map(({ code }) => code), ['TEXT_NUL_PADDING']);
    // Where UTF-16 starts inside a line, no part is a whole line: it is not split there, and stays refused.
    const inLine = decodeSource(concat(utf8('Headline '), utf16le('in two encodings\n\nBody.\n')));
    assert.equal(inLine.ok ? inLine.warnings.map(({ code }) => code).join() : inLine.code, 'ENCODING_INVALID_UTF16');
  });
});

describe('a UTF-16 or UTF-32 source that is not valid', () => {
  const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...Array.from(text, (char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]).flat()]);
  const refusal = (bytes: Uint8Array) => {
    const result = decodeSource(bytes);
    assert.equal(result.ok, false);
    return result.ok ? undefined : { code: result.code, offset: result.offset, line: result.line, message: result.message };
  };

  it('is named at the line and offset of its first broken character, not at line 1', () => {
    // The BOM is 2 bytes and "Headline\r\n\r\nBody " 17 units: the lone high surrogate is at offset 36, on line 3.
    assert.deepEqual(refusal(utf16le('Headline\r\n\r\nBody \uD83D text.\r\n')), {
      code: 'ENCODING_INVALID_UTF16',
      offset: 36,
      line: 3,
      message: 'starts with a UTF-16LE byte-order mark but is not valid UTF-16LE: the two bytes at offset 36 are half of a character (a surrogate without its pair)',
    });
    // 2 + 21 units: the odd last byte is at offset 44, after the third line end.
    assert.deepEqual(refusal(Uint8Array.from([...utf16le('Headline\n\nBody text.\n'), 0x41])), {
      code: 'ENCODING_INVALID_UTF16',
      offset: 44,
      line: 4,
      message: 'starts with a UTF-16LE byte-order mark but is not valid UTF-16LE: its last byte, at offset 44, is half a character',
    });
  });

  it('is named as UTF-16 without a byte-order mark whose last byte is half a character (a line end appended in UTF-8), not as binary data or bad UTF-8', () => {
    // "Headline\n\nBody text.\n" is 21 units, 42 bytes, then a UTF-8 line end: the odd byte at offset 42, after the third line end.
    const noBom = (text: string) => Uint8Array.from(Array.from(text, (char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]).flat());
    assert.deepEqual(refusal(Uint8Array.from([...noBom('Headline\n\nBody text.\n'), 0x0a])), {
      code: 'ENCODING_INVALID_UTF16',
      offset: 42,
      line: 4,
      message: 'looks like UTF-16LE without a byte-order mark but is not valid UTF-16LE: its last byte, at offset 42, is half a character',
    });
    // Longer than the 4,096 bytes looked at to recognise it.
    const long = noBom(`Headline\n\n${'Body text of a long article. '.repeat(100)}\n`);
    assert.deepEqual(refusal(Uint8Array.from([...long, 0x0a])), {
      code: 'ENCODING_INVALID_UTF16',
      offset: long.length,
      line: 4,
      message: `looks like UTF-16LE without a byte-order mark but is not valid UTF-16LE: its last byte, at offset ${long.length}, is half a character`,
    });
  });

  it('names the line of a UTF-32 unit that is no character', () => {
    const units = [0xfeff, ...Array.from('Headline\n\nBody ', (char) => char.charCodeAt(0)), 0x110000, 0x0a];
    const bytes = new Uint8Array(units.length * 4);
    units.forEach((unit, i) => new DataView(bytes.buffer).setUint32(i * 4, unit, true));
    // 4 bytes of BOM and 15 characters: the unit at offset 64, on line 3.
    assert.deepEqual(refusal(bytes) && [refusal(bytes)!.code, refusal(bytes)!.offset, refusal(bytes)!.line], ['ENCODING_INVALID_UTF32', 64, 3]);
  });
});

describe('the end-of-file mark of DOS and CP/M', () => {
  it('is dropped at the end of a file, a run of them too, in UTF-8 and Windows-1252 alike', () => {
    assert.equal(decoded(Uint8Array.from(Buffer.from('Headline\r\n\r\nBody text.\r\n\x1a', 'latin1'))).text, 'Headline\n\nBody text.\n');
    const cpm = decoded(Uint8Array.from(Buffer.from(`Caf\xe9 headline\r\n\r\nBody text.\r\n${'\x1a'.repeat(40)}`, 'latin1')));
    assert.deepEqual([cpm.text, cpm.encoding], ['Café headline\n\nBody text.\n', 'windows-1252']);
  });

  it('is a stray control character anywhere else: left out, with a warning naming its line and column', () => {
    const result = decoded(Uint8Array.from(Buffer.from('Headline\n\x1a\nBody text.\n', 'latin1')));
    assert.equal(result.text, 'Headline\n\nBody text.\n');
    assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_CONTROL_CHARACTER', line: 2 }]);
  });
});

describe('NUL bytes at the end of a file (padding left by a download or copy cut short)', () => {
  it('are left out, a run of them with Ctrl-Z marks too, with a warning from the line they start on to check that the article is complete', () => {
    const result = decoded(Uint8Array.from([...utf8('Headline\r\n\r\nThe text stops mid-sen'), ...new Uint8Array(4096), 0x1a]));
    assert.equal(result.text, 'Headline\n\nThe text stops mid-sen');
    assert.deepEqual(result.warnings, [
      {
        code: 'TEXT_NUL_PADDING',
        line: 3,
        message: 'ends, from this line on, with 4096 NUL bytes, as a file cut short by a download, a copy or a crash is padded: they are left out',
        hint: 'Check that the article is complete on its page; if its end is missing, replace the file with a whole copy (removing the NULs silences this warning).',
      },
    ]);
  });

  it('are still binary data when text follows them', () => {
    const result = decodeSource(Uint8Array.from([...utf8('Headline\n\n'), ...new Uint8Array(100), ...utf8('Text.\n')]));
    assert.deepEqual(result.ok ? undefined : [result.code, result.line], ['BINARY_NUL_BYTE', 3]);
  });
});

describe('a form feed (a page break)', () => {
  it('ends a line, once, whether or not a line end comes before it, and is in the text no more', () => {
    // pdftotext ends each page with a form feed after its last line end.
    assert.equal(decoded(utf8('Headline\n\nThe report ends on this page\n\fand goes on here.\n\n\fA new page.\fSame line.\r\n\fAfter CRLF.\n')).text,
      'Headline\n\nThe report ends on this page\nand goes on here.\n\nA new page.\nSame line.\nAfter CRLF.\n');
  });
});

describe('Unicode\'s line and paragraph separators (U+2028, U+2029)', () => {
  it('end a line and a paragraph, once, whether or not a line end comes after them', () => {
    assert.equal(decoded(utf8('Headline\u2028\u2028Standfirst here.\u2029First paragraph,\u2028second line.\u2029\r\nSecond paragraph.\u2028\n')).text,
      'Headline\n\nStandfirst here.\n\nFirst paragraph,\nsecond line.\n\nSecond paragraph.\n');
  });

  it('stay as they are in a sidecar, whose JSON strings may hold them', () => {
    const result = decodeSource(utf8('{"title": "One\u2028two\u2029three"}\n'), { repairUnsafe: false, repairStray: false });
    assert.equal(result.ok && result.text, '{"title": "One\u2028two\u2029three"}\n');
  });
});

describe('a stray control character in a text', () => {
  it('is left out, and the warning names the character, its line and its column', () => {
    // The backspace is the 21st character of line 5 (counted in characters: "é" is one).
    const result = decoded(utf8('Bridge reopens\r\n\r\nIntro.\r\n\r\nDrivers were pléased\b with the result.\r\n'));
    assert.equal(result.text, 'Bridge reopens\n\nIntro.\n\nDrivers were pléased with the result.\n');
    assert.deepEqual(result.warnings, [
      {
        code: 'TEXT_CONTROL_CHARACTER',
        line: 5,
        message: 'contains the control character U+0008 (backspace) at column 21: control characters are no text, so it is left out',
        hint: 'Check the text around it on the page (a character may be missing there); remove it from the source to silence this warning.',
      },
    ]);
  });

  it('names each of a few, a NUL and an escape included, in one warning', () => {
    const result = decoded(utf8('Headline\n\nText \0 with a NUL.\n\u001b[Bold\n'));
    assert.equal(result.text, 'Headline\n\nText  with a NUL.\n[Bold\n');
    assert.equal(result.warnings.length, 1);
    assert.equal(result.warnings[0]!.line, 3);
    assert.equal(
      result.warnings[0]!.message,
      'contains the control character U+0000 (NUL) at column 6, and 1 more (U+001B (escape) at line 4, column 1): control characters are no text, so they are left out',
    );
  });

  it('takes a terminal\'s control sequence (a colour, a line clear) with its escape, and leaves the text after a stray escape', () => {
    // Columns count the source's characters, the sequences included ("Red headline" ends at column 19).
    const result = decoded(utf8('\u001b[1;31mRed headline\u001b[0m\n\nText from a log\u001b[2K, then \u001b[m plain \u001b[Reuters] and \u001b[Hello].\n'));
    assert.equal(result.text, 'Red headline\n\nText from a log, then  plain [Reuters] and [Hello].\n');
    assert.equal(result.warnings.length, 1);
    assert.equal(
      result.warnings[0]!.message,
      'contains the control character U+001B (escape, with the terminal code "[1;31m" after it) at column 1, and 5 more (U+001B (escape, with the terminal code "[0m" after it) at line 1, column 20; U+001B (escape, with the terminal code "[2K" after it) at line 3, column 16; U+001B (escape, with the terminal code "[m" after it) at line 3, column 27; U+001B (escape) at line 3, column 37; U+001B (escape) at line 3, column 52): control characters are no text, so they are left out',
    );
  });

  it('is refused with the rest as binary data when there are more than a few, and more than one in 256 characters', () => {
    const nine = decodeSource(utf8(`Headline\n\n${'word\u0001 '.repeat(9)}\n`));
    assert.deepEqual(nine.ok ? undefined : [nine.code, nine.line], ['BINARY_CONTROL_CHARACTER', 3]);
    // The same nine in a long text are debris.
    const long = decoded(utf8(`Headline\n\n${'word\u0001 '.repeat(9)}${'Plain words here. '.repeat(200)}\n`));
    assert.deepEqual(long.warnings.map(({ code }) => code), ['TEXT_CONTROL_CHARACTER']);
    assert.equal(long.text.includes('\u0001'), false);
  });

  it('costs a bounded multiple of decoding the same text without them when a long text holds thousands', () => {
    // 20,000 lines of 320 letters, each ending in a bell: one control in 321 characters, debris.
    // Placing each from the text's start took 74 s here; decoding the clean text takes milliseconds.
    const line = 'abcdefgh'.repeat(40);
    const time = (text: string) => {
      const started = performance.now();
      const result = decodeSource(utf8(text));
      return { ms: performance.now() - started, result };
    };
    const clean = time(`Headline\n\n${`${line}\n`.repeat(20_000)}`);
    const bells = time(`Headline\n\n${`${line}\u0007\n`.repeat(20_000)}`);
    assert.ok(bells.result.ok && bells.result.warnings[0]?.message.includes('and 19999 more'), 'every bell is counted');
    assert.ok(bells.ms < 50 * Math.max(clean.ms, 5), `${bells.ms.toFixed(0)} ms against ${clean.ms.toFixed(0)} ms without the bells`);
  });
});

describe('noncharacters', () => {
  for (const codePoint of [0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff]) {
    it(`turns U+${codePoint.toString(16).toUpperCase()} into U+FFFD, with TEXT_NONCHARACTER`, () => {
      const result = decoded(utf8(`Headline\n\nBroken ${String.fromCodePoint(codePoint)} text.\n`));
      assert.equal(result.text, 'Headline\n\nBroken \uFFFD text.\n');
      assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_NONCHARACTER', line: 3 }]);
      assert.match(result.warnings[0]!.message, new RegExp(`^contains 1 Unicode noncharacter, invisible and invalid in HTML \\(the first on this line\\): U\\+${codePoint.toString(16).toUpperCase()} ×1 became U\\+FFFD$`));
    });
  }

  it('is a warning of its own beside C1 controls, each at its own first line', () => {
    const result = decoded(utf8('Headline\n\nA \uFFFE here.\n\nA \u0085 there, \uFFFF and \u0085 again.\n'));
    assert.deepEqual(result.warnings.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_C1_CONTROL', line: 5 }, { code: 'TEXT_NONCHARACTER', line: 3 }]);
    assert.match(result.warnings[1]!.message, /^contains 2 Unicode noncharacters.*U\+FFFE ×1 became U\+FFFD, U\+FFFF ×1 became U\+FFFD$/);
  });
});

describe('a source with C1 controls, parsed', () => {
  it('is published with the characters meant, and one warning naming the file and line', () => {
    const problems = new ProblemLog();
    const bytes = utf8('The \u0093harbour\u0094 plan\r\n\r\nThe mayor said it would cost \u00805m\u0085 in all.\r\n');
    const parsed = parseSource({ path: '2024-05-01-harbour.txt', displayPath: 'inbox/2024-05-01-harbour.txt', bytes, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.equal(parsed?.frontmatter.title, 'The “harbour” plan');
    assert.equal(parsed?.body, 'The mayor said it would cost €5m… in all.');
    assert.deepEqual(problems.problems.map(({ code, severity, file, line }) => ({ code, severity, file, line })), [
      { code: 'TEXT_C1_CONTROL', severity: 'warning', file: 'inbox/2024-05-01-harbour.txt', line: 1 },
    ]);
    assert.match(problems.problems[0]!.message, /^contains 4 C1 control characters/);
  });
});
