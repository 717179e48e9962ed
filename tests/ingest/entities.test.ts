// Entity extraction: the seeds' bars from the issue, and hand-written fixtures for titles,
// possessives, hyphenated names, all-caps headlines, sentence-initial capitals and other languages.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { extractEntities, type EntityText } from '../../src/ingest/entities/extract-entities.ts';
import { DEFAULT_ENTITY_RULES } from '../../src/ingest/entities/entity-rules.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { segmentArticle } from '../../src/ingest/segment.ts';
import { buildTerms } from '../../src/site/indexes/terms.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { SAMPLE_INBOX } from '../helpers/paths.ts';

const SEED_PEOPLE = ['Steve Witkoff', 'Khalil al-Hayya', 'Jared Kushner', 'Adam Boehler', 'Donald Trump'];
const JUNK = ['drew', 'Mr.', 'Mr', 'President', 'ups', 'Qatar.', 'Witkoff’s office,', 'Witkoff’s', 'Shock Report', 'The Facts', 'Opinion', 'Leave a Reply'];

/** An article from paragraphs, as ingest sees it after segmentation. */
function article(title: string, ...paragraphs: string[]): EntityText {
  return { title, blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) };
}

const all = (found: ReturnType<typeof extractEntities>) => [...found.people, ...found.organizations, ...found.places];

/** Minimal site articles carrying extracted names, for the archive-wide normalisation. */
function asArticles(lists: Array<ReturnType<typeof extractEntities>>): Article[] {
  return lists.map((found, i) => ({
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO('2025-01-01T00:00:00Z').minus({ days: i }), dateSource: 'manual',
    authors: [], tags: [], ...found, summary: '', wordCount: 0, readingMinutes: 1, language: 'en', dir: 'ltr',
    slug: `a${i}`, url: `/2025/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  }));
}

describe('entity extraction on the two seeds', async () => {
  const files = (await readdir(SAMPLE_INBOX)).filter((name) => name.endsWith('.txt')).sort();
  const seeds = await Promise.all(
    files.map(async (file) => extractEntities(segmentArticle(await readFile(path.join(SAMPLE_INBOX, file), 'utf8'), DEFAULT_RULES, undefined), 'en')),
  );

  it('finds every named person in both articles once surnames are resolved across the archive', () => {
    const { termsOf } = buildTerms(asArticles(seeds), DEFAULT_ENTITY_RULES, 2);
    for (const [i, terms] of termsOf.entries()) {
      const people = terms.filter((term) => term.kind === 'person').map((term) => term.name);
      for (const person of SEED_PEOPLE) assert.ok(people.includes(person), `${files[i]}: ${person} in ${people.join(', ')}`);
    }
  });

  it('names the people in full within each article where the article gives the full name', () => {
    for (const found of seeds) {
      for (const person of ['Steve Witkoff', 'Khalil al-Hayya', 'Jared Kushner', 'Adam Boehler']) assert.ok(found.people.includes(person), person);
      assert.ok(!found.people.includes('Witkoff') && !found.people.includes('al-Hayya'), found.people.join(', '));
    }
  });

  it('finds Hamas as an organisation and Israel, Gaza and Qatar as places in both', () => {
    for (const found of seeds) {
      assert.ok(found.organizations.includes('Hamas'), found.organizations.join(', '));
      for (const place of ['Israel', 'Gaza', 'Qatar']) assert.ok(found.places.includes(place), `${place} in ${found.places.join(', ')}`);
    }
  });

  it('contains none of the junk a general-purpose tagger produces, nor labels and boilerplate', () => {
    for (const found of seeds) {
      for (const junk of JUNK) assert.ok(!all(found).includes(junk), `${junk} is not an entity`);
      for (const name of all(found)) assert.doesNotMatch(name, /[.,;:’']$|^(?:Mr|Mrs|Ms|President)\b/u, name);
    }
  });
});

describe('entity extraction rules', () => {
  it('strips titles and resolves a titled surname to the full name the article gives', () => {
    const found = extractEntities(
      article('Talks resume', 'Prime Minister Helena Marsh met President Idris Kamara on Monday.', 'Mrs. Marsh said the talks went well, and Mr Kamara agreed.'),
      'en',
    );
    assert.deepEqual(found.people.sort(), ['Helena Marsh', 'Idris Kamara']);
  });

  it('strips possessives and trailing punctuation', () => {
    const found = extractEntities(article('Trade news', 'Brazil’s exports grew, while Chile\'s fell.', 'Analysts in Brazil expect more.'), 'en');
    assert.deepEqual(found.places.sort(), ['Brazil', 'Chile']);
  });

  it('keeps the hyphen and particle of hyphenated names and resolves the short form', () => {
    const found = extractEntities(
      article('Envoy named', 'The group named Yusuf al-Masri as its envoy.', 'Mr. al-Masri arrived in Cairo on Friday, and al-Masri spoke briefly.'),
      'en',
    );
    assert.deepEqual(found.people, ['Yusuf al-Masri']);
    assert.deepEqual(found.places, ['Cairo']);
  });

  it('takes nothing from an all-caps or title-case headline', () => {
    const found = extractEntities(article('BREAKING: STORM HITS COASTAL TOWNS', 'Heavy rain fell overnight.'), 'en');
    assert.deepEqual(all(found), []);
    const titled = extractEntities(article('Exclusive Interview With Reformed Banker Reveals Secrets', 'He spoke to us at length.'), 'en');
    assert.deepEqual(all(titled), []);
  });

  it('does not take capitalised sentence starters for names', () => {
    const found = extractEntities(
      article('Markets', 'Despite the storm, traders stayed calm. Critics disagreed. Sadly, nothing changed. Officials said little.', 'Meanwhile, prices held.'),
      'en',
    );
    assert.deepEqual(all(found), []);
  });

  it('keeps a name that starts a sentence when the article uses it mid-sentence too', () => {
    const found = extractEntities(article('Court', 'The court heard from Dana Whitfield on Monday.', 'Whitfield denied the charge.', 'Ms Whitfield left quickly.'), 'en');
    assert.deepEqual(found.people, ['Dana Whitfield']);
  });

  it('merges the ways of writing a country through the default aliases', () => {
    const found = extractEntities(article('Trade', 'The US and the U.S. Treasury disagreed with officials in America.', 'The United States said little.'), 'en');
    assert.deepEqual(found.places, ['United States']);
  });

  it('classifies organisations by known names, name endings and acronyms', () => {
    const found = extractEntities(
      article('Results', 'Shares in Northwind Holdings rose after the Bank of England held rates.', 'The IMF and Oxfam both commented.'),
      'en',
    );
    assert.deepEqual(found.organizations.sort(), ['Bank of England', 'IMF', 'Northwind Holdings', 'Oxfam']);
  });

  // `.NET` was the organisation "NET", `Yahoo!` "Yahoo": the symbols were tokens of their own.
  it('names an organisation with the symbols the text writes it with', () => {
    const found = extractEntities(
      article('Results', 'Developers on .NET and C# met staff of AT&T-owned firms.', 'Shares in E*TRADE rose, and Yahoo! said it would buy them.', 'Google+ closed.'),
      'en',
    );
    assert.deepEqual(found.organizations.sort(), ['.NET', 'AT&T', 'E*TRADE', 'Google+', 'Yahoo!']);
  });

  it('takes no single letter with symbols for a name, nor a sentence’s exclamation mark for part of one', () => {
    const found = extractEntities(article('Code', 'Teams moved from C++ to C# and F# this year.', 'They love Paris! Then they went to the BBC.'), 'en');
    assert.deepEqual(all(found).sort(), ['BBC', 'Paris']);
  });

  it('keeps one organisation written with and without its exclamation mark, under its spelling mentioned most', () => {
    const found = extractEntities(article('Web', 'Yahoo! said it grew, and Yahoo! shares rose.', 'Analysts at Yahoo! News agreed.'), 'en');
    assert.deepEqual(found.organizations, ['Yahoo!']);
  });

  it('separates a person from the body named after "of", and keeps one-word heads like "Bank of"', () => {
    const found = extractEntities(
      article('Inquiry', 'Detective Inspector Rhona Dale of Wessex County Police said the inquiry at the Bank of England was over.'),
      'en',
    );
    assert.deepEqual(found.people, ['Rhona Dale']);
    assert.deepEqual(found.organizations.sort(), ['Bank of England', 'Wessex County Police']);
  });

  it('resolves a first name alone to the one person the article names with it, and drops a capitalised role', () => {
    const found = extractEntities(
      article('Premiere', 'Cinematographer Sharon Vale arrived with Tom Ashby.', 'Her husband Tom joined her later, and Ms Vale said the film was finished.'),
      'en',
    );
    assert.deepEqual(found.people.sort(), ['Sharon Vale', 'Tom Ashby']);
  });

  it('does not take short shouted words or Roman numerals for acronyms', () => {
    const found = extractEntities(article('Rugby', 'The England XV beat Wales, and the BBC said the AGM AND the vote were delayed.'), 'en');
    assert.deepEqual(found.organizations, ['BBC']);
  });

  it('takes no time-zone word of a dateline or a time for a name: the zones dates.ts knows anywhere, and capitals right after a time', () => {
    const found = extractEntities(
      article(
        'Council agrees budget',
        'SAN FRANCISCO, 9:00 a.m. PDT -- The council met at 10 AM EST and the board of Acme Corporation at 2.30 p.m. PT.',
        'Results came at 06:00 UTC, at 08:00 IST and at 14:05 HKT, and again at 9.30 SGT, officials said.',
        'All times are PDT. In 2023 FIFA said that 2 NATO ships had left.',
      ),
      'en',
    );
    const names = all(found);
    for (const zone of ['PDT', 'EST', 'PT', 'UTC', 'IST', 'HKT', 'SGT']) assert.ok(!names.includes(zone), `${zone} in ${JSON.stringify(found)}`);
    // Capitals after a number that is no time are still names.
    for (const name of ['Acme Corporation', 'NATO']) assert.ok(found.organizations.includes(name), `${name} in ${JSON.stringify(found)}`);
  });

  it('lets plain lower-case words end names, particles join them, and `who` after a comma mark a person, in shouted lines too', () => {
    const found = extractEntities(
      article(
        'HARBOUR TALKS END in 2024 with a deal',
        'Tomas Berg, who runs the harbour, met envoy Maria de la Cruz and the board of Acme Holdings over 3 days.',
        'negotiators from the Bank of England joined 4g talks.',
      ),
      'en',
    );
    assert.deepEqual(found, { people: ['Tomas Berg', 'Maria de la Cruz'], organizations: ['Acme Holdings', 'Bank of England'], places: [] });
  });

  it('finds no entities in other languages', () => {
    const text = article('Nachrichten', 'Angela Merkel traf Emmanuel Macron in Berlin.', 'Die Gespräche dauerten lange.');
    assert.deepEqual(extractEntities(text, 'de'), { people: [], organizations: [], places: [] });
    assert.deepEqual(extractEntities(article('خبر', 'التقى الوزير في الرياض'), 'ar'), { people: [], organizations: [], places: [] });
  });
});
