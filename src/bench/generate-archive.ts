// Writes the benchmark's synthetic inbox: N raw `.txt` articles in section folders with
// `meta.jsonl` sidecars (title, date over decades, authors, language). Article i depends only on
// the seed and i, so the same N gives byte-identical files and "one more article" is article N.

import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRandom, type Random } from './prng.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';

export const DEFAULT_SEED = 'broadsheet-bench-1';
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2025;

const SECTIONS = ['politics', 'business', 'world', 'sport', 'culture', 'science', 'local', 'opinion'] as const;
const SECTION_WEIGHTS = [18, 16, 16, 15, 11, 8, 10, 6];
/** Share of articles written in Arabic (right to left, another script). */
const ARABIC_SHARE = 0.03;

export interface GeneratedArticle {
  /** Inbox-relative path, e.g. `sport/sport-000042.txt`. */
  file: string;
  section: string;
  text: string;
  meta: { file: string; title: string; date: string; authors: string[]; lang?: string; category?: string };
}

export interface ArchiveLayout {
  /** `sections`: one folder per section (the default); `flat`: every file at the top, section in meta.jsonl. */
  layout: 'sections' | 'flat';
  seed: string;
}

function weightedSection(random: Random): string {
  const total = SECTION_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  let target = random.next() * total;
  for (let i = 0; i < SECTIONS.length; i++) {
    target -= SECTION_WEIGHTS[i]!;
    if (target < 0) return SECTIONS[i]!;
  }
  return SECTIONS[0];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date over the decades, with more articles in later years (archives grow). */
function articleDate(random: Random): string {
  const span = LAST_YEAR - FIRST_YEAR + 1;
  const year = FIRST_YEAR + Math.min(span - 1, Math.floor(span * Math.sqrt(random.next())));
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(random.int(6, 22))}:${two(random.int(0, 59))}:00+00:00`;
}

function sentence(random: Random, vocabulary: Vocabulary, arabic: boolean): string {
  const length = Math.max(4, Math.min(45, Math.round(random.logNormal(17, 0.45))));
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (arabic) {
      words.push(vocabulary.arabicWords[vocabulary.arabicRanks.sample(random)]!);
      continue;
    }
    const roll = random.next();
    if (roll < 0.025) words.push(vocabulary.people[vocabulary.personRanks.sample(random)]!);
    else if (roll < 0.037) words.push(vocabulary.organizations[vocabulary.organizationRanks.sample(random)]!);
    else if (roll < 0.05) words.push(vocabulary.places[vocabulary.placeRanks.sample(random)]!);
    else if (roll < 0.06) words.push(String(random.int(2, 2000)));
    else words.push(vocabulary.words[vocabulary.wordRanks.sample(random)]!);
  }
  const text = words.join(' ');
  return `${arabic ? text : capitalise(text)}.`;
}

function headline(random: Random, vocabulary: Vocabulary, arabic: boolean): string {
  const words: string[] = [];
  const length = random.int(5, 11);
  for (let i = 0; i < length; i++) {
    if (arabic) words.push(vocabulary.arabicWords[vocabulary.arabicRanks.sample(random)]!);
    // Headlines lean on content words: skip the commonest ranks.
    else words.push(vocabulary.words[Math.min(vocabulary.words.length - 1, 60 + vocabulary.wordRanks.sample(random))]!);
  }
  if (!arabic && random.next() < 0.5) words.splice(random.int(0, 2), 0, vocabulary.people[vocabulary.personRanks.sample(random)]!);
  if (!arabic && random.next() < 0.3) words.push('in', vocabulary.places[vocabulary.placeRanks.sample(random)]!);
  return arabic ? words.join(' ') : capitalise(words.join(' '));
}

export function generateArticle(vocabulary: Vocabulary, options: ArchiveLayout, index: number): GeneratedArticle {
  const random = createRandom(`${options.seed}:article:${index}`);
  const arabic = random.next() < ARABIC_SHARE;
  const section = weightedSection(random);
  const title = headline(random, vocabulary, arabic);
  const date = articleDate(random);
  const targetWords = Math.max(60, Math.min(4000, Math.round(random.logNormal(420, 0.55))));
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    const count = random.int(1, 4);
    for (let i = 0; i < count; i++) sentences.push(sentence(random, vocabulary, arabic));
    const paragraph = sentences.join(' ');
    words += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  const authorCount = random.next() < 0.3 ? 0 : random.int(1, 2);
  const authors = Array.from({ length: authorCount }, () => random.pick(vocabulary.authors));
  // Named like the BBC corpus (section-number), which the peer benchmark's Hugo site turns into tags.
  const name = `${section}-${String(index).padStart(6, '0')}.txt`;
  const file = options.layout === 'flat' ? name : `${section}/${name}`;
  const meta: GeneratedArticle['meta'] = { file: name, title, date, authors: [...new Set(authors)] };
  if (arabic) meta.lang = 'ar';
  if (options.layout === 'flat') meta.category = section;
  return { file, section, text: `${title}\n\n${paragraphs.join('\n\n')}\n`, meta };
}

/** Writes articles [from, to) into `inboxDir`, appending to each folder's meta.jsonl. */
export async function writeArticles(inboxDir: string, options: ArchiveLayout, from: number, to: number, vocabulary = createVocabulary(options.seed)): Promise<void> {
  const BATCH = 256;
  for (let start = from; start < to; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, to - start) }, (_, offset) => generateArticle(vocabulary, options, start + offset));
    const metaByFolder = new Map<string, string[]>();
    for (const article of batch) {
      const folder = path.dirname(article.file);
      metaByFolder.set(folder, [...(metaByFolder.get(folder) ?? []), JSON.stringify(article.meta)]);
    }
    await Promise.all([...metaByFolder.keys()].map((folder) => mkdir(path.join(inboxDir, folder), { recursive: true })));
    await Promise.all(batch.map((article) => writeFile(path.join(inboxDir, article.file), article.text)));
    for (const [folder, lines] of metaByFolder) await appendFile(path.join(inboxDir, folder, 'meta.jsonl'), `${lines.join('\n')}\n`);
  }
}

/** A fresh synthetic inbox of `count` articles. */
export async function generateArchive(inboxDir: string, count: number, options: ArchiveLayout): Promise<void> {
  await mkdir(inboxDir, { recursive: true });
  await writeArticles(inboxDir, options, 0, count);
}
