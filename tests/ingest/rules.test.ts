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
