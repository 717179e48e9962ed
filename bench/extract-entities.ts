// Benchmark: entity extraction throughput on a folder of English articles (default: the BBC
// corpus beside this checkout). Run: node --import tsx bench/extract-entities.ts [DIR]
// Reports articles per second on one core (segmentation is done before timing starts).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntities, type EntityText } from '../src/ingest/entities/extract-entities.ts';
import { DEFAULT_RULES } from '../src/ingest/rules.ts';
import { segmentArticle } from '../src/ingest/segment.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(root, '../shared/corpus/bbc'));
const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`No .txt files in ${dir}: pass a folder of English articles.`);
  process.exit(2);
}
const texts: EntityText[] = [];
for (const file of files) texts.push(segmentArticle(await readFile(path.join(dir, file), 'utf8'), DEFAULT_RULES, undefined));

// Warm up, then time whole passes for at least two seconds.
for (const text of texts) extractEntities(text, 'en');
let articles = 0;
let entities = 0;
const started = performance.now();
const cpuStarted = process.cpuUsage();
while (performance.now() - started < 2000) {
  for (const text of texts) {
    const found = extractEntities(text, 'en');
    entities += found.people.length + found.organizations.length + found.places.length;
    articles++;
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `${files.length} articles in ${dir}: ${Math.round(articles / seconds)} articles/s on one core by the clock, ` +
    `${Math.round(articles / cpuSeconds)} per CPU second ` +
    `(${articles} extractions in ${seconds.toFixed(2)} s, ${(entities / articles).toFixed(1)} entities per article)`,
);
