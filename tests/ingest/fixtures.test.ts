// Data-driven ingest tests, as markdown-it does them: every folder in tests/fixtures/ingest/
// good/ (expected markdown and metadata), bad/ (expected problems) and must-not-crash/ (inputs
// that must never throw). Add a case with `npm run new-fixture` and review its expectations.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { FIXTURE_KINDS, FIXTURES_DIR, runFixture } from './fixture-runner.ts';

const md = createMarkdownRenderer();
const casesOf = (kind: string) => readdirSync(path.join(FIXTURES_DIR, kind)).sort();
const expectedOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, unknown>;

describe('ingest fixtures', () => {
  it('has no unreviewed draft expectations', () => {
    const drafts = readdirSync(FIXTURES_DIR, { recursive: true }).map(String).filter((file) => file.endsWith('.draft'));
    assert.deepEqual(drafts, [], 'review each draft by hand against its input, then remove ".draft" from its name');
  });

  describe('good: the expected markdown body and metadata', () => {
    for (const name of casesOf('good')) {
      it(name.replace(/-/g, ' '), () => {
        const dir = path.join(FIXTURES_DIR, 'good', name);
        const { parsed, problems } = runFixture(dir);
        assert.ok(parsed, `accepted (problems: ${JSON.stringify(problems)})`);
        assert.equal(`${parsed.body}\n`, readFileSync(path.join(dir, 'expected.md'), 'utf8'));
        const { removed, problems: expectedProblems, subtitle, ...fields } = expectedOf(dir);
        assert.equal(parsed.frontmatter.subtitle, subtitle ?? undefined);
        for (const [key, value] of Object.entries(fields)) assert.deepEqual(parsed.frontmatter[key as keyof typeof parsed.frontmatter], value, key);
        assert.deepEqual(parsed.removed, removed);
        assert.deepEqual(problems, expectedProblems);
      });
    }
  });

  describe('bad: exactly the expected problems, with their lines', () => {
    for (const name of casesOf('bad')) {
      it(name.replace(/-/g, ' '), () => {
        const dir = path.join(FIXTURES_DIR, 'bad', name);
        const { parsed, problems } = runFixture(dir);
        const expected = expectedOf(dir);
        assert.deepEqual(problems, expected.problems);
        assert.equal(parsed !== undefined, expected.published);
      });
    }
  });

  describe('must not crash: ingested and rendered without throwing', () => {
    for (const name of casesOf('must-not-crash')) {
      it(name.replace(/-/g, ' '), () => {
        const dir = path.join(FIXTURES_DIR, 'must-not-crash', name);
        assert.ok(existsSync(path.join(dir, 'input.txt')));
        const { parsed } = runFixture(dir);
        if (parsed) assert.equal(typeof md.render(parsed.body), 'string');
      });
    }
  });

  it('has a folder for each kind and nothing else', () => {
    assert.deepEqual(readdirSync(FIXTURES_DIR).sort(), [...FIXTURE_KINDS].sort());
  });
});
