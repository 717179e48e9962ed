// The aliases file: merging and renaming names, overriding kinds, blocking false entities, and
// clear errors for a file that cannot be used. Applied to hand-given names at site build too.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { ConfigError } from '../../src/config/site-config.ts';
import { canonicalName, compileEntityRules, loadEntityRules, parseEntityFile } from '../../src/ingest/entities/entity-rules.ts';
import { extractEntities } from '../../src/ingest/entities/extract-entities.ts';
import { buildTerms } from '../../src/site/indexes/terms.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { temporaryDir } from '../helpers/paths.ts';

function siteArticle(i: number, fields: Partial<Pick<Article, 'people' | 'organizations' | 'places' | 'tags'>>): Article {
  return {
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO('2025-03-01T00:00:00Z').minus({ days: i }), dateSource: 'manual',
    authors: [], tags: [], people: [], organizations: [], places: [], ...fields, summary: '', wordCount: 0, readingMinutes: 1,
    language: 'en', dir: 'ltr', slug: `a${i}`, url: `/2025/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

describe('the entity aliases file', () => {
  it('merges every listed variant into the canonical name, case and dots aside', () => {
    const rules = compileEntityRules({ aliases: { 'Acme Holdings': ['Acme', 'ACME Corp.'] } });
    assert.equal(canonicalName('acme', rules), 'Acme Holdings');
    assert.equal(canonicalName('ACME Corp', rules), 'Acme Holdings');
    assert.equal(canonicalName('Other', rules), 'Other');
  });

  it('ships defaults that merge US, U.S., United States and America into United States', () => {
    const rules = compileEntityRules();
    for (const variant of ['US', 'U.S.', 'United States', 'America', 'USA']) assert.equal(canonicalName(variant, rules), 'United States');
  });

  it('drops the defaults when "defaults" is false', () => {
    const rules = compileEntityRules({ defaults: false });
    assert.equal(canonicalName('America', rules), 'America');
  });

  it('blocks a name (and its variants) from being an entity', () => {
    const rules = compileEntityRules({ aliases: { 'Daily Planet': ['The Planet'] }, block: ['daily planet'] });
    assert.equal(canonicalName('The Planet', rules), undefined);
    const found = extractEntities(
      { title: 'News', blocks: [{ kind: 'paragraph', text: 'Lois Lane of the Daily Planet met officials in Canada.' }] },
      'en',
      rules,
    );
    assert.ok(!found.organizations.includes('Daily Planet'), found.organizations.join(', '));
    assert.deepEqual(found.places, ['Canada']);
  });

  it('applies to names in the archive, hand-given ones included: one page for all variants, none for blocked', () => {
    const rules = compileEntityRules({ aliases: { 'Joanna Reyes': ['Jo Reyes'] }, block: ['Spurious Name'], kinds: { Hamas: 'organization' } });
    const { terms } = buildTerms(
      [
        siteArticle(0, { places: ['US'], people: ['Jo Reyes', 'Spurious Name'] }),
        siteArticle(1, { places: ['America'], people: ['Joanna Reyes', 'Spurious Name'] }),
        siteArticle(2, { places: ['United States'], people: ['Hamas'] }),
      ],
      rules,
      2,
    );
    const names = terms.map((term) => `${term.kind}:${term.name}:${term.articles.length}`).sort();
    assert.deepEqual(names, ['organization:Hamas:1', 'person:Joanna Reyes:2', 'place:United States:3']);
  });

  it('refuses a malformed file with the key and a fix in the message', () => {
    assert.throws(() => parseEntityFile({ aliases: { X: 'Y' } }, 'entities.json'), (error: Error) => error instanceof ConfigError && /"aliases"."X" must be a list/.test(error.message));
    assert.throws(() => parseEntityFile({ kinds: { X: 'animal' } }, 'entities.json'), /"kinds"."X" must be "person", "organization" or "place"/);
    assert.throws(() => parseEntityFile({ blocks: [] }, 'entities.json'), /unknown key "blocks"/);
    assert.throws(() => parseEntityFile([], 'entities.json'), /must contain one JSON object/);
  });

  it('reads the file from disk, and uses the defaults when it is absent', async () => {
    const dir = await temporaryDir('entities');
    const file = path.join(dir, 'entities.json');
    assert.equal(canonicalName('UK', await loadEntityRules(file)), 'United Kingdom');
    await writeFile(file, JSON.stringify({ aliases: { 'Northwind Group': ['Northwind'] } }));
    const rules = await loadEntityRules(file);
    assert.equal(canonicalName('Northwind', rules), 'Northwind Group');
    assert.equal(canonicalName('UK', rules), 'United Kingdom');
    await writeFile(file, '{ not json');
    await assert.rejects(loadEntityRules(file), /is not valid JSON/);
  });
});

describe('names given in a sidecar', () => {
  it('come first, and extracted names are added without repeating them', async () => {
    const { findArticleEntities } = await import('../../src/ingest/entities/article-entities.ts');
    const found = findArticleEntities(
      { title: 'Talks', blocks: [{ kind: 'paragraph', text: 'Helena Marsh met officials of the Bank of England in London. Mrs Marsh said little.' }] },
      'en',
      { extra: { people: ['Lord Examplefield', 'helena marsh'], places: 'Westminster' }, origin: { file: 'meta.jsonl' } } as never,
    );
    assert.deepEqual(found.people, ['Lord Examplefield', 'helena marsh']);
    assert.deepEqual(found.places, ['Westminster', 'London']);
    assert.deepEqual(found.organizations, ['Bank of England']);
  });
});
