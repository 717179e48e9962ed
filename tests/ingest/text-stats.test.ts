// Language, summary, word count and reading time of an article.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { parseSource } from '../../src/ingest/parse-source.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { countWords, detectLanguage, isRightToLeft, readingMinutes, summarise } from '../../src/ingest/text-stats.ts';
import { ProblemLog } from '../../src/problems.ts';

function parse(text: string, language = 'en') {
  const parsed = parseArticle({ path: '2024-01-01-x.txt', displayPath: 'x.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language }, new ProblemLog());
  assert.ok(parsed);
  return parsed.frontmatter;
}

describe('language', () => {
  it('detects Arabic text as "ar", whatever the configured default', () => {
    assert.equal(parse('وزير الخارجية يلتقي نظيره\n\nالتقى وزير الخارجية اليوم نظيره الفرنسي في الرياض.\n').language, 'ar');
    assert.equal(detectLanguage('عنوان عربي مع كلمة English واحدة', 'fr'), 'ar');
  });

  it('detects Hebrew, Chinese and Japanese by their scripts, and keeps the default for Latin text', () => {
    assert.equal(detectLanguage('ראש העיר פתח את הספרייה', 'en'), 'he');
    assert.equal(detectLanguage('北京举行新闻发布会', 'en'), 'zh');
    assert.equal(detectLanguage('東京でニュースの発表がありました', 'en'), 'ja');
    assert.equal(detectLanguage('Le conseil a voté le budget', 'fr'), 'fr');
  });

  it('takes the configured default for text in the default’s script, and English for Latin text when the default is written in other letters', () => {
    // An English article on an Arabic site was "ar" (right to left, Arabic stemming).
    assert.equal(detectLanguage('The council voted to rebuild the harbour wall', 'ar'), 'en');
    assert.equal(detectLanguage('The council voted to rebuild the harbour wall', 'ja'), 'en');
    assert.equal(detectLanguage('Le conseil a voté le budget', 'fr'), 'fr');
    // Ukrainian on a Ukrainian site was "ru", Persian on a Persian site "ar", Traditional Chinese "zh".
    assert.equal(detectLanguage('Міська рада проголосувала за новий бюджет', 'uk'), 'uk');
    assert.equal(detectLanguage('شورای شهر بودجه جدید را تصویب کرد', 'fa'), 'fa');
    assert.equal(detectLanguage('市議會通過新預算', 'zh-Hant'), 'zh-Hant');
    // Another script than the default's is still the script's language.
    assert.equal(detectLanguage('Міська рада проголосувала за новий бюджет', 'fa'), 'ru');
    assert.equal(detectLanguage('東京でニュースの発表がありました', 'zh'), 'ja');
  });

  it('detects Thai, Indic, Georgian, Armenian and Ethiopic text by its script, and Thaana and Syriac as right to left', () => {
    // Each was the default ("en"): an English voice read it aloud, and Thaana and Syriac were laid out left to right.
    assert.equal(parse('สภาท่าเรืออนุมัติตารางเรือข้ามฟากใหม่\n\nสภาท่าเรือลงมติเมื่อวันอังคารอนุมัติตารางเวลาใหม่\n').language, 'th');
    const samples: Array<[string, string]> = [
      ['नगर परिषद ने नया बजट पारित किया', 'hi'],
      ['পৌরসভা নতুন বাজেট পাস করেছে', 'bn'],
      ['நகர சபை புதிய வரவு செலவு திட்டத்தை நிறைவேற்றியது', 'ta'],
      ['ქალაქის საბჭომ ახალი ბიუჯეტი დაამტკიცა', 'ka'],
      ['Քաղաքային խորհուրդը հաստատեց նոր բյուջեն', 'hy'],
      ['የከተማው ምክር ቤት አዲሱን በጀት አጸደቀ', 'am'],
      ['ຄະນະເມືອງໄດ້ອະນຸມັດງົບປະມານໃໝ່', 'lo'],
      ['ރަށު ކައުންސިލުން އައު ބަޖެޓް ފާސްކޮށްފި', 'dv'],
      ['ܡܘܬܒܐ ܕܡܕܝܢܬܐ ܩܒܠ ܡܥܠܢܐ ܚܕܬܐ', 'syr'],
    ];
    for (const [text, language] of samples) assert.equal(detectLanguage(text, 'en'), language, text);
    assert.deepEqual(['dv', 'syr', 'th', 'hi'].map(isRightToLeft), [true, true, false, false]);
    // A script several languages write is the default's when the default is written in it.
    assert.equal(detectLanguage('नगर परिषदेने नवीन अर्थसंकल्प मंजूर केला', 'mr'), 'mr');
    assert.equal(detectLanguage('The council voted to rebuild the harbour wall', 'th'), 'en');
  });

  it('writes a language right to left by its script, not by its first subtag alone', () => {
    // Hebrew under its old code (sidecars from Google's tools say "iw"), Kurdish, Malay and
    // Punjabi in Arabic letters, Dhivehi (Thaana), Syriac, N'Ko, Kashmiri, Dari.
    for (const tag of ['ar', 'he', 'iw', 'fa', 'ur', 'ckb', 'ku-Arab', 'ms-Arab', 'pa-Arab', 'dv', 'syr', 'nqo', 'ks', 'prs', 'ar-SA', 'yi']) {
      assert.equal(isRightToLeft(tag), true, tag);
    }
    // Arabic in Latin letters (Arabizi), Kurdish (Kurmanji), Punjabi (Gurmukhi), and the rest.
    for (const tag of ['ar-Latn', 'ku', 'pa', 'en', 'zh-Hant', 'ja']) assert.equal(isRightToLeft(tag), false, tag);
  });
});

describe('summary, word count and reading time', () => {
  it('summarises with the first paragraph when it is short', () => {
    const fm = parse('Headline\n\nThe council met on Monday.\n\nIt voted.\n');
    assert.equal(fm.summary, 'The council met on Monday.');
  });

  it('cuts a long first paragraph at a word boundary, with an ellipsis', () => {
    const paragraph = `${'harbour '.repeat(40)}end.`;
    const summary = summarise(paragraph);
    assert.ok([...summary].length <= 241);
    assert.match(summary, /^(harbour )+harbour…$/);
  });

  it('counts words in every script, and numbers and contractions as one word each', () => {
    assert.equal(countWords("The council's 2024 budget: £5.5m, up 3%."), 7); // The, council's, 2024, budget, 5.5m, up, 3
    assert.equal(countWords('التقى وزير الخارجية اليوم'), 4);
    assert.equal(parse('Headline\n\nOne two three.\n\nFour five.\n').wordCount, 5);
  });

  it('counts each Chinese or Japanese character as a word, and Thai and Lao words by dictionary, where no space parts them', () => {
    // 港口 委员会 … : 21 characters, and a run of them between two stops was one word.
    assert.equal(countWords('港口委员会周二投票批准了夏季的新渡轮时刻表。'), 21);
    assert.equal(countWords('東京でニュース'), 7);
    assert.equal(countWords('แมวกินปลา'), 3); // แมว กิน ปลา: cat eats fish
    assert.equal(countWords('ฉันรักภาษาไทย'), 4); // ฉัน รัก ภาษา ไทย
    assert.equal(countWords('ແມວກິນປາ'), 3); // Lao: cat eats fish
    assert.equal(countWords('The 港口 council แมวกินปลา, 2024'), 8);
    // A Chinese article of 2,310 characters was "1 min read"; at 230 words a minute it is ten.
    const chinese = parse(`港口委员会批准新时刻表\n\n${'港口委员会周二投票批准了夏季的新渡轮时刻表。'.repeat(110)}\n`, 'zh');
    assert.deepEqual([chinese.wordCount, chinese.readingMinutes], [2310, 10]);
  });

  it('rounds reading time to whole minutes at 230 words a minute, at least one', () => {
    assert.deepEqual([readingMinutes(0), readingMinutes(344), readingMinutes(346), readingMinutes(2300)], [1, 1, 2, 10]);
  });
});

describe('anomalies', () => {
  it('reports bidirectional controls and direction marks on their line, and keeps the text as it is', () => {
    const problems = new ProblemLog();
    const text = 'عنوان\n\n\u200eتجسد الفعاليات احتفالية.\n\nنص عادي.\n\nOverride \u202egnirts\u202c here.\n';
    const parsed = parseArticle({ path: '2024-01-01-x.txt', displayPath: 'x.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.deepEqual(problems.problems.map((problem) => `${problem.code}:${problem.line}`), ['TEXT_BIDI_CONTROL:3', 'TEXT_BIDI_CONTROL:7']);
    assert.match(parsed!.frontmatter.subtitle!, /^\u200eتجسد/); // the standfirst, checked like the body
    assert.match(parsed!.body, /\u202egnirts\u202c/);
  });

  it('names the same source line for C1 controls as for the anomalies beside them, in a CRLF source', () => {
    const problems = new ProblemLog();
    const text = 'Headline\r\n\r\nFirst paragraph.\r\n\r\nOverride \u202egnirts\u202c and \u0093quotes\u0094.\r\n\r\nAn undefined \u008d byte.\r\n';
    const parsed = parseSource({ path: '2024-01-01-x.txt', displayPath: 'x.txt', bytes: new TextEncoder().encode(text), mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    // The U+FFFD put for U+008D is named on its own line too, as any U+FFFD is, so each can be found.
    assert.deepEqual(problems.sorted().map((problem) => `${problem.code}:${problem.line}`), ['TEXT_BIDI_CONTROL:5', 'TEXT_C1_CONTROL:5', 'TEXT_REPLACEMENT_CHARACTER:7']);
    assert.match(problems.problems.find((problem) => problem.code === 'TEXT_C1_CONTROL')!.message, /^contains 3 C1 control characters.*U\+0093 ×1 became “, U\+0094 ×1 became ”, U\+008D ×1 became U\+FFFD/);
    assert.equal(parsed!.body, 'Override \u202egnirts\u202c and “quotes”.\n\nAn undefined \uFFFD byte.');
  });
});
