// The differential check and timing of entity finding: every article of the given inboxes is
// parsed as ingest parses it (parseSource, default rules), and its blocks are also given to
// extractEntities directly (as English whatever their language, shouted, and under rules with
// aliases, kinds and a block list), and every article's people, organisations and places are
// written to one JSON file, to compare byte for byte before and after a change to the extractor.
// Not part of `npm test`.
//
//   node --import tsx scripts/entities-differential.ts --out FILE INBOX...
//   node --import tsx scripts/entities-differential.ts --time [--rounds 15] INBOX

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../src/fs-utils.ts';
import { compileEntityRules, DEFAULT_ENTITY_RULES } from '../src/ingest/entities/entity-rules.ts';
import { extractEntities, type EntityText, type ExtractedEntities } from '../src/ingest/entities/extract-entities.ts';
import type { IngestOptions } from '../src/ingest/parse-article.ts';
import { parseSource, type SourceToParse } from '../src/ingest/parse-source.ts';
import { DEFAULT_RULES } from '../src/ingest/rules.ts';
import { segmentArticle } from '../src/ingest/segment.ts';
import { loadSidecars } from '../src/ingest/sidecar.ts';
import { ProblemLog } from '../src/problems.ts';

const OPTIONS: IngestOptions = { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', entityRules: DEFAULT_ENTITY_RULES, now: Date.UTC(2026, 0, 1) };
// Rules that reach every branch of canonicalName and of the kinds look-up.
const OTHER_RULES = compileEntityRules({
  aliases: { 'Gordon Brown': ['Brown', 'Mr Brown'], Chelsea: ['Chelsea FC'], 'Manchester United': ['Man Utd', 'United'] },
  kinds: { Liverpool: 'organization', Arsenal: 'organization', 'Tony Blair': 'place', Microsoft: 'person' },
  block: ['Monday', 'BBC', 'Gordon Brown'],
});

const FUZZ_ARTICLES = 20_000;

async function readInbox(inbox: string): Promise<SourceToParse[]> {
  const files = (await listFiles(inbox, (name) => name.endsWith('.txt') || name === 'meta.jsonl')).sort();
  const sources = files.filter((file) => file.endsWith('.txt'));
  const sidecars = await loadSidecars(inbox, inbox, sources, new ProblemLog(), new Set(files));
  return Promise.all(
    sources.map(async (file) => {
      const sidecar = sidecars.get(file);
      return { path: file, displayPath: file, bytes: new Uint8Array(await readFile(path.join(inbox, file))), mtimeMs: 0, ...(sidecar ? { sidecar } : {}) };
    }),
  );
}

const listsOf = (found: ExtractedEntities | undefined) => (found ? [found.people, found.organizations, found.places] : null);

/** The article's text as extractEntities sees it in ingest (segmented; the sidecar's title first). */
function entityText(source: SourceToParse): EntityText {
  const text = new TextDecoder().decode(source.bytes);
  const segmented = segmentArticle(text, DEFAULT_RULES, source.sidecar?.title);
  return { title: source.sidecar?.title ?? segmented.title, subtitle: source.sidecar?.subtitle ?? segmented.subtitle, blocks: segmented.blocks };
}

function shouted(text: EntityText): EntityText {
  return { title: text.title.toUpperCase(), subtitle: text.subtitle?.toUpperCase(), blocks: text.blocks.map((block) => ({ ...block, text: block.text.toUpperCase() })) };
}

// Pieces of text that reach the tokenizer's and the rules' corners, put together at random (with
// a fixed seed) into articles for the direct extractor: symbols kept with words, times and zones,
// titles, particles, possessives, compounds, shouting, letters whose case changes their length.
const FUZZ_PIECES = [
  'Yahoo!', 'Yahoo! said', 'Yahoo! News', '.NET', 'E*TRADE', 'C++', 'C#', 'Disney+', 'Google+', 'at 9:00 a.m. PDT', '9.30 SGT', '2 NATO ships', 'GMT',
  'Mr.', 'Mr', 'Mrs', 'Dr.', 'President', 'Prime Minister', 'envoy', 'said', 'told', ', who', 'who', 'U.S.', 'US', 'UK', 'the United States', 'Kiev',
  'Khalil al-Hayya', 'al-Hayya', 'Bank of England', 'Gulf of Mexico', 'Securities and Exchange Commission', 'Israel and Hamas', 'Israel’s', "Qatar's",
  'Trump-era', 'Hamas-run', 'Steve Witkoff', 'Witkoff', 'Andrew Witkoff', 'wife Sharon', 'Sharon', 'General Motors', 'Baker Street', 'Lois Lane',
  'THE PRIME MINISTER SAID', 'NATO', 'BBC', 'England XV', 'Ludwig van Beethoven', 'the', 'a', 'and', 'of', 'in', 'The', 'It', 'But', 'Monday',
  'İstanbul', 'İSTANBUL', 'STRASSE', 'Straße', 'ǅemal', 'ﬁnance', 'Ａｐｐｌｅ', 'Café Müller', 'Élysée', 'éclair', 'Ωmega', 'ΣΙΣΥΦΟΣ', 'مرحبا', '٣',
  'O’Brien', "O'Neill", 'Jones’', 'Smiths’', 'rock-’n’-roll', 'co-op', 'A.B.C.', 'Corp.', 'Inc.', 'No. 10', 'St. Louis', '“Hello', 'there”', '(BBC)', '[1]',
  '—', '–', ':', ';', ',', '.', '!', '?', '…', '...', '\n', '“', '"', '‘', '&', 'AT&T', 'R&D', 'G7', '3M', '100', '2004', 'x2', '1st', 'Apple’s',
  'Kinder-garten', 'de Gaulle', 'Charles de Gaulle', 'von', 'Abu Dhabi', 'bin Salman', 'Mohammed bin Salman', 'Real Madrid', 'Liverpool', 'Man Utd',
];

function fuzzArticles(count: number): EntityText[] {
  // mulberry32: a fixed sequence, so every run gives the same articles.
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sentence = (words: number) => Array.from({ length: words }, () => FUZZ_PIECES[Math.floor(random() * FUZZ_PIECES.length)]!).join(random() < 0.9 ? ' ' : '');
  return Array.from({ length: count }, () => ({
    title: sentence(1 + Math.floor(random() * 8)),
    subtitle: random() < 0.5 ? sentence(5 + Math.floor(random() * 10)) : undefined,
    blocks: Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({ kind: random() < 0.9 ? ('paragraph' as const) : ('heading' as const), text: sentence(3 + Math.floor(random() * 40)) })),
  }));
}

async function differential(out: string, inboxes: string[]): Promise<void> {
  const report: Record<string, unknown> = {};
  let articles = 0;
  for (const [index, text] of fuzzArticles(FUZZ_ARTICLES).entries()) {
    report[`fuzz/${index}`] = { english: listsOf(extractEntities(text, 'en')), rules: listsOf(extractEntities(text, 'en-GB', OTHER_RULES)) };
    articles++;
  }
  for (const inbox of inboxes) {
    for (const source of await readInbox(inbox)) {
      const parsed = parseSource(source, OPTIONS, new ProblemLog());
      const text = entityText(source);
      report[`${path.basename(inbox)}/${source.path}`] = {
        ingest: parsed ? [parsed.frontmatter.language, parsed.frontmatter.people, parsed.frontmatter.organizations, parsed.frontmatter.places] : null,
        english: listsOf(extractEntities(text, 'en')),
        shouted: listsOf(extractEntities(shouted(text), 'en')),
        rules: listsOf(extractEntities(text, 'en', OTHER_RULES)),
      };
      articles++;
    }
  }
  await writeFile(out, `${JSON.stringify(report, null, 1)}\n`);
  console.log(`${articles} articles (${FUZZ_ARTICLES} generated) from ${inboxes.length} inboxes → ${out}`);
}

async function time(inbox: string, rounds: number): Promise<void> {
  const sources = await readInbox(inbox);
  const texts = sources.map(entityText);
  // By the clock and by this process's CPU time: on a loaded machine the clock counts the time
  // other processes had the CPU, so the CPU figure is the steadier one.
  const best = { parse: Infinity, parseCpu: Infinity, extract: Infinity, extractCpu: Infinity };
  let sink = 0;
  const measure = (run: () => void, count: number): [number, number] => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    return [((performance.now() - started) * 1000) / count, (used.user + used.system) / count];
  };
  for (let round = 0; round < rounds; round++) {
    const [parse, parseCpu] = measure(() => {
      for (const source of sources) sink += parseSource(source, OPTIONS, new ProblemLog())?.frontmatter.people.length ?? 0;
    }, sources.length);
    const [extract, extractCpu] = measure(() => {
      for (const text of texts) sink += extractEntities(text, 'en').people.length;
    }, texts.length);
    best.parse = Math.min(best.parse, parse);
    best.parseCpu = Math.min(best.parseCpu, parseCpu);
    best.extract = Math.min(best.extract, extract);
    best.extractCpu = Math.min(best.extractCpu, extractCpu);
  }
  console.log(
    `${sources.length} articles, ${rounds} rounds, minimum µs per article (clock / CPU): ` +
      `parseSource ${best.parse.toFixed(1)} / ${best.parseCpu.toFixed(1)}, extractEntities ${best.extract.toFixed(1)} / ${best.extractCpu.toFixed(1)} (${sink})`,
  );
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const timed = args.includes('--time');
if (timed) args.splice(args.indexOf('--time'), 1);
const rounds = Number(option('--rounds') ?? 15);
const out = option('--out');
if (timed && args.length === 1) await time(args[0]!, rounds);
else if (out && args.length > 0) await differential(out, args);
else {
  console.error('Usage: entities-differential.ts --out FILE INBOX... | --time [--rounds N] INBOX');
  process.exitCode = 2;
}
