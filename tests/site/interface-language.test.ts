// On a right-to-left article page (`<html lang="ar" dir="rtl">`), every piece of the interface
// (skip link, header, footer, related links) is marked with the interface's language and
// direction, so a screen reader does not read "Skip to content" with an Arabic voice and the
// browser does not lay it out right to left. Checked on a real build: each text node is taken
// with the language of its nearest `lang` ancestor.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { attribute, parseHtml } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

/** Text nodes of the body (not in hidden elements) with their language and direction (from the nearest ancestor that sets each). */
function textsWithLanguage(html: string): Array<{ text: string; lang: string; dir: string }> {
  const found: Array<{ text: string; lang: string; dir: string }> = [];
  const visit = (node: Node, lang: string, dir: string) => {
    const ownLang = attribute(node as never, 'lang');
    const ownDir = attribute(node as never, 'dir');
    const here = { lang: ownLang ?? lang, dir: ownDir ?? dir };
    if (node.nodeName === 'head' || node.nodeName === 'script' || node.nodeName === 'style' || attribute(node as never, 'hidden') !== undefined) return;
    if (node.nodeName === '#text' && node.value && node.value.trim() !== '') found.push({ text: node.value.trim(), ...here });
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
});
