// An archive searched in several waves, built small: the benchmark's synthetic articles over
// 1990–2025, plus marker articles whose words occur in no other article. The index is split into
// parts of about 50 articles and a first wave of at most 100 (BROADSHEET_SEARCH_PART_PAGES and
// BROADSHEET_SEARCH_FIRST_WAVE), so a few hundred articles have the shape of a 100,000-article
// archive: a newest year alone, many older parts, waves that double.

import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SEED, generateArchive } from '../../src/bench/generate-archive.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

export const SYNTHETIC_ARTICLES = 600;
export const WAVE_SETTINGS = { BROADSHEET_SEARCH_PART_PAGES: '50', BROADSHEET_SEARCH_FIRST_WAVE: '100' };

/** Marker words: letter pairs no syllable of the synthetic vocabulary has, so no other word starts with them. */
export const MARKERS = {
  /** In 24 articles of the newest year: a first search the first wave answers with a page of results. */
  common: 'qxcommon',
  /** In one article of the oldest year only. */
  rare: 'qxrare',
  /**
   * In one article of every year, 1990 to 2025, and in two article files written by hand at New
   * Year in other zones: one dated 2000 in its zone and shown as 1 January 2001 (UTC), one dated
   * 2001 and shown as 31 December 2000. Each is filed (URL, search part) under the year it is
   * shown in, so newest first lists them in date order like any other. (Ingest writes dates in
   * the site's zone; only a hand-written file can be at another offset.)
   */
  spread: 'qxspread',
} as const;

export interface MarkerArticle {
  /** Inbox-relative path, or articles-relative for a file written by hand. */
  file: string;
  byHand?: boolean;
  title: string;
  /** The date as the sidecar gives it. */
  date: string;
  /** YYYY-MM-DD as readers see it (in UTC, the site's zone). */
  day: string;
  marker: string;
  /** Site path the build published it at. */
  url: string;
}

function markerArticles(): Omit<MarkerArticle, 'url'>[] {
  const articles: Omit<MarkerArticle, 'url'>[] = [];
  for (let n = 1; n <= 24; n++) {
    const day = `2025-0${1 + (n % 9)}-${String(1 + n).padStart(2, '0')}`;
    articles.push({ file: `markers/common-${n}.txt`, title: `Harbour bulletin ${n} on the ${MARKERS.common} ledger`, date: `${day}T12:00:00+00:00`, day, marker: MARKERS.common });
  }
  articles.push({ file: 'markers/rare.txt', title: `Founding notes on the ${MARKERS.rare} charter`, date: '1990-03-14T12:00:00+00:00', day: '1990-03-14', marker: MARKERS.rare });
  for (let year = 1990; year <= 2025; year++) {
    // Days vary by year so no two markers share a date and order is never a tie.
    const day = `${year}-${String(1 + (year % 12)).padStart(2, '0')}-${String(3 + (year % 25)).padStart(2, '0')}`;
    articles.push({ file: `markers/spread-${year}.txt`, title: `Annual ${MARKERS.spread} review of ${year}`, date: `${day}T12:00:00+00:00`, day, marker: MARKERS.spread });
  }
  articles.push({ file: '2000/late-dispatch.md', byHand: true, title: `Late ${MARKERS.spread} dispatch from the west`, date: '2000-12-31T22:00:00-05:00', day: '2001-01-01', marker: MARKERS.spread });
  articles.push({ file: '2001/early-dispatch.md', byHand: true, title: `Early ${MARKERS.spread} dispatch from the east`, date: '2001-01-01T02:00:00+05:00', day: '2000-12-31', marker: MARKERS.spread });
  return articles;
}

async function writeMarkers(inbox: string, articlesDir: string, articles: Omit<MarkerArticle, 'url'>[]): Promise<void> {
  await mkdir(path.join(inbox, 'markers'), { recursive: true });
  for (const article of articles) {
    // The title in the body too: the ingest publishes text it has seen once only.
    const body = [
      `The ${article.marker} entry (${article.title}, ${article.day}) was filed with the harbour office, and the clerks read it aloud.`,
      `Readers asked about the ${article.marker} figures, which the office publishes every season without fail.`,
    ].join('\n\n');
    if (article.byHand) {
      const slug = path.basename(article.file, '.md');
      await mkdir(path.dirname(path.join(articlesDir, article.file)), { recursive: true });
      await writeFile(path.join(articlesDir, article.file), `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${JSON.stringify(article.date)}\nsection: "markers"\nlanguage: "en"\nslug: ${JSON.stringify(slug)}\n---\n${body}\n`);
      continue;
    }
    await writeFile(path.join(inbox, article.file), `${article.title}\n\n${body}\n`);
    const meta = { file: path.basename(article.file), title: article.title, date: article.date, authors: ['Test Desk'] };
    await appendFile(path.join(inbox, 'markers', 'meta.jsonl'), `${JSON.stringify(meta)}\n`);
  }
}

/** Generates the inbox and builds it (about 7 s on two cores) with `extraArgs`; the markers come with their URLs. */
export async function buildWaveArchive(extraArgs: string[] = []): Promise<{ build: BuildRun; markers: MarkerArticle[] }> {
  const work = await temporaryDir('waves');
  const inbox = path.join(work, 'inbox');
  const articlesDir = path.join(work, 'articles');
  await generateArchive(inbox, SYNTHETIC_ARTICLES, { layout: 'sections', seed: DEFAULT_SEED });
  const articles = markerArticles();
  await writeMarkers(inbox, articlesDir, articles);
  const build = await buildArchive(inbox, extraArgs, { articlesDir, outDir: path.join(work, 'site') }, WAVE_SETTINGS);
  const markers = articles.map((article) => {
    const published = build.report.articles.find((entry) => entry.title === article.title);
    if (!published) throw new Error(`the build report does not list "${article.title}" (${article.file}); its problems: ${JSON.stringify(build.report.problems.filter((problem) => problem.file.endsWith(path.basename(article.file))))}`);
    return { ...article, url: published.url };
  });
  return { build, markers };
}
