// The benchmark's synthetic archive: deterministic, with a large Zipf-like vocabulary, recurring
// names, sections as folders, dates over decades and a few percent Arabic articles.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SEED, generateArchive, generateArticle, type ArchiveLayout } from '../../src/bench/generate-archive.ts';
import { createRandom } from '../../src/bench/prng.ts';
import { createVocabulary } from '../../src/bench/vocabulary.ts';
import { temporaryDir } from '../helpers/paths.ts';

const layout: ArchiveLayout = { layout: 'sections', seed: DEFAULT_SEED };

async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = path.join(dir, name);
    if (name.endsWith('.txt') || name.endsWith('.jsonl')) files.set(name, await readFile(file, 'utf8'));
  }
  return files;
}

describe('the synthetic archive generator', () => {
  const vocabulary = createVocabulary(DEFAULT_SEED);
  const sample = Array.from({ length: 600 }, (_, index) => generateArticle(vocabulary, layout, index));

  it('writes byte-identical inboxes for the same seed and size', async () => {
    const [first, second] = [await temporaryDir('gen-a'), await temporaryDir('gen-b')];
    await generateArchive(first, 60, layout);
    await generateArchive(second, 60, layout);
    const [a, b] = [await readTree(first), await readTree(second)];
    assert.equal([...a.keys()].filter((name) => name.endsWith('.txt')).length, 60);
    assert.deepEqual(a, b);
  });

  it('writes a different archive for another seed', () => {
    const other = generateArticle(createVocabulary('another seed'), { ...layout, seed: 'another seed' }, 0);
    assert.notEqual(other.text, sample[0]!.text);
  });

  it('makes article i the same whether or not articles after it exist, so "one more" is article N', () => {
    assert.equal(generateArticle(vocabulary, layout, 5).text, sample[5]!.text);
  });

  it('draws from sfc32, whose outputs are spread evenly (not a weak generator stuck in a few values)', () => {
    const random = createRandom('uniformity');
    const buckets = new Array<number>(100).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(random.next() * 100)]!++;
    // 1,000 expected per bucket; a 5-sigma band is about ±160.
    assert.ok(Math.min(...buckets) > 840 && Math.max(...buckets) < 1160, `buckets from ${Math.min(...buckets)} to ${Math.max(...buckets)}`);
  });

  it('has a vocabulary of tens of thousands of distinct words, and uses thousands of them in a few hundred articles', () => {
    assert.ok(new Set(vocabulary.words).size >= 50_000);
    const used = new Set(sample.flatMap((article) => article.text.toLowerCase().match(/\p{L}+/gu) ?? []));
    assert.ok(used.size > 15_000, `only ${used.size} distinct words in 600 articles`);
  });

  it('has Zipf-like word frequencies: frequency falls about as 1/rank', () => {
    const counts = new Map<string, number>();
    for (const article of sample) for (const word of article.text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    const ranked = [...counts.values()].sort((a, b) => b - a);
    const slope = (Math.log(ranked[999]!) - Math.log(ranked[9]!)) / (Math.log(1000) - Math.log(10));
    assert.ok(slope < -0.7 && slope > -1.4, `log-log slope between ranks 10 and 1000 is ${slope.toFixed(2)}`);
  });

  it('brings back the same people, organisations and places across articles', () => {
    const top = vocabulary.people[0]!;
    const mentioning = sample.filter((article) => article.text.includes(top)).length;
    assert.ok(mentioning >= 10, `${top} appears in ${mentioning} of 600 articles`);
    assert.ok(sample.filter((article) => article.text.includes(vocabulary.places[0]!)).length >= 5);
  });

  it('spreads articles over sections (folders), over three decades, with a few percent in Arabic', () => {
    const sections = new Set(sample.map((article) => path.dirname(article.file)));
    assert.ok(sections.size >= 6);
    const years = sample.map((article) => Number(article.meta.date.slice(0, 4)));
    assert.ok(Math.max(...years) - Math.min(...years) >= 30);
    const arabic = sample.filter((article) => article.meta.lang === 'ar');
    assert.ok(arabic.length >= 6 && arabic.length <= 42, `${arabic.length} of 600 in Arabic`);
    assert.match(arabic[0]!.text, /^[\u0600-\u06ff ]+\n/);
  });

  it('gives articles realistic lengths: a median of a few hundred words, some long ones', () => {
    const lengths = sample.map((article) => article.text.split(/\s+/).length).sort((a, b) => a - b);
    const median = lengths[300]!;
    assert.ok(median > 250 && median < 700, `median ${median} words`);
    assert.ok(lengths.at(-1)! > 1200);
  });
});
