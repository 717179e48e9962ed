// On a right-to-left article page (`<html lang="ar" dir="rtl">`), every piece of the interface
// (skip link, header, footer, related links) is marked with the interface's language and
// direction, so a screen reader does not read "Skip to content" with an Arabic voice and the
// browser does not lay it out right to left. The interface is English whatever the site's
// `language`: on a site configured in Arabic, every page's English words are English and its
// Arabic ones (headlines, names, the site's title) Arabic. Checked on real builds: each text node
// is taken with the language of its nearest `lang` ancestor.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { attribute, parseHtml } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { filesIn, readSiteFile } from '../helpers/site-files.ts';
import { childElements, htmlValidationErrors, parseXml, xmlWellFormednessErrors } from '../helpers/validators.ts';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** Text nodes of the body (not in hidden elements) with their language and direction (from the nearest ancestor that sets each). */
function textsWithLanguage(html: string, skipped: string[] = []): Array<{ text: string; lang: string; dir: string }> {
  const found: Array<{ text: string; lang: string; dir: string }> = [];
  const visit = (node: Node, lang: string, dir: string) => {
    const ownLang = attribute(node as never, 'lang');
    // Attribute text a screen reader speaks is in the element's language too.
    // An empty text box whose direction is `auto` takes its parent's (HTML's rule for dir=auto on
    // input and textarea), and so does its placeholder; typed text then sets it.
    const autoAndEmpty = (node.nodeName === 'input' || node.nodeName === 'textarea') && attribute(node as never, 'dir') === 'auto' && !attribute(node as never, 'value');
    const ownDir = autoAndEmpty ? undefined : attribute(node as never, 'dir');
    const here = { lang: ownLang ?? lang, dir: ownDir ?? dir };
    if (node.nodeName === 'head' || node.nodeName === 'script' || node.nodeName === 'style' || attribute(node as never, 'hidden') !== undefined || skipped.includes(node.nodeName)) return;
    if (node.nodeName === '#text' && node.value && node.value.trim() !== '') found.push({ text: node.value.trim(), ...here });
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const text = attribute(node as never, name);
      if (text !== undefined && text.trim() !== '') found.push({ text: text.trim(), ...here });
    }
    for (const child of node.childNodes ?? []) visit(child, here.lang, here.dir);
  };
  visit(parseHtml(html) as unknown as Node, '', '');
  return found;
}

describe('the interface on a right-to-left article page', () => {
  let build: BuildRun;

  before(async () => {
    const inbox = await temporaryDir('interface-language');
    await writeFile(
      path.join(inbox, '2024-05-01-water.txt'),
      'الحكومة تعلن خطة جديدة للمياه\n\nقالت الحكومة يوم الاثنين إنها ستنفق المزيد على شبكات المياه في المدن.\n\nوأكد الوزير أهمية المشروع.\n',
    );
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('marks every interface text with the interface language, left to right: none inherits the article’s', async () => {
    const article = build.report.articles[0]!;
    const html = await readFile(path.join(build.outDir, article.url, 'index.html'), 'utf8');
    assert.match(html, /<html lang="ar" dir="rtl">/);
    const texts = textsWithLanguage(html);
    // Interface strings are English (Latin letters, no Arabic); the article's text is Arabic.
    const misplaced = texts.filter(({ text, lang, dir }) => /[A-Za-z]{3,}/.test(text) && !/[\u0600-\u06ff]/.test(text) && (lang !== 'en' || dir !== 'ltr'));
    assert.deepEqual(misplaced, []);
    assert.ok(texts.some(({ text, lang, dir }) => text === 'Skip to content' && lang === 'en' && dir === 'ltr'));
  });

  it('gives the Atom feed the site’s language and the Arabic entry its own, as the JSON Feed does', async () => {
    const atom = parseXml(await readFile(path.join(build.outDir, 'feed.xml'), 'utf8'));
    const feed = childElements(atom, 'feed')[0]!;
    assert.equal(feed.attributes?.['xml:lang'], 'en');
    assert.deepEqual(childElements(feed, 'entry').map((entry) => entry.attributes?.['xml:lang']), ['ar']);
    const json = JSON.parse(await readFile(path.join(build.outDir, 'feed.json'), 'utf8')) as { language: string; items: Array<{ language: string }> };
    assert.deepEqual([json.language, json.items.map((item) => item.language)], ['en', ['ar']]);
  });
});

describe('the feeds of a section in another language than the site', () => {
  let build: BuildRun;
  const ARABIC = [
    'الحكومة تعلن خطة جديدة للمياه\n\nقالت الحكومة يوم الاثنين إنها ستنفق المزيد على شبكات المياه في المدن.\n',
    'الفريق يفوز بالكأس بعد مباراة طويلة\n\nفاز الفريق بالكأس مساء أمس بعد مباراة طويلة أمام جمهور كبير.\n',
    'افتتاح ملعب جديد في وسط المدينة\n\nافتتح الوزير الملعب الجديد بحضور عدد من اللاعبين والمسؤولين.\n',
  ];
  const ENGLISH = 'Council votes to rebuild the harbour wall\n\nThe council voted on Monday to rebuild the harbour wall after a long debate.\n';

  before(async () => {
    const inbox = await temporaryDir('feed-language');
    // An English site (the default) with an all-Arabic section, and a section of one Arabic and one English article.
    await mkdir(path.join(inbox, 'gulf'));
    for (const [index, body] of ARABIC.entries()) await writeFile(path.join(inbox, 'gulf', `2024-05-0${index + 1}-gulf-${index}.txt`), body);
    await mkdir(path.join(inbox, 'أخبار'));
    await writeFile(path.join(inbox, 'أخبار', '2024-07-01-news.txt'), 'افتتاح مكتبة عامة جديدة في الحي القديم\n\nافتتحت البلدية مكتبة عامة جديدة في الحي القديم صباح اليوم.\n');
    await mkdir(path.join(inbox, 'mixed'));
    await writeFile(path.join(inbox, 'mixed', '2024-06-01-water.txt'), 'وزير المياه يزور السد الجديد\n\nزار وزير المياه السد الجديد شمال المدينة صباح اليوم.\n');
    await writeFile(path.join(inbox, 'mixed', '2024-06-02-harbour.txt'), ENGLISH);
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  async function feedLanguages(name: string): Promise<{ feed: unknown; title: unknown; subtitle: unknown; entries: unknown[]; json: unknown; items: unknown[] }> {
    const xml = await readSiteFile(build.outDir, `${name}.xml`);
    assert.deepEqual(await xmlWellFormednessErrors(xml), []);
    const feed = childElements(parseXml(xml), 'feed')[0]!;
    const json = JSON.parse(await readSiteFile(build.outDir, `${name}.json`)) as { language: string; items: Array<{ language: string }> };
    return {
      feed: feed.attributes?.['xml:lang'],
      title: childElements(feed, 'title')[0]!.attributes?.['xml:lang'],
      subtitle: childElements(feed, 'subtitle')[0]?.attributes?.['xml:lang'],
      entries: childElements(feed, 'entry').map((entry) => entry.attributes?.['xml:lang']),
      json: json.language,
      items: json.items.map((item) => item.language),
    };
  }

  it('labels an all-Arabic section’s feeds Arabic, keeping their English title and subtitle English', async () => {
    assert.deepEqual(await feedLanguages('feeds/gulf'), { feed: 'ar', title: 'en', subtitle: 'en', entries: [undefined, undefined, undefined], json: 'ar', items: ['ar', 'ar', 'ar'] });
  });

  it('marks a section’s name in the language of its letters: the folder name gulf is English though its articles are Arabic, أخبار is Arabic', async () => {
    const found = new Map<string, Set<string>>([['gulf', new Set()], ['أخبار', new Set()]]);
    for (const page of await filesIn(build.outDir, '.html')) {
      for (const { text, lang } of textsWithLanguage(await readSiteFile(build.outDir, page), ['code'])) found.get(text)?.add(lang);
    }
    assert.deepEqual(found, new Map([['gulf', new Set(['en'])], ['أخبار', new Set(['ar'])]]));
  });

  it('labels a section with no language in the majority, and the whole archive, with the site’s language', async () => {
    assert.deepEqual(await feedLanguages('feeds/mixed'), { feed: 'en', title: undefined, subtitle: undefined, entries: [undefined, 'ar'], json: 'en', items: ['en', 'ar'] });
    const whole = await feedLanguages('feed');
    assert.deepEqual([whole.feed, whole.json], ['en', 'en']);
  });
});

describe('the interface on a site whose language is Arabic', () => {
  const SITE_TITLE = 'أرشيف الأخبار';
  let build: BuildRun;

  before(async () => {
    const inbox = await temporaryDir('interface-language-ar');
    const section = path.join(inbox, 'رياضة');
    await mkdir(section);
    const bodies = [
      'الحكومة تعلن خطة جديدة للمياه\n\nقالت الحكومة يوم الاثنين إنها ستنفق المزيد على شبكات المياه في المدن.\n',
      'الفريق يفوز بالكأس بعد مباراة طويلة\n\nفاز الفريق بالكأس مساء أمس بعد مباراة طويلة أمام جمهور كبير.\n',
      'افتتاح ملعب جديد في وسط المدينة\n\nافتتح الوزير الملعب الجديد بحضور عدد من اللاعبين والمسؤولين.\n',
    ];
    const meta: string[] = [];
    for (const [index, body] of bodies.entries()) {
      const file = `2024-05-0${index + 1}-news-${index}.txt`;
      await writeFile(path.join(section, file), body);
      meta.push(JSON.stringify({ file, author: 'مراسل الرياضة', tags: ['كرة القدم'] }));
    }
    await writeFile(path.join(section, 'meta.jsonl'), `${meta.join('\n')}\n`);
    // An English article on the Arabic site is English, left to right.
    await writeFile(path.join(inbox, '2024-05-04-harbour.txt'), 'Council votes to rebuild the harbour wall\n\nThe council voted on Monday to rebuild the harbour wall after a long debate, said Mayor Maria Lopez.\n');
    await writeFile(path.join(inbox, '2024-05-05-budget.txt'), 'Mayor sets out the harbour budget\n\nMayor Maria Lopez set out the budget for the harbour wall on Tuesday.\n');
    const config = path.join(await temporaryDir('interface-language-config'), 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ title: SITE_TITLE, language: 'ar', timeZone: 'Asia/Riyadh' }));
    build = await buildArchive(inbox, ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('marks English words English and left to right, and Arabic ones Arabic, on every page', async () => {
    const pages = await filesIn(build.outDir, '.html');
    const english = build.report.articles.find((article) => article.title.startsWith('Council votes'))!;
    assert.match(await readFile(path.join(build.outDir, english.url, 'index.html'), 'utf8'), /<html lang="en" dir="ltr">/);
    // Every kind of page: home, article, section, tag, person, their indexes, the date archive, about, search, 404.
    for (const kind of [/^index\.html$/, /^2024\/[^/]+\/index\.html$/, /^sections\/.+\/index\.html$/, /^tags\/.+\/index\.html$/, /^people\/.+\/index\.html$/, /^archive\/2024\/05\/index\.html$/, /^about\//, /^search\//, /^404\.html$/]) {
      assert.ok(pages.some((page) => kind.test(page)), `the build has a page matching ${kind}`);
    }
    const misplaced: string[] = [];
    for (const page of pages) {
      // Code (a source file's path, the BibTeX entry) is machine text in no one language.
      for (const { text, lang, dir } of textsWithLanguage(await readSiteFile(build.outDir, page), ['code'])) {
        const arabic = /[\u0600-\u06ff]/.test(text);
        if (arabic && lang !== 'ar') misplaced.push(`${page}: "${text}" is in ${lang}`);
        if (!arabic && /[A-Za-z]{3,}/.test(text) && (lang !== 'en' || dir === 'rtl')) misplaced.push(`${page}: "${text}" is in ${lang} ${dir}`);
      }
    }
    assert.deepEqual(misplaced, []);
  });

  it('gives every page a valid document', async () => {
    const failures: string[] = [];
    for (const page of await filesIn(build.outDir, '.html')) {
      for (const error of await htmlValidationErrors(await readSiteFile(build.outDir, page), page)) failures.push(`${page}:${error}`);
    }
    assert.deepEqual(failures, []);
  });
});
