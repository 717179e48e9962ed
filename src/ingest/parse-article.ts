// One source file's text to one archive article: structure, metadata and markdown body.
// Pure: problems are recorded in the log passed in; nothing is read or written here.

import path from 'node:path';
import type { ArticleFrontmatter } from '../article.ts';
import { markUnicodeForm } from '../fs-utils.ts';
import { printable, type ProblemLog } from '../problems.ts';
import { findFrontmatterBlock, findLineAnomalies, findMarkupDocument, hasInvisibleCharacters, namedBidiControls, namedInvisibleCharacters } from './anomalies.ts';
import { resolveArticleDate } from './article-date.ts';
import { DATELINE_LINES, isDatelineAlone } from './dates.ts';
import { findArticleEntities } from './entities/article-entities.ts';
import type { EntityRules } from './entities/entity-rules.ts';
import { escapeMarkdownLine, escapeMarkdownParagraph } from './escape-markdown.ts';
import type { IngestRules } from './rules.ts';
import { isLabelledDateLine, normaliseForComparison, segmentArticle, type Block, type RemovedLine, type SegmentedArticle } from './segment.ts';
import { originOf, type SidecarData } from './sidecar.ts';
import { countWords, detectLanguage, readingMinutes, summarise } from './text-stats.ts';

export interface SourceFile {
  /** Path relative to the inbox, with `/` separators. */
  path: string;
  /** Path as shown in messages (relative to the working directory). */
  displayPath: string;
  hash: string;
  text: string;
  mtimeMs: number;
  sidecar?: SidecarData;
}

export interface IngestOptions {
  rules: IngestRules;
  timeZone: string;
  language: string;
  /** Aliases and block list for entity extraction (docs/entities.md); built-in defaults when absent. */
  entityRules?: EntityRules;
  /** The build's time (ms since 1970), against which a date is in the future; now when absent. */
  now?: number;
}

/** An article before its slug is decided (slugs depend on the other articles). */
export interface ParsedArticle {
  frontmatter: Omit<ArticleFrontmatter, 'slug' | 'generated'>;
  body: string;
  /** The text lines that must reach the page (headline, standfirst, every block). */
  keptLines: string[];
  /** Normalised body, to recognise the same article under two names. */
  duplicateKey: string;
  removed: RemovedLine[];
}

export const MAX_TITLE_CHARACTERS = 300;
/**
 * A first line longer than this is no headline but a paragraph, or a whole article that lost its
 * line breaks: every page that lists the article would carry it (a 5 MB line made a 60 MB page
 * and put 5 MB into its neighbours' pages).
 */
export const MAX_HEADLINE_LINE_CHARACTERS = 1000;
/** The headline made of such a line's first words. */
const HEADLINE_FROM_LINE_CHARACTERS = 100;

// A folder that files sources by date (`2024/`, `2024/06/`, `2024-06/`, `2024-06-03/`): no section.
const DATE_FOLDER = /^(?:\d{4}(?:[-_.]\d{1,2}){0,2}|\d{1,2})$/;

/**
 * The section a source's folder names: its top folder (`sport/2024/rugby/x.txt` is in `sport`),
 * passing over folders that file it by date, which an archive sorted by year has (`2024/x.txt` is
 * in no section, `2024/sport/x.txt` in `sport`), rather than a section named `2024` for each year.
 */
function sectionFromFolder(sourcePath: string): string | undefined {
  const folder = path.posix.dirname(sourcePath);
  return folder === '.' ? undefined : folder.split('/').find((name) => !DATE_FOLDER.test(name));
}

// A headline is no sentence: none of 1,547 in the BBC and Arabic corpora ends in a full stop,
// while nine in ten of their first paragraphs do. A first line of ten words or more ending in one
// (not an ellipsis, nor an initialism such as `U.S.`) is the text's first sentence, in a file that
// has no headline.
const MIN_SENTENCE_WORDS = 10;
const SENTENCE_END = /(?<![.\s])[.。]$/u;
const INITIALISM_END = /(?:^|\s)(?:\p{L}\.){2,}$/u;

function readsAsSentence(title: string): boolean {
  return SENTENCE_END.test(title) && !INITIALISM_END.test(title) && countWords(title) >= MIN_SENTENCE_WORDS;
}

/** Where a value of the article came from, for problems about it. */
interface Place {
  at: { file: string; line?: number };
  /** The value as a message names it: `the headline`, `"title" for a.txt`. */
  what: string;
  fromSidecar: boolean;
}

function textPlace(source: SourceFile, line: number | undefined): Place {
  return { at: { file: source.displayPath, ...(line ? { line } : {}) }, what: 'the headline', fromSidecar: false };
}

function sidecarPlace(source: SourceFile, sidecar: SidecarData, field: 'title' | 'subtitle'): Place {
  return { at: originOf(sidecar, field), what: `"${field}" for ${markUnicodeForm(source.path)}`, fromSidecar: true };
}

export function parseArticle(source: SourceFile, options: IngestOptions, problems: ProblemLog): ParsedArticle | undefined {
  const sidecar = source.sidecar;
  const segmented = segmentArticle(source.text, options.rules, sidecar?.title);
  const overlong = sidecar?.title === undefined && segmented.title.length > MAX_HEADLINE_LINE_CHARACTERS ? demoteHeadline(segmented) : undefined;
  // A sidecar's title too long for one is published as an overlong first line is: whole, as the
  // article's first paragraph, under a headline of its first words (a 1 MB `title` was on every
  // page listing the article).
  const overlongGiven = sidecar?.title !== undefined && sidecar.title.length > MAX_HEADLINE_LINE_CHARACTERS ? sidecar.title : undefined;
  const title = overlongGiven === undefined ? (sidecar?.title ?? segmented.title) : headlineOfLine(overlongGiven);

  if (title === '') {
    const onlyBoilerplate = segmented.removed.length > 0;
    problems.error({
      code: onlyBoilerplate ? 'ARTICLE_ONLY_BOILERPLATE' : 'ARTICLE_EMPTY',
      file: source.displayPath,
      ...(onlyBoilerplate ? { line: segmented.removed[0]!.line } : {}),
      message: onlyBoilerplate
        ? 'contains only site chrome and boilerplate, no article text; it is skipped'
        : 'is empty or only white space; it is skipped',
      hint: 'Put the headline on the first line and the article text below it, or remove the file from the inbox.',
    });
    return undefined;
  }

  const titleLine = segmented.titleLine || undefined;
  const nameControls = namedBidiControls(source.path);
  if (nameControls.length > 0) {
    problems.warn({
      code: 'INBOX_NAME_BIDI_CONTROL',
      file: source.displayPath,
      message: `the file's name holds bidirectional controls (${nameControls.join(', ')}), which show a name in another order than its letters: messages and the article's "Source file" line show each as an escape (${nameControls.map((named) => printable(String.fromCodePoint(Number.parseInt(named.slice(2, 6), 16)))).join(', ')})`,
      hint: 'Rename the file without them; the article keeps its URL and any hand edit, since a renamed source takes its article with it.',
    });
  }
  const markup = findMarkupDocument(source.text);
  if (markup !== undefined) {
    problems.warn({
      code: 'SOURCE_OTHER_FORMAT',
      file: source.displayPath,
      line: markup.line,
      message: `is ${markup.format === 'HTML' ? 'an HTML page' : 'an RTF document'}, not plain text (it starts with "${markup.start}"): Broadsheet reads plain text, so it is published as the text it is, ${markup.format === 'HTML' ? 'tags' : 'control words'} included${sidecar?.title === undefined ? `, under the headline "${title}"` : ''}`,
      hint:
        markup.format === 'HTML'
          ? 'Put the article in the inbox as plain text instead: the headline on the first line, then the text (copy it from the page in a browser, or convert the file: pandoc -t plain -o NAME.txt NAME.html).'
          : 'Put the article in the inbox as plain text instead: save it from the word processor as "Plain Text (.txt)" (or convert it: pandoc -f rtf -t plain -o NAME.txt NAME.rtf).',
    });
  }
  // A value from a sidecar is corrected there, so its problems name the sidecar and its line.
  const titleAt: Place = sidecar?.title === undefined ? textPlace(source, titleLine) : sidecarPlace(source, sidecar, 'title');
  const hidden = invisibleHeadline(title);
  if (hidden !== undefined) {
    problems.warn({
      code: 'TITLE_NOT_VISIBLE',
      ...titleAt.at,
      message: `${titleAt.what} has no visible character, only ${hidden}: the article is published with a headline that shows as blank on its page, in lists and in the browser tab`,
      hint: sidecar?.title === undefined ? 'Put the headline in words on the first line of the file, or give "title" in a sidecar (meta.jsonl or NAME.json).' : 'Correct "title" in the sidecar: give the headline in words.',
    });
  } else if (hasInvisibleCharacters(title) || /[\u202A-\u202E\u2066-\u2069]/u.test(title)) {
    problems.warn({
      code: 'TITLE_INVISIBLE_CHARACTERS',
      ...titleAt.at,
      message: `${titleAt.what} contains invisible or bidirectional control characters (${namedInvisibleCharacters(title).join(', ')})`,
      hint: 'Remove them from the headline unless they are needed; pages isolate them so they cannot reorder the page.',
    });
  }
  if (overlong !== undefined) {
    problems.warn({
      code: 'TITLE_TOO_LONG',
      ...titleAt.at,
      message: `the first line is ${overlong} characters long, too long for a headline: it is published as the article's first paragraph, under a headline made of its first words ("${title}")`,
      hint: 'Put the headline alone on the first line of the file, or give "title" in a sidecar (meta.jsonl or NAME.json).',
    });
  } else if (overlongGiven !== undefined) {
    problems.warn({
      code: 'TITLE_TOO_LONG',
      ...titleAt.at,
      message: `${titleAt.what} is ${[...overlongGiven].length} characters long, too long for a headline: it is published whole as the article's first paragraph, under a headline made of its first words ("${title}")`,
      hint: 'Correct "title" in the sidecar: give the headline alone.',
    });
  } else if ([...title].length > MAX_TITLE_CHARACTERS) {
    problems.warn({
      code: 'TITLE_TOO_LONG',
      ...titleAt.at,
      message: `${titleAt.what} is ${[...title].length} characters long: it may be a paragraph run into the headline`,
      hint: sidecar?.title === undefined ? 'Check the first lines of the file; put the headline alone on the first line.' : 'Correct "title" in the sidecar: give the headline alone.',
    });
  } else if (sidecar?.title === undefined && readsAsSentence(title)) {
    problems.warn({
      code: 'TITLE_LOOKS_LIKE_TEXT',
      ...titleAt.at,
      message: `the headline reads as a sentence of text (${countWords(title)} words ending in a full stop): the file may have no headline, and its first sentence was taken for one`,
      hint: 'Put the headline alone on the first line, above the text, or give "title" in a sidecar (meta.jsonl or NAME.json). If it is the headline, nothing needs doing.',
    });
  }

  // Line 0: an overlong sidecar title's paragraph is on no line of the source.
  const givenTitleBlock: Block[] = overlongGiven === undefined ? [] : [{ kind: 'paragraph', text: overlongGiven, line: 0 }];
  const articleBlocks = [...givenTitleBlock, ...blocksWithDisplacedStandfirst(segmented, sidecar?.subtitle)];
  const standfirst = segmented.subtitle === undefined ? [] : [{ text: segmented.subtitle, place: textPlace(source, segmented.subtitleLine) }];
  const sidecarSubtitle = sidecar?.subtitle === undefined ? [] : [{ text: sidecar.subtitle, place: sidecarPlace(source, sidecar, 'subtitle') }];
  const blocks = segmented.blocks.map((block) => ({ text: block.text, place: textPlace(source, block.line) }));
  for (const { text, place } of [{ text: overlongGiven ?? title, place: titleAt }, ...standfirst, ...sidecarSubtitle, ...blocks]) {
    for (const anomaly of findLineAnomalies(text)) {
      problems.warn(place.fromSidecar ? { code: anomaly.code, ...place.at, message: `${place.what}: ${anomaly.message}`, hint: `Correct it in the sidecar. ${anomaly.hint}` } : { ...anomaly, ...place.at });
    }
  }
  if (segmented.blocks.length === 0 && segmented.subtitle === undefined) {
    problems.warn({
      code: 'ARTICLE_NO_BODY',
      file: source.displayPath,
      ...(titleLine === undefined ? {} : { line: titleLine }),
      message: 'has a headline but no article text',
      hint: 'Check that the file is complete; the article is published with its headline only.',
    });
  }

  const date = resolveArticleDate(source, options, problems, titleLine);
  // Named once the date is known: a `date:` line in the block is read as a dateline in the text is.
  const block = findFrontmatterBlock(source.text);
  if (block !== undefined) {
    const shown = block.keys.slice(0, 8).join('", "') + (block.keys.length > 8 ? '", …' : '"');
    const datedBy = date.source === 'text' && date.line !== undefined && date.line <= block.end ? `; only its line ${date.line} ("${source.text.split('\n', block.end)[date.line - 1]!.trim()}") is read, as a dateline in the text is: it dates the article` : '';
    problems.warn({
      code: 'SOURCE_FRONTMATTER',
      file: source.displayPath,
      line: 1,
      message: `starts with a YAML frontmatter block (lines 1–${block.end}: "${shown}), which Broadsheet does not read: an article's metadata comes from its sidecar, so the block is published as text${sidecar?.title === undefined ? `, and the headline is its first line ("${title}")` : ''}${datedBy}`,
      hint: `Move the fields to a sidecar (NAME.json or meta.jsonl: {"title": "The headline", "date": "2024-05-01"}) and delete lines 1–${block.end} from the source.`,
    });
  }
  // The line that gave the date is a dateline (`Published: 3 June 2024`, `LONDON, March 3, 2024`),
  // short and capitalised like a heading but no section's title.
  if (date.source === 'text') {
    const dateline = articleBlocks.find((block) => block.line === date.line);
    if (dateline?.kind === 'heading') dateline.kind = 'paragraph';
  }
  const subtitle = sidecar?.subtitle ?? segmented.subtitle;
  const body = articleBlocks
    .map((block) => (block.kind === 'heading' ? `## ${escapeMarkdownLine(block.text)}` : escapeMarkdownParagraph(block.text)))
    .join('\n\n');
  const bodyText = articleBlocks.map((block) => block.text).join('\n');
  const words = countWords([subtitle ?? '', bodyText].join(' '));
  // A dateline below the headline (`Published: 3 June 2024, 14:30`, `LONDON, March 3, 2024`) is no
  // summary: lists, feeds and search results would show it under the date they already show.
  const isDateParagraph = (block: Block) => isLabelledDateLine(block.text) || (block.line <= DATELINE_LINES && isDatelineAlone(block.text));
  const firstParagraph = (articleBlocks.find((block) => block.kind === 'paragraph' && !isDateParagraph(block)) ?? articleBlocks.find((block) => block.kind === 'paragraph'))?.text ?? '';
  const language = sidecar?.language ?? detectLanguage(`${title}\n${bodyText}`, options.language);
  const section = sidecar?.section ?? sectionFromFolder(source.path);

  const frontmatter: ParsedArticle['frontmatter'] = {
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    date: date.iso,
    dateSource: date.source,
    ...(date.updated === undefined ? {} : { updated: date.updated }),
    ...(section === undefined ? {} : { section }),
    authors: sidecar?.authors ?? [],
    tags: sidecar?.tags ?? [],
    ...findArticleEntities({ title, subtitle, blocks: articleBlocks }, language, sidecar, options.entityRules),
    summary: summarise(lineBreaksInline(subtitle ?? firstParagraph)),
    wordCount: words,
    readingMinutes: readingMinutes(words),
    language,
    source: {
      path: source.path,
      hash: source.hash,
      ...(sidecar?.url === undefined ? {} : { url: sidecar.url }),
      ...(sidecar?.source === undefined ? {} : { name: sidecar.source }),
    },
    ...(sidecar && Object.keys(sidecar.extra).length > 0 ? { extra: sidecar.extra } : {}),
  };

  return {
    frontmatter,
    body,
    keptLines: [title, ...(subtitle === undefined ? [] : [subtitle]), ...articleBlocks.map((block) => block.text)],
    // The standfirst is text of the article too: two articles that differ only there are two.
    duplicateKey: [segmented.subtitle ?? '', bodyText].join('\n').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim(),
    removed: segmented.removed,
  };
}

/**
 * A paragraph's line breaks as a one-line text shows them: ` / `, as verse is quoted in running
 * text, so a summary of a results table or an address does not run its lines into one.
 */
function lineBreaksInline(text: string): string {
  return text.includes('\n') ? text.split('\n').join(' / ') : text;
}

// Characters that draw nothing: format characters and others Unicode says to ignore when not
// supported (soft hyphen, joiners, variation selectors, tags, the Hangul fillers), white space,
// and the blank braille pattern, which scrapers and spammers use as an invisible letter.
const DRAWS_NOTHING = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * For a headline with no visible character (a soft hyphen, a combining accent over nothing, a
 * Hangul filler), the code points it holds, as a message names them; undefined for any other.
 */
function invisibleHeadline(title: string): string | undefined {
  if (VISIBLE.test(title.replace(DRAWS_NOTHING, ''))) return undefined;
  const codePoints = [...new Set(title)].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return codePoints.length > 5 ? `${codePoints.slice(0, 5).join(', ')}, …` : codePoints.join(', ');
}

/**
 * Makes an overlong first line the article's first paragraph (with the standfirst under it, which
 * was read as the headline's), under a headline of its first words; returns the line's length.
 */
function demoteHeadline(segmented: SegmentedArticle): number {
  const line = segmented.title;
  const standfirst: Block[] = segmented.subtitle === undefined ? [] : [{ kind: 'paragraph', text: segmented.subtitle, line: segmented.subtitleLine ?? segmented.titleLine + 1 }];
  segmented.blocks = [{ kind: 'paragraph', text: line, line: segmented.titleLine }, ...standfirst, ...segmented.blocks];
  delete segmented.subtitle;
  delete segmented.subtitleLine;
  segmented.title = headlineOfLine(line);
  return line.length;
}

/** The headline made of an overlong line's first words, cut at a word. */
function headlineOfLine(line: string): string {
  return summarise(line.slice(0, HEADLINE_FROM_LINE_CHARACTERS * 2), HEADLINE_FROM_LINE_CHARACTERS);
}

/**
 * The article's body blocks. A sidecar's standfirst is the article's subtitle; when the text has
 * a standfirst of its own that says something else, that stays too, as the body's first
 * paragraph: every line of the source reaches the page.
 */
function blocksWithDisplacedStandfirst(segmented: SegmentedArticle, sidecarSubtitle: string | undefined): Block[] {
  const own = segmented.subtitle;
  if (own === undefined || sidecarSubtitle === undefined || normaliseForComparison(own) === normaliseForComparison(sidecarSubtitle)) return segmented.blocks;
  return [{ kind: 'paragraph', text: own, line: segmented.subtitleLine ?? segmented.titleLine + 1 }, ...segmented.blocks];
}
