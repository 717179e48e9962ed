// `npm test` lints the project's own sources, not what a build or a tester leaves in the
// checkout: a QA scratch folder (`.qa-tmp/`) holding built sites failed the lint with thousands of
// errors in their minified scripts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../helpers/paths.ts';

describe('the lint in npm test', () => {
  it('passes over scratch folders and built sites, and still lints the sources and tests', async () => {
    const eslint = new ESLint({ cwd: PROJECT_ROOT });
    for (const file of ['.qa-tmp/site/assets/search.js', '.qa-tmp/scan.ts', 'scratch/x.ts', '_site/assets/search.js']) assert.equal(await eslint.isPathIgnored(file), true, file);
    for (const file of ['src/site/feeds.ts', 'tests/cli/lint-scope.test.ts', 'assets/search.js', 'bin/broadsheet.js']) assert.equal(await eslint.isPathIgnored(file), false, file);
  });
});
