// Chrome and boilerplate rules: the built-in patterns (including the Arabic tag lists and agency
// end-markers found at the ends of real articles), extra patterns from the configuration, and
// the guarantee that real article text around them is kept.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, validateConfig } from '../../src/config/site-config.ts';
import { compileRules, DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { segmentArticle } from '../../src/ingest/segment.ts';

const segment = (lines: string[], rules = DEFAULT_RULES) => segmentArticle(lines.join('\n'), rules);
const bodyText = (lines: string[], rules = DEFAULT_RULES) => segment(lines, rules).blocks.map((block) => block.text);

describe('boilerplate at the end of Arabic agency and newspaper articles', () => {
  it('removes an agency end-marker and the filing time under it, listing both with their lines', () => {
    const result = segment(['عنوان الخبر', '', 'الرياض 10 اغسطس 2015 م واس', '', 'نص الخبر الأول.', '', '// انتهى //', '', '20:26 ت م', '']);
    assert.deepEqual(result.blocks.map((block) => block.text), ['الرياض 10 اغسطس 2015 م واس', 'نص الخبر الأول.']);
    assert.deepEqual(result.removed, [
      { line: 7, text: '// انتهى //', reason: 'boilerplate' },
      { line: 9, text: '20:26 ت م', reason: 'boilerplate' },
    ]);
  });

  it('recognises the "continues" marker and an end-marker without its closing space', () => {
    assert.deepEqual(segment(['عنوان', '', 'نص.', '', '// يتبع //']).removed.map((removed) => removed.text), ['// يتبع //']);
    assert.deepEqual(segment(['عنوان', '', 'نص.', '', '// انتهى//']).removed.map((removed) => removed.text), ['// انتهى//']);
  });

  it('cuts a tag list glued to the end of the last paragraph, keeping the sentence before it', () => {
    const result = segment(['عنوان', '', 'فقرة أولى.', '', 'وقال إنها حصلت على 99.85% في الثانوية العامة، بكلية الطب. سمات تبوك جامعة معمة تبوك']);
    assert.equal(result.blocks.at(-1)!.text, 'وقال إنها حصلت على 99.85% في الثانوية العامة، بكلية الطب.');
    assert.deepEqual(result.removed, [{ line: 5, text: 'سمات تبوك جامعة معمة تبوك', reason: 'boilerplate' }]);
  });

  it('cuts a "link to the story" line glued to the last paragraph', () => {
    const result = segment(['عنوان', '', 'وأوضح أن الحالة مستقرة. رابط الخبر بصحيفة الوئام: عنوان الخبر كما نشر']);
    assert.equal(result.blocks.at(-1)!.text, 'وأوضح أن الحالة مستقرة.');
    assert.equal(result.removed[0]!.text, 'رابط الخبر بصحيفة الوئام: عنوان الخبر كما نشر');
  });

  it('keeps a last paragraph that merely uses the word for "features" in a sentence', () => {
    const line = 'وتحدث الخبير عن سمات الشخصية القيادية في الإدارة الحديثة';
    assert.deepEqual(bodyText(['عنوان', '', 'فقرة.', '', line]).at(-1), line);
    const withSentence = 'من أبرز سمات المرحلة المقبلة، قال الوزير: التعاون. سمات، مثل الصبر، مطلوبة.';
    assert.deepEqual(bodyText(['عنوان', '', 'فقرة.', '', withSentence]).at(-1), withSentence);
  });

  it('keeps an end-marker word used inside a sentence ("the match ended …")', () => {
    const line = 'وذلك بعد أن انتهى وقت المباراة الأصلي بالتعادل السلبي.';
    assert.deepEqual(bodyText(['عنوان', '', 'فقرة.', '', line]).at(-1), line);
  });

  it('removes a columnist contact line at the end', () => {
    const result = segment(['عنوان', '', 'المقال.', '', 'writer@example.comللتواصل مع الكاتب ارسل رسالة SMS إلى 88591']);
    assert.deepEqual(result.blocks.map((block) => block.text), ['المقال.']);
  });
});

describe('boilerplate at the end of English articles', () => {
  it('removes comment forms, share prompts and tag lines only at the end, never in the middle', () => {
    const result = segment(['Headline', '', 'Share', '', 'The middle paragraph says Share.', '', 'Tags: harbour, council', 'Leave a Reply']);
    assert.deepEqual(result.blocks.map((block) => block.text), ['Share', 'The middle paragraph says Share.']);
    assert.deepEqual(result.removed.map((removed) => removed.line), [7, 8]);
  });

  it('cuts a tag list glued after the last sentence', () => {
    const result = segment(['Headline', '', 'First.', '', 'The vote passed. Tags: harbour, council, vote']);
    assert.equal(result.blocks.at(-1)!.text, 'The vote passed.');
  });
});

describe('rules match the shape of furniture, never a sentence that starts with the same word', () => {
  // Each line is placed where its rule applies: chrome above the headline, boilerplate as the
  // last paragraph. A kept line must reach the article unchanged and not be listed as removed.
  const asHeadline = (line: string) => segment([line, '', 'The first paragraph of the story.', '', 'The second paragraph.']);
  const asLastParagraph = (line: string) => segment(['Headline', '', 'The first paragraph of the story.', '', line]);

  it('keeps a headline that starts with "Published", "Updated" or "Posted" but carries no date', () => {
    for (const headline of [
      'Updated guidance on school closures issued',
      'Published authors protest over pay rates',
      'Posted letters reveal a secret engagement',
      'Updated: 3 things to know about the budget',
      'Updated 2024 figures show a rise in rents',
      'Posted on time, the parcels still went missing',
      'Published on',
      'Updated 3 June by popular demand, the festival returns',
      'Posted 2 hours ago by the bridge, a sign warned drivers of the flood',
    ]) {
      const result = asHeadline(headline);
      assert.equal(result.title, headline);
      assert.deepEqual(result.removed, []);
    }
  });

  it('still skips "Published", "Updated" and "Posted" lines that carry only a date or time', () => {
    const chrome = [
      'Published 3 June 2024',
      'Published: 3 June 2024',
      'Updated 14:05 GMT, 3 June 2024',
      'Last updated on Monday 3 June 2024 at 10:05 BST',
      'Posted 2 hours ago',
      'Posted an hour ago',
      'Updated just now',
      'Updated: yesterday',
      'Posted today',
      'Published 2024-06-03T10:00:00+01:00',
      'Published on 03/06/2024',
      'Published Jan. 5, 2024 | Updated Jan. 6, 2024',
      'Published Sept 3rd, 2024.',
      'Updated 3 June 2024 10:05 a.m. EDT',
      'Published 3 June 2024 by Jane Smith',
      'Updated 2 hours ago by Ahmed Al-Masri',
    ];
    const result = segment([...chrome, 'The headline', '', 'Text.']);
    assert.equal(result.title, 'The headline');
    assert.deepEqual(result.removed.map((removed) => removed.text), chrome);
  });

  it('keeps a last paragraph that starts "Topics:", "Tags:" or "Keywords:" but is a sentence, not a list', () => {
    for (const line of [
      'Topics: pay, pensions and working hours will all be on the table, she said.',
      'Topics: pay, pensions and working hours will all be on the table',
      'Topics: pay, pensions, hours, she said',
      'Tags: the council has yet to decide.',
      'Keywords: what matters is the trust we build with readers and the standards we keep',
    ]) {
      const result = asLastParagraph(line);
      assert.equal(result.blocks.at(-1)!.text, line);
      assert.deepEqual(result.removed, []);
    }
  });

  it('still removes tag lines: short items separated by commas, semicolons or bars', () => {
    const tags = ['Tags: harbour, council', 'Tag: climate', 'Topics: Politics | Economy | UK', 'Keywords: U.S. election, Node.js, COVID-19', 'Topics: Department for Work and Pensions; pay'];
    for (const line of tags) assert.deepEqual(asLastParagraph(line).removed.map((removed) => removed.text), [line]);
  });

  it('keeps a glued "Topics:" or "Keywords:" that is a sentence, and still cuts a glued tag list', () => {
    for (const line of ['The vote passed. Topics: pay, pensions and working hours will all be on the table', 'He said it matters. Keywords: what matters is the trust we build with readers']) {
      assert.equal(asLastParagraph(line).blocks.at(-1)!.text, line);
    }
    const result = asLastParagraph('The vote passed. Topics: harbour | council | vote');
    assert.equal(result.blocks.at(-1)!.text, 'The vote passed.');
    assert.deepEqual(result.removed.map((removed) => removed.text), ['Topics: harbour | council | vote']);
  });

  it('keeps a last paragraph that starts with "Copyright" or "(c)" but has no year, sign or "all rights reserved"', () => {
    for (const line of [
      'Copyright holders will get new powers, the minister said on Thursday.',
      'Copyright law is changing',
      'Copyright 2024 was a record year for lawsuits.',
      '(c) the council must publish its accounts.',
      '(c) the council must publish its accounts',
    ]) {
      const result = asLastParagraph(line);
      assert.equal(result.blocks.at(-1)!.text, line);
      assert.deepEqual(result.removed, []);
    }
  });

  it('still removes copyright lines', () => {
    const lines = [
      'Copyright 2024 Example News',
      '© 2024 Example News',
      '©2024 Example News Ltd. All rights reserved.',
      'Copyright © 2024 Example News',
      'Copyright (c) 2010-2024 Example News, Inc.',
      '(c) 2024 Example News',
      '(C) Copyright 2024 Reuters',
      'Copyright Example News. All rights reserved.',
      '© Example News',
      'All rights reserved.',
    ];
    for (const line of lines) assert.deepEqual(asLastParagraph(line).removed.map((removed) => removed.text), [line]);
  });

  it('keeps sentences that start like a comment form, a newsletter or social prompt, a contact line or an Arabic tag list', () => {
    for (const line of [
      'Your email address will not be published, the company promised customers after the breach.',
      'Required fields are marked in red on the new forms, officials said.',
      'Sign up for the newsletter has doubled since March, the company said.',
      'Like us on nothing else, she said.',
      'للتواصل مع الكاتب أهمية كبيرة في العمل الصحفي',
      'سمات القيادة في الأزمات تظهر بوضوح',
    ]) {
      const result = asLastParagraph(line);
      assert.equal(result.blocks.at(-1)!.text, line);
      assert.deepEqual(result.removed, []);
    }
    const glued = 'وقال الوزير إن التعاون مطلوب. سمات القيادة مطلوبة في هذه المرحلة';
    assert.equal(asLastParagraph(glued).blocks.at(-1)!.text, glued);
  });

  it('still removes comment forms, newsletter and social prompts, contact lines and Arabic tag lists', () => {
    const lines = [
      'Your email address will not be published.',
      'Your email address will not be published. Required fields are marked *',
      'Required fields are marked *',
      'Subscribe to our newsletter',
      'Sign up for our newsletter to get the best stories every morning.',
      'Follow us on Twitter and Facebook',
      'writer@example.comللتواصل مع الكاتب ارسل رسالة SMS إلى 88591',
      'سمات الملك سلمان بن عبدالعزيز جدة خادم الحرمين الشريفين',
      'الوسوم: الهلال النصر',
    ];
    for (const line of lines) assert.deepEqual(asLastParagraph(line).removed.map((removed) => removed.text), [line]);
  });

  it('matches long hostile lines quickly (no catastrophic backtracking)', () => {
    const lines = [
      `Published ${'1-'.repeat(50_000)}x`,
      `© ${'a'.repeat(190)}!`,
      `Copyright 2024 ${'ab'.repeat(60)} ${'ab'.repeat(60)}!`,
      `Tags: ${'a b c d e f, '.repeat(30_000)}`,
      `x. ${'سمات كلمة في '.repeat(20_000)}`,
    ];
    const started = performance.now();
    for (const line of lines) segment(['Headline', '', 'Text.', '', line]);
    for (const line of lines) segment([line, 'Headline', '', 'Text.']);
    assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
  });
});

describe('extra rules from broadsheet.config.json', () => {
  it('adds configured chrome, boilerplate and trailing patterns to the built-in ones', () => {
    const config = validateConfig({ ingest: { chrome: ['^from our correspondent$'], boilerplate: ['^more from the gazette$'], trailing: ['\\s+\\[gazette\\]$'] } }, 'broadsheet.config.json');
    const rules = compileRules(config.ingest);
    const result = segment(['From our correspondent', 'Headline', '', 'First paragraph.', '', 'Last paragraph. [gazette]', '', 'More from the Gazette'], rules);
    assert.equal(result.title, 'Headline');
    assert.deepEqual(result.blocks.map((block) => block.text), ['First paragraph.', 'Last paragraph.']);
    assert.deepEqual(result.removed.map(({ line, reason }) => `${line} ${reason}`), ['1 chrome', '6 boilerplate', '8 boilerplate']);
    // The built-in rules still apply alongside.
    assert.deepEqual(segment(['Headline', '', 'Text.', '', 'Leave a Reply'], rules).removed.map((removed) => removed.text), ['Leave a Reply']);
  });

  it('rejects a pattern that is not a valid regular expression, naming it', () => {
    assert.throws(() => validateConfig({ ingest: { boilerplate: ['(unclosed'] } }, 'broadsheet.config.json'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /"ingest" "boilerplate" pattern "\(unclosed" is not a valid regular expression/);
      return true;
    });
  });

  it('rejects unknown rule kinds and patterns that are not strings', () => {
    assert.throws(() => validateConfig({ ingest: { footer: ['x'] } }, 'c.json'), /unknown key "footer"/);
    assert.throws(() => validateConfig({ ingest: { chrome: 'x' } }, 'c.json'), /"chrome" must be a list of regular expressions/);
    assert.throws(() => validateConfig({ ingest: { chrome: [''] } }, 'c.json'), /"chrome" must be a list of regular expressions/);
  });
});
