// An article dated 31 December 9999 in New York is in the year 10000 in UTC. Every date machines
// read (Atom, JSON Feed, the sitemap, JSON-LD, Open Graph) must still be RFC 3339, whose year has
// four digits, and name the article's instant. Checked on a real build.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { attribute, parseHtml, walk } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { xmlSchemaErrors } from '../helpers/validators.ts';

const ZONE = 'America/New_York';
const WALL_TIME = '9999-12-31T23:00:00';
const INSTANT = DateTime.fromISO(WALL_TIME, { zone: ZONE }).toMillis();
// RFC 3339's date-time: full-date "T" full-time, a four-digit year and an offset or Z.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function assertTimestamp(value: string | undefined, where: string): void {
  assert.ok(value !== undefined, `${where} has a date`);
  assert.match(value, RFC_3339, `${where}: ${value} is RFC 3339`);
  assert.equal(DateTime.fromISO(value, { setZone: true }).toMillis(), INSTANT, `${where}: ${value} is the article's instant`);
}

describe('an article dated 31 December 9999 in a zone west of UTC', () => {
  let build: BuildRun;
  let articleUrl: string;
  const site = (sitePath: string) => readFile(path.join(build.outDir, sitePath), 'utf8');

  before(async () => {
    const work = await temporaryDir('far-future');
    const inbox = path.join(work, 'inbox');
    const config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ timeZone: ZONE }));
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'last.txt'), 'The last evening of the calendar\n\nCrowds gathered in the square for the final evening of the year.\n');
    await writeFile(path.join(inbox, 'last.json'), JSON.stringify({ date: WALL_TIME }));
    build = await buildArchive(inbox, ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
    articleUrl = build.report.articles[0]!.url;
  });

  it('writes the Atom feed’s and its entry’s <updated> and <published> in RFC 3339', async () => {
    const atom = await site('feed.xml');
    const dates = [...atom.matchAll(/<(updated|published)>([^<]*)<\/\1>/g)];
    assert.equal(dates.length, 3, 'the feed’s <updated>, and the entry’s <updated> and <published>');
    for (const [, element, value] of dates) assertTimestamp(value, `Atom <${element}>`);
  });

  it('writes the JSON Feed’s date_published in RFC 3339', async () => {
    const feed = JSON.parse(await site('feed.json')) as { items: Array<{ date_published?: string }> };
    assertTimestamp(feed.items[0]!.date_published, 'JSON Feed date_published');
  });

  it('writes the sitemap’s lastmod as a valid W3C date', async () => {
    const sitemap = await site('sitemap.xml');
    assert.deepEqual(await xmlSchemaErrors(sitemap, 'sitemap.xsd'), []);
    const entry = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].find((match) => match[1]!.includes(articleUrl));
    assertTimestamp(/<lastmod>([^<]*)<\/lastmod>/.exec(entry?.[1] ?? '')?.[1], 'sitemap lastmod');
  });

  it('writes the article page’s JSON-LD dates and article:published_time in RFC 3339', async () => {
    let jsonLd: Record<string, string> | undefined;
    let published: string | undefined;
    for (const node of walk(parseHtml(await site(path.join(articleUrl, 'index.html'))))) {
      if (node.nodeName === 'script' && attribute(node, 'type') === 'application/ld+json') jsonLd = JSON.parse(node.childNodes?.[0]?.value ?? '{}') as Record<string, string>;
      if (node.nodeName === 'meta' && attribute(node, 'property') === 'article:published_time') published = attribute(node, 'content');
    }
    assertTimestamp(jsonLd?.datePublished, 'JSON-LD datePublished');
    assertTimestamp(jsonLd?.dateModified, 'JSON-LD dateModified');
    assertTimestamp(published, 'article:published_time');
  });
});
