// The hostile-input cases: each a small folder of inbox files (or a hand-edited article file)
// and the outcome the spec asks for, written from the input: the problems (code, file, line,
// severity) and, for accepted sources, the published title and URL. Large inputs are generated.

import { createHash } from 'node:crypto';
import { Prng, paragraph } from '../helpers/prng.ts';

export type CaseKind = 'structure' | 'encoding' | 'unicode' | 'yaml-and-paths' | 'rendering' | 'hand-edited' | 'collisions' | 'sidecars';

export interface ExpectedProblem {
  code: string;
  severity: 'error' | 'warning';
  /** Inbox file inside the case folder, or `articles/<path>` for a hand-edited article file. */
  file: string;
  /** Omitted for problems about a whole file (empty, wrong encoding). */
  line?: number;
  /** Text the message must contain (e.g. the other file of a duplicate). */
  mentions?: string;
}

export interface ExpectedArticle {
  /** Inbox file inside the case folder. */
  source: string;
  title: string;
  /** The URL's slug: exact, or a pattern where it is an id made from the content hash. */
  slug: string | RegExp;
  year?: string;
  language?: string;
}

export interface HostileCase {
  name: string;
  kind: CaseKind;
  /** Files in `inbox/<name>/`; large ones are generated when written. */
  inbox?: Record<string, string | Uint8Array | (() => string)>;
  /** Files in the articles folder, as a human left them. */
  articles?: Record<string, string>;
  problems: ExpectedProblem[];
  published: ExpectedArticle[];
  /** Text that must appear literally on the article page of the first published article. */
  literal?: string[];
  /** Large generated input: left out of the browser build. */
  large?: boolean;
}

export const ID_SLUG = /^article-[0-9a-f]{8}$/;
/** A file a `---js` frontmatter block would create if it ever ran; the suite checks it never exists. */
export const PWNED_MARKER = 'broadsheet-hostile-pwned-marker';

const FILE = '2024-03-05-article.txt';
function utf32le(text: string): Uint8Array {
  const codePoints = [0xfeff, ...[...text].map((char) => char.codePointAt(0)!)];
  const bytes = new Uint8Array(codePoints.length * 4);
  const view = new DataView(bytes.buffer);
  codePoints.forEach((codePoint, i) => view.setUint32(i * 4, codePoint, true));
  return bytes;
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units: number[] = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    bytes[i * 2 + (endian === 'le' ? 0 : 1)] = unit & 0xff;
    bytes[i * 2 + (endian === 'le' ? 1 : 0)] = unit >> 8;
  });
  return bytes;
}
const bytesOf = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

/** An ordinary article with `title`; the body names the case so no two cases are duplicates. */
function article(title: string, caseName: string, ...extra: string[]): string {
  return [title, '', `This report about ${caseName} has an ordinary first paragraph with enough words to read.`, '', ...extra.flatMap((line) => [line, '']), 'It ends with a plain closing sentence.', ''].join('\n');
}

function simple(kind: CaseKind, name: string, title: string, slug: string | RegExp, problems: ExpectedProblem[] = [], extra: string[] = [], literal?: string[]): HostileCase {
  return { name, kind, inbox: { [FILE]: article(title, name, ...extra) }, problems, published: [{ source: FILE, title, slug }], ...(literal ? { literal } : {}) };
}

function handEdited(name: string, text: string, problems: Array<Omit<ExpectedProblem, 'file' | 'severity'>>): HostileCase {
  const file = `2024/${name}.md`;
  return { name, kind: 'hand-edited', articles: { [file]: text }, problems: problems.map((p) => ({ ...p, severity: 'error', file: `articles/${file}` })), published: [] };
}

const GOOD_FRONTMATTER = (fields: string) => `---\n${fields}\ndateSource: "manual"\nslug: "hand-edited"\n---\n\nA hand-edited body.\n`;

function tenMegabytes(): string {
  const prng = new Prng(7);
  const lines: string[] = ['A ten megabyte article from a runaway scraper', ''];
  let size = 0;
  while (size < 10 * 1024 * 1024) {
    const text = paragraph(prng, 4000);
    lines.push(text, '');
    size += text.length + 2;
  }
  return lines.join('\n');
}

function manyParagraphs(): string {
  const prng = new Prng(11);
  const lines: string[] = ['Ten thousand paragraphs in one article', ''];
  for (let i = 0; i < 10_000; i++) lines.push(`Paragraph ${i + 1}: ${paragraph(prng, 60)}`, '');
  return lines.join('\n');
}

function generatedLarge(): HostileCase[] {
  return [
    { name: 'ten-megabyte-article', kind: 'structure', large: true, inbox: { [FILE]: tenMegabytes }, problems: [], published: [{ source: FILE, title: 'A ten megabyte article from a runaway scraper', slug: 'a-ten-megabyte-article-from-a-runaway-scraper' }] },
    {
      name: 'one-megabyte-line',
      kind: 'structure',
      large: true,
      inbox: { [FILE]: () => `A single line of one megabyte\n\n${paragraph(new Prng(9), 1024 * 1024)}\n` },
      problems: [{ code: 'TEXT_LONG_LINE', severity: 'warning', file: FILE, line: 3 }],
      published: [{ source: FILE, title: 'A single line of one megabyte', slug: 'a-single-line-of-one-megabyte' }],
    },
    { name: 'ten-thousand-paragraphs', kind: 'structure', large: true, inbox: { [FILE]: manyParagraphs }, problems: [], published: [{ source: FILE, title: 'Ten thousand paragraphs in one article', slug: 'ten-thousand-paragraphs-in-one-article' }] },
    // A megabyte of line ends under the headline (a scraper that kept every empty element).
    {
      name: 'a-million-blank-lines',
      kind: 'structure',
      large: true,
      inbox: { [FILE]: () => `A million blank lines under the headline\n${'\n'.repeat(1_000_000)}The only paragraph, after them.\n` },
      problems: [],
      published: [{ source: FILE, title: 'A million blank lines under the headline', slug: 'a-million-blank-lines-under-the-headline' }],
    },
  ];
}

/**
 * Two sources wanting one URL: per the spec the one with the smaller content hash keeps it, the
 * other gets `-<first six hex digits of its hash>` and a warning naming the keeper.
 */
function collision(name: string, first: [string, string, string], second: [string, string, string], slug: string): HostileCase {
  const files = [first, second].map(([file, title, topic]) => {
    const text = article(title, topic);
    return { file, title, text, hash: createHash('sha256').update(text).digest('hex') };
  });
  const [keeper, other] = files[0]!.hash < files[1]!.hash ? [files[0]!, files[1]!] : [files[1]!, files[0]!];
  return {
    name,
    kind: 'collisions',
    inbox: Object.fromEntries(files.map((entry) => [entry.file, entry.text])),
    problems: [{ code: 'SLUG_COLLISION', severity: 'warning', file: other.file, mentions: keeper.file }],
    published: [
      { source: keeper.file, title: keeper.title, slug },
      { source: other.file, title: other.title, slug: `${slug}-${other.hash.slice(0, 6)}` },
    ],
  };
}

const SIX_HUNDRED = 'Long headline words repeated '.repeat(30).slice(0, 600).trimEnd().padEnd(600, 'x');

export function hostileCases(): HostileCase[] {
  return [
    // Structure.
    { name: 'empty-file', kind: 'structure', inbox: { [FILE]: '' }, problems: [{ code: 'ARTICLE_EMPTY', severity: 'error', file: FILE }], published: [] },
    { name: 'whitespace-only', kind: 'structure', inbox: { [FILE]: ' \n\t\n  \r\n\n' }, problems: [{ code: 'ARTICLE_EMPTY', severity: 'error', file: FILE }], published: [] },
    {
      name: 'boilerplate-only',
      kind: 'structure',
      inbox: { [FILE]: 'Share\n\nLeave a Reply\nYour email address will not be published. Required fields are marked *\n' },
      problems: [{ code: 'ARTICLE_ONLY_BOILERPLATE', severity: 'error', file: FILE, line: 1 }],
      published: [],
    },
    {
      name: 'title-only',
      kind: 'structure',
      inbox: { [FILE]: 'A headline and nothing else\n' },
      problems: [{ code: 'ARTICLE_NO_BODY', severity: 'warning', file: FILE, line: 1 }],
      published: [{ source: FILE, title: 'A headline and nothing else', slug: 'a-headline-and-nothing-else' }],
    },
    ...generatedLarge(),

    // Encodings.
    {
      name: 'invalid-utf8',
      kind: 'encoding',
      // Valid UTF-8 (é) on line 1, then a byte that cannot continue a character on line 3, whose
      // é in UTF-8 says it is damaged UTF-8, not a line in another encoding.
      inbox: { [FILE]: bytesOf('Caf', [0xc3, 0xa9], ' headline\n\nBroken ', [0xc3, 0x28], ' byte in a caf', [0xc3, 0xa9], '\n') },
      problems: [{ code: 'ENCODING_INVALID_UTF8', severity: 'error', file: FILE, line: 3 }],
      published: [],
    },
    {
      name: 'windows-1252-line-in-utf8',
      kind: 'encoding',
      // UTF-8 (é on line 1), but line 5 in Windows-1252 (0x93, 0x92, 0x94: “ ’ ”), as a pasted line often is.
      inbox: { [FILE]: bytesOf('Caf', [0xc3, 0xa9], ' owners back the harbour plan\n\nThe council approved the plan on Monday after a long debate.\n\nThe owner said: ', [0x93], 'It', [0x92], 's the best news in years.', [0x94], '\n\nWork starts in June.\n') },
      problems: [{ code: 'ENCODING_WINDOWS_1252_LINES', severity: 'warning', file: FILE, line: 5, mentions: '0x93 at offset' }],
      published: [{ source: FILE, title: 'Café owners back the harbour plan', slug: 'cafe-owners-back-the-harbour-plan' }],
      literal: ['The owner said: “It’s the best news in years.”'],
    },
    {
      name: 'utf16le-with-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf16(article('Little-endian UTF-16 with a mark', 'utf16le-with-bom'), 'le', true) },
      problems: [],
      published: [{ source: FILE, title: 'Little-endian UTF-16 with a mark', slug: 'little-endian-utf-16-with-a-mark' }],
    },
    {
      name: 'utf16be-with-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf16(article('Big-endian UTF-16 with a mark', 'utf16be-with-bom'), 'be', true) },
      problems: [],
      published: [{ source: FILE, title: 'Big-endian UTF-16 with a mark', slug: 'big-endian-utf-16-with-a-mark' }],
    },
    {
      name: 'utf16le-without-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf16(article('UTF-16 without a byte-order mark', 'utf16le-without-bom'), 'le', false) },
      problems: [{ code: 'ENCODING_UTF16_NO_BOM', severity: 'warning', file: FILE }],
      published: [{ source: FILE, title: 'UTF-16 without a byte-order mark', slug: 'utf-16-without-a-byte-order-mark' }],
    },
    {
      // A date in the text that is no real date is named, not silently passed over.
      name: 'text-date-february-30',
      kind: 'encoding',
      inbox: { [FILE]: ['Published 2024-02-30', 'A harbour story with an impossible date', '', 'The harbour reopened after the storm, the council said.', ''].join('\n') },
      problems: [{ code: 'TEXT_BAD_DATE', severity: 'warning', file: FILE, line: 1 }],
      published: [{ source: FILE, title: 'A harbour story with an impossible date', slug: 'a-harbour-story-with-an-impossible-date' }],
    },
    {
      name: 'text-date-31-april-in-a-dateline',
      kind: 'encoding',
      inbox: { [FILE]: ['A storm story with an impossible date', '', 'LONDON, 31 April 2024 — The storm closed the bridge, the police said.', ''].join('\n') },
      problems: [{ code: 'TEXT_BAD_DATE', severity: 'warning', file: FILE, line: 3 }],
      published: [{ source: FILE, title: 'A storm story with an impossible date', slug: 'a-storm-story-with-an-impossible-date' }],
    },
    {
      // Arabic and Chinese have few zero bytes in UTF-16, unlike Latin text; still not binary.
      name: 'utf16le-arabic-without-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf16('الحكومة تعلن خطة جديدة للمياه\n\nقالت الحكومة يوم الاثنين إنها ستنفق المزيد على شبكات المياه في المدن.\n', 'le', false) },
      problems: [{ code: 'ENCODING_UTF16_NO_BOM', severity: 'warning', file: FILE }],
      published: [{ source: FILE, title: 'الحكومة تعلن خطة جديدة للمياه', slug: /^[a-z0-9-]+$/ }],
      literal: ['قالت الحكومة يوم الاثنين إنها ستنفق المزيد على شبكات المياه في المدن.'],
    },
    {
      name: 'utf16be-chinese-without-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf16('政府宣布新的供水计划\n\n政府星期一表示将在城市供水网络方面投入更多资金。\n\n工程将于明年开始。\n', 'be', false) },
      problems: [{ code: 'ENCODING_UTF16_NO_BOM', severity: 'warning', file: FILE }],
      published: [{ source: FILE, title: '政府宣布新的供水计划', slug: ID_SLUG }],
      literal: ['政府星期一表示将在城市供水网络方面投入更多资金。'],
    },
    {
      name: 'utf32le-with-bom',
      kind: 'encoding',
      inbox: { [FILE]: utf32le(article('Four bytes a character 🚀', 'utf32le-with-bom')) },
      problems: [],
      published: [{ source: FILE, title: 'Four bytes a character 🚀', slug: 'four-bytes-a-character' }],
    },
    {
      // Word's plain-text export writes a manual line break (Shift+Enter) as a vertical tab.
      name: 'word-vertical-tab',
      kind: 'encoding',
      inbox: { [FILE]: article('A poem in the council minutes', 'word-vertical-tab', 'Roses are red,\u000bviolets are blue') },
      problems: [],
      published: [{ source: FILE, title: 'A poem in the council minutes', slug: 'a-poem-in-the-council-minutes' }],
      literal: ['Roses are red,', 'violets are blue'],
    },
    {
      name: 'windows-1252',
      kind: 'encoding',
      inbox: { [FILE]: bytesOf('Mayor calls the plan ', [0x93], 'bold', [0x94], ' and ', [0x96], ' costly\n\nShe said it would cost ', [0x80], '5m in the caf', [0xe9], ' district.\n\nMore paragraphs follow here.\n\nAnd a last one.\n') },
      problems: [{ code: 'ENCODING_WINDOWS_1252', severity: 'warning', file: FILE }],
      published: [{ source: FILE, title: 'Mayor calls the plan “bold” and – costly', slug: 'mayor-calls-the-plan-bold-and-costly' }],
      literal: ['She said it would cost €5m in the café district.'],
    },
    {
      // Windows-1252 text read as Latin-1 and saved as UTF-8, with Windows line ends: the C1
      // controls U+0093 and U+0094 (the quotes 0x93/0x94), U+0096 (–), U+0080 (€), U+0085 (…).
      name: 'utf8-mojibake-c1-controls',
      kind: 'encoding',
      inbox: { [FILE]: 'Harbour plan costs more than expected\r\n\r\nThe council published the figures on Monday.\r\n\r\nThe mayor called it \u0093bold\u0094 \u0096 and said it would cost \u00805m\u0085 in all.\r\n\r\nWork starts in \u0093spring\u0094.\r\n' },
      problems: [{ code: 'TEXT_C1_CONTROL', severity: 'warning', file: FILE, line: 5, mentions: 'U+0093 ×2 became “, U+0094 ×2 became ”, U+0096 ×1 became –, U+0080 ×1 became €, U+0085 ×1 became …' }],
      published: [{ source: FILE, title: 'Harbour plan costs more than expected', slug: 'harbour-plan-costs-more-than-expected' }],
      literal: ['The mayor called it “bold” – and said it would cost €5m… in all.', 'Work starts in “spring”.'],
    },
    {
      // 0x81 is one of the five bytes Windows-1252 leaves undefined: U+FFFD, named on its line.
      name: 'windows-1252-undefined-byte',
      kind: 'encoding',
      inbox: { [FILE]: bytesOf('Ferry fares rise in the caf', [0xe9], ' quarter\n\nA ticket will cost ', [0x80], '3, up from ', [0x81], '2.\n\nThe new fares start in May.\n') },
      problems: [
        { code: 'ENCODING_WINDOWS_1252', severity: 'warning', file: FILE },
        { code: 'TEXT_C1_CONTROL', severity: 'warning', file: FILE, line: 3, mentions: 'U+0081 ×1 became U+FFFD' },
        { code: 'TEXT_REPLACEMENT_CHARACTER', severity: 'warning', file: FILE, line: 3 },
      ],
      published: [{ source: FILE, title: 'Ferry fares rise in the café quarter', slug: 'ferry-fares-rise-in-the-cafe-quarter' }],
      literal: ['A ticket will cost €3, up from \uFFFD2.'],
    },
    {
      name: 'utf8-noncharacters',
      kind: 'encoding',
      inbox: { [FILE]: 'Library opening hours change\n\nThe library opens at nine \uFDD0 and closes at five \uFFFE.\n\nIt is closed on Sundays.\n' },
      problems: [
        { code: 'TEXT_NONCHARACTER', severity: 'warning', file: FILE, line: 3, mentions: 'U+FDD0 ×1 became U+FFFD, U+FFFE ×1 became U+FFFD' },
        { code: 'TEXT_REPLACEMENT_CHARACTER', severity: 'warning', file: FILE, line: 3 },
      ],
      published: [{ source: FILE, title: 'Library opening hours change', slug: 'library-opening-hours-change' }],
      literal: ['The library opens at nine \uFFFD and closes at five \uFFFD.'],
    },
    {
      name: 'stray-control-characters',
      kind: 'encoding',
      // A NUL from a database export and a terminal's escape: debris in a text, left out.
      inbox: { [FILE]: bytesOf('Ferry timetable changes\n\nThe first ferry leaves at six', [0x00], ' from Monday.\n\nThe last one leaves at ', [0x1b], 'ten.\n') },
      problems: [{ code: 'TEXT_CONTROL_CHARACTER', severity: 'warning', file: FILE, line: 3, mentions: 'U+0000 (NUL) at column 30, and 1 more (U+001B (escape) at line 5, column 24)' }],
      published: [{ source: FILE, title: 'Ferry timetable changes', slug: 'ferry-timetable-changes' }],
      literal: ['The first ferry leaves at six from Monday.', 'The last one leaves at ten.'],
    },
    {
      name: 'nul-bytes',
      kind: 'encoding',
      // Twelve NULs in forty characters: binary data, not a stray byte.
      inbox: { [FILE]: bytesOf('A headline\n\nText with ', Array(12).fill(0), ' NUL bytes\n') },
      problems: [{ code: 'BINARY_NUL_BYTE', severity: 'error', file: FILE, line: 3 }],
      published: [],
    },
    {
      name: 'png-renamed',
      kind: 'encoding',
      inbox: { 'photo.txt': bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) },
      problems: [{ code: 'BINARY_FILE', severity: 'error', file: 'photo.txt', line: 1 }],
      published: [],
    },

    // Unicode in titles.
    simple('unicode', 'zero-width-title', 'Zero\u200Bwidth space in the headline', 'zero-width-space-in-the-headline', [
      { code: 'TITLE_INVISIBLE_CHARACTERS', severity: 'warning', file: FILE, line: 1 },
    ]),
    simple('unicode', 'trojan-source-title', 'Access granted \u202Enimda\u202C to everyone', 'access-granted-nimda-to-everyone', [
      { code: 'TITLE_INVISIBLE_CHARACTERS', severity: 'warning', file: FILE, line: 1 },
      { code: 'TEXT_BIDI_CONTROL', severity: 'warning', file: FILE, line: 1 },
    ]),
    simple('unicode', 'combining-marks', 'Cafe\u0301 society and nai\u0308ve Zalgo z\u0351\u0352\u0353o', 'cafe-society-and-naive-zalgo-zo'),
    simple('unicode', 'emoji-title', 'Rocket launch 🚀 delayed again 👩‍🚀', 'rocket-launch-delayed-again'),
    {
      name: 'arabic-title',
      kind: 'unicode',
      inbox: { [FILE]: 'وزير الخارجية يلتقي نظيره الفرنسي\n\nالتقى وزير الخارجية اليوم نظيره الفرنسي في الرياض وبحثا العلاقات الثنائية.\n\nوأكد الجانبان أهمية التعاون.\n' },
      problems: [],
      published: [{ source: FILE, title: 'وزير الخارجية يلتقي نظيره الفرنسي', slug: 'wzyr-alkharjya-yltqy-nzyrh-alfrnsy', language: 'ar' }],
    },
    {
      name: 'hebrew-title',
      kind: 'unicode',
      inbox: { [FILE]: 'ראש העיר פותח את הספרייה\n\nראש העיר פתח היום את הספרייה החדשה במרכז העיר.\n\nהתושבים הגיעו בהמוניהם.\n' },
      problems: [],
      published: [{ source: FILE, title: 'ראש העיר פותח את הספרייה', slug: 'rash-hyr-pvtch-at-hspryyh', language: 'he' }],
    },
    {
      name: 'chinese-title',
      kind: 'unicode',
      inbox: { [FILE]: '北京举行新闻发布会\n\n今天上午，北京举行新闻发布会，介绍了城市发展情况。\n\n记者提出了很多问题。\n' },
      problems: [],
      published: [{ source: FILE, title: '北京举行新闻发布会', slug: ID_SLUG, language: 'zh' }],
    },

    // Titles that break naive YAML or paths.
    simple('yaml-and-paths', 'title-three-dashes', '---', ID_SLUG),
    simple('yaml-and-paths', 'title-three-dots', '...', ID_SLUG),
    simple('yaml-and-paths', 'title-colon-space', 'Minister: resignation: no comment', 'minister-resignation-no-comment'),
    simple('yaml-and-paths', 'title-hash', '# Not a heading #hashtag', 'not-a-heading-hashtag'),
    simple('yaml-and-paths', 'title-no', 'no', ID_SLUG),
    simple('yaml-and-paths', 'title-null', 'null', 'null'),
    simple('yaml-and-paths', 'title-tilde', '~', ID_SLUG),
    simple('yaml-and-paths', 'title-iso-date', '2024-01-01', ID_SLUG),
    simple('yaml-and-paths', 'title-path-traversal', '../../etc/passwd', 'etc-passwd'),
    simple('yaml-and-paths', 'title-windows-device', 'CON', 'con-article'),
    simple('yaml-and-paths', 'title-dot', '.', ID_SLUG),
    simple('yaml-and-paths', 'title-600-characters', SIX_HUNDRED, 'long-headline-words-repeated-long-headline-words-repeated-long-headline-words', [
      { code: 'TITLE_TOO_LONG', severity: 'warning', file: FILE, line: 1 },
    ]),

    // Text that breaks naive rendering: every line must come out literally and inert.
    simple('rendering', 'script-tag', "Headline with <script>alert('xss-title')</script> inside", 'headline-with-script-alert-xss-title-script-inside', [], [
      'The body has <script>alert(document.cookie)</script> in a sentence.',
      '<script src="https://evil.example/x.js"></script>',
    ], ['The body has <script>alert(document.cookie)</script> in a sentence.', '<script src="https://evil.example/x.js"></script>']),
    simple('rendering', 'img-onerror', 'Image with an error handler', 'image-with-an-error-handler', [], [
      'Look: <img src=x onerror="alert(\'img\')"> and <svg onload=alert(1)>.',
    ], ['Look: <img src=x onerror="alert(\'img\')"> and <svg onload=alert(1)>.']),
    simple('rendering', 'javascript-links', 'Links that run code', 'links-that-run-code', [], [
      'A [markdown link](javascript:alert(\'link\')) and <a href="javascript:alert(2)">an HTML one</a>.',
      'A bare javascript:alert(3) and an autolink <javascript:alert(4)>.',
    ], ['A [markdown link](javascript:alert(\'link\')) and <a href="javascript:alert(2)">an HTML one</a>.', 'A bare javascript:alert(3) and an autolink <javascript:alert(4)>.']),
    simple('rendering', 'data-links', 'Links with data URLs', 'links-with-data-urls', [], [
      'See [this](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and ![pic](data:image/svg+xml,<svg onload=alert(5)>).',
    ], ['See [this](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) and ![pic](data:image/svg+xml,<svg onload=alert(5)>).']),
    simple('rendering', 'template-expressions', 'Seven times seven {{ 7*7 }}', 'seven-times-seven-7-7', [], [
      'The template {{ 7*7 }} and {{ "a" | upcase }} and ${7*7} stay as written.',
    ], ['{{ 7*7 }}', 'The template {{ 7*7 }} and {{ "a" | upcase }} and ${7*7} stay as written.']),
    simple('rendering', 'template-tags', 'An include tag in the text', 'an-include-tag-in-the-text', [], [
      '{% include "/etc/passwd" %} and {% raw %}{{ x }}{% endraw %} and {%- set y = 1 -%}',
    ], ['{% include "/etc/passwd" %} and {% raw %}{{ x }}{% endraw %} and {%- set y = 1 -%}']),
    {
      name: 'js-frontmatter-in-source',
      kind: 'rendering',
      inbox: { [FILE]: `---js\n{ title: (() => { require('fs').writeFileSync('/tmp/${PWNED_MARKER}', 'x'); return 'pwned'; })() }\n---\n\nThe real text of an article that starts with a js block.\n` },
      problems: [],
      published: [{ source: FILE, title: '---js', slug: ID_SLUG }],
      literal: [`{ title: (() => { require('fs').writeFileSync('/tmp/${PWNED_MARKER}', 'x'); return 'pwned'; })() }`],
    },
    simple('rendering', 'markdown-table', 'A table in plain text', 'a-table-in-plain-text', [], ['| Team | Points |\n|------|--------|\n| Ayr | 12 |'], ['| Team | Points |', '|------|--------|', '| Ayr | 12 |']),
    simple('rendering', 'markdown-lists', 'Lists, quotes and rules', 'lists-quotes-and-rules', [], ['1. first\n2) second\n- dash\n* star\n+ plus\n> quoted\n***\n    indented code\n```\nfence'], [
      '1. first', '2) second', '- dash', '* star', '+ plus', '> quoted', '***', 'indented code', '```', 'fence',
    ]),
    simple('rendering', 'lone-backslashes', 'Backslashes \\ in C:\\Users\\', 'backslashes-in-c-users', [], ['A lone \\ and a double \\\\ and an escape \\* and \\n end\\'], [
      'A lone \\ and a double \\\\ and an escape \\* and \\n end\\',
    ]),
    simple('rendering', 'entities-and-html-comments', 'Entities &amp; &lt;b&gt; and comments', 'entities-and-amp-and-lt-b-and-gt-and-comments', [], ['Text &amp; &#60;script&#62; &copy; <!-- hidden --> <![CDATA[x]]>'], [
      'Text &amp; &#60;script&#62; &copy; <!-- hidden --> <![CDATA[x]]>',
    ]),

    // Article files edited by hand into something unusable.
    handEdited('hand-broken-yaml', '---\ntitle: Broken: yaml: here\ndate: "2024-01-01T00:00:00+00:00"\n---\n\nBody.\n', [{ code: 'ARTICLE_BAD_FRONTMATTER', line: 2 }]),
    handEdited('hand-unclosed', '---\ntitle: "Never closed"\ndate: "2024-01-01T00:00:00+00:00"\n\nBody.\n', [{ code: 'ARTICLE_BAD_FRONTMATTER', line: 1 }]),
    handEdited('hand-february-30', GOOD_FRONTMATTER('title: "February the thirtieth"\ndate: "2024-02-30T09:00:00+00:00"'), [{ code: 'ARTICLE_BAD_DATE', line: 3 }]),
    // Unquoted, YAML 1.1 would make this a timestamp that JavaScript rolls over to 1 March.
    handEdited('hand-february-30-unquoted', '---\ntitle: "February the thirtieth, unquoted"\ndate: 2024-02-30\nslug: "hand-edited-two"\n---\n\nBody.\n', [{ code: 'ARTICLE_BAD_DATE', line: 3 }]),
    handEdited('hand-year-zero', GOOD_FRONTMATTER('title: "Year zero"\ndate: "0000-06-01T00:00:00+00:00"'), [{ code: 'ARTICLE_BAD_DATE', line: 3 }]),
    handEdited('hand-year-10000', GOOD_FRONTMATTER('title: "Year ten thousand"\ndate: "10000-01-01T00:00:00+00:00"'), [{ code: 'ARTICLE_BAD_DATE', line: 3 }]),
    handEdited('hand-missing-title', GOOD_FRONTMATTER('date: "2024-01-01T00:00:00+00:00"'), [{ code: 'ARTICLE_MISSING_TITLE', line: 1 }]),
    {
      // A hand edit with a YAML escape in the title and raw mojibake in the body, saved with CRLF.
      name: 'hand-c1-controls',
      kind: 'hand-edited',
      articles: {
        '2024/hand-c1-controls.md': [
          '---', 'title: "The \\u0093hand-edited\\u0094 headline"', 'date: "2024-03-05T09:00:00+00:00"', 'dateSource: "manual"', 'slug: "hand-c1-controls"',
          `source: {"path": "hand-c1-controls/${FILE}", "hash": "sha256:0"}`, '---', '', 'An editor pasted \u0093mojibake\u0094 here\u0085', '',
        ].join('\r\n'),
      },
      problems: [{ code: 'TEXT_C1_CONTROL', severity: 'warning', file: 'articles/2024/hand-c1-controls.md', line: 2, mentions: '"title" and the body contain 5 C1 control characters' }],
      published: [{ source: FILE, title: 'The “hand-edited” headline', slug: 'hand-c1-controls' }],
      literal: ['An editor pasted “mojibake” here…'],
    },
    handEdited(
      'hand-js-frontmatter',
      `---js\n{ title: (() => { require('fs').writeFileSync('/tmp/${PWNED_MARKER}', 'x'); return 'pwned'; })(), date: "2024-01-01" }\n---\n\nBody.\n`,
      [{ code: 'ARTICLE_BAD_FRONTMATTER', line: 1 }],
    ),

    // Collisions and duplicates.
    collision('same-title-same-date', ['2024-04-01-a.txt', 'Council approves the harbour plan', 'the first harbour story'], ['2024-04-01-b.txt', 'Council approves the harbour plan', 'the second harbour story'], 'council-approves-the-harbour-plan'),
    collision('case-and-accents', ['2024-04-02-a-accented.txt', 'Café opens on the square', 'the accented café'], ['2024-04-02-b-plain.txt', 'CAFE opens on the square', 'the plain cafe'], 'cafe-opens-on-the-square'),
    {
      name: 'same-file-twice',
      kind: 'collisions',
      inbox: { '2024-04-03-copy.txt': article('The same story saved twice', 'a story saved twice'), '2024-04-03-original.txt': article('The same story saved twice', 'a story saved twice') },
      problems: [{ code: 'DUPLICATE_ARTICLE', severity: 'warning', file: '2024-04-03-original.txt', mentions: '2024-04-03-copy.txt' }],
      published: [{ source: '2024-04-03-copy.txt', title: 'The same story saved twice', slug: 'the-same-story-saved-twice' }],
    },
    {
      // The same closing paragraphs under different standfirsts are two articles, not a duplicate.
      name: 'same-body-other-standfirst',
      kind: 'collisions',
      inbox: {
        '2024-04-04-monday.txt': 'Ferry timetable for Monday\n\nOn Monday the first ferry leaves at 6am and the last at 11pm.\n\nTimes may change in bad weather.\n\nCheck the website before you travel.\n',
        '2024-04-05-tuesday.txt': 'Ferry timetable for Tuesday\n\nOn Tuesday the first ferry leaves at 7am and the last at 10pm.\n\nTimes may change in bad weather.\n\nCheck the website before you travel.\n',
      },
      problems: [],
      published: [
        { source: '2024-04-04-monday.txt', title: 'Ferry timetable for Monday', slug: 'ferry-timetable-for-monday' },
        { source: '2024-04-05-tuesday.txt', title: 'Ferry timetable for Tuesday', slug: 'ferry-timetable-for-tuesday' },
      ],
      literal: ['On Monday the first ferry leaves at 6am and the last at 11pm.'],
    },

    // Sidecar metadata that is wrong.
    {
      name: 'sidecar-malformed-json',
      kind: 'sidecars',
      inbox: { [FILE]: article('Headline from the text', 'a malformed sidecar'), 'meta.jsonl': `{"file": "${FILE}", "section": "harbour"}\n{"file": "${FILE}", "title": \n` },
      problems: [{ code: 'SIDECAR_BAD_JSON', severity: 'warning', file: 'meta.jsonl', line: 2 }],
      published: [{ source: FILE, title: 'Headline from the text', slug: 'headline-from-the-text' }],
    },
    {
      // JSON escapes of mojibake: \u0093/\u0094 were the quotes 0x93/0x94, \u0092 the apostrophe 0x92.
      name: 'sidecar-c1-escapes',
      kind: 'sidecars',
      inbox: { [FILE]: article('Headline from the text', 'a sidecar with escaped C1 controls'), '2024-03-05-article.json': '{"title": "The \\u0093harbour\\u0094 vote", "author": "Ann O\\u0092Brien"}\n' },
      problems: [{ code: 'TEXT_C1_CONTROL', severity: 'warning', file: '2024-03-05-article.json', mentions: '"title" and "author" contain 3 C1 control characters' }],
      published: [{ source: FILE, title: 'The “harbour” vote', slug: 'the-harbour-vote' }],
      literal: ['Ann O’Brien'],
    },
    {
      name: 'sidecar-missing-file',
      kind: 'sidecars',
      inbox: { [FILE]: article('Headline of the file that exists', 'a sidecar naming a missing file'), 'meta.jsonl': `{"file": "${FILE}", "title": "Headline of the file that exists"}\n{"file": "gone.txt", "title": "Ghost"}\n` },
      problems: [{ code: 'SIDECAR_MISSING_FILE', severity: 'warning', file: 'meta.jsonl', line: 2 }],
      published: [{ source: FILE, title: 'Headline of the file that exists', slug: 'headline-of-the-file-that-exists' }],
    },
    {
      name: 'sidecar-wrong-types',
      kind: 'sidecars',
      inbox: { [FILE]: article('Headline kept from the text', 'a sidecar with wrong types'), '2024-03-05-article.json': '{"title": 42, "authors": [1, 2], "date": true, "tags": "harbour, council"}\n' },
      problems: [
        { code: 'SIDECAR_WRONG_TYPE', severity: 'warning', file: '2024-03-05-article.json', line: 1, mentions: '"title"' },
        { code: 'SIDECAR_WRONG_TYPE', severity: 'warning', file: '2024-03-05-article.json', line: 1, mentions: '"authors"' },
        { code: 'SIDECAR_WRONG_TYPE', severity: 'warning', file: '2024-03-05-article.json', line: 1, mentions: '"date"' },
      ],
      published: [{ source: FILE, title: 'Headline kept from the text', slug: 'headline-kept-from-the-text' }],
    },
  ];
}

