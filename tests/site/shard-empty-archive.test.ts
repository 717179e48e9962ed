// An archive without articles has no year shard (`--shard YEAR` refuses every year), so its deploy
// is the site shard alone, and that must be the full build: the search page included, whose
// scripts come from the (empty) primary search bundle that the year shards otherwise bring.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { shardRecordName } from '../../src/output/ownership.ts';
import { siteDifferences } from '../helpers/site-diff.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';

describe('the site shard of an archive without articles', { timeout: 120_000 }, () => {
  it('is the full build, the empty search bundle included', async () => {
    const inbox = await writeInbox('shard-empty', {});
    const full = await buildArchive(inbox);
    const site = await buildArchive(inbox, ['--shard', 'site']);
    assert.equal(full.exitCode, 0, full.stderr);
    assert.equal(site.exitCode, 0, site.stderr);
    assert.deepEqual(await siteDifferences(site.outDir, full.outDir, { withSearch: true }), {
      onlyRebuilt: [shardRecordName('site')],
      onlyCold: [MANIFEST_FILE],
      differing: [],
    });
  });
});
