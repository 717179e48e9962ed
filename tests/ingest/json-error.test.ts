// A broken sidecar's message names where its JSON goes wrong: the line of a NAME.json (JSON.parse
// names no position for some mistakes) and the column, found by a scanner that agrees with
// JSON.parse on what is JSON.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { findJsonError, locateJsonError } from '../../src/ingest/json-error.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { Prng } from '../helpers/prng.ts';

describe('where a JSON text goes wrong', () => {
  it('places each mistake at its line and column', () => {
    for (const [text, line, column] of [
      ['{\n  "title": "A",\n  "tags": ["x",]\n}\n', 3, 16],
      ['{\n  "title": "A"\n  "date": "2024-05-01"\n}', 3, 3],
      ["{'title': 'A'}", 1, 2],
      ['{"title": "A",}', 1, 15],
      ['{"title": "A"}\n}', 2, 1],
      ['{"title": "A\nB"}', 1, 13],
      ['{"title": "\\x41"}', 1, 12],
      ['{"n": 01}', 1, 8],
      ['{\n  "title": "A",\n  "tags": ["x"\n\n', 3, 15],
      ['{"title": "Ünïcödé 名前", oops}', 1, 25],
    ] as const) {
      assert.deepEqual(locateJsonError(text), { line, column }, text);
    }
  });

  it('agrees with JSON.parse on what is JSON, over texts cut and altered at random', () => {
    const prng = new Prng(20261207);
    const valid = [
      '{"file": "a.txt", "title": "A \\"quoted\\" \\u00e9 title", "tags": ["x", "y"], "n": -1.5e3, "ok": true, "none": null}',
      '[{"a": [[], {}, [1, 2, {"b": "c"}]]}, "\\\\", 0, 1e-7, false]',
      '  {\n  "title" : "A" ,\n  "extra": {"deep": [[[["x"]]]]}\n}\n',
    ];
    const pieces = ['', ',', ':', '"', '\\', '{', '}', '[', ']', ' ', '\n', 'x', '0', '-', '.', 'e', 'tru', 'null', '\\u12', '\u0001'];
    for (let round = 0; round < 4000; round++) {
      let text = prng.pick(valid);
      for (let edits = prng.int(0, 3); edits > 0; edits--) {
        const at = prng.int(0, text.length);
        text = text.slice(0, at) + prng.pick(pieces) + text.slice(at + prng.int(0, 2));
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      assert.equal(findJsonError(text) === -1, parses, JSON.stringify(text));
    }
  });

  it('does not overflow the stack on deeply nested input', () => {
    assert.equal(findJsonError(`${'['.repeat(200_000)}${']'.repeat(199_999)}`), 399_999);
  });
});

describe('a broken sidecar', () => {
  it('is named with the line and column of the mistake, a NAME.json and a meta.jsonl line alike, and the build goes on', async () => {
    const work = await temporaryDir('json-error');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, '2024-05-01-a.txt'), 'First headline\n\nThe first article has its own text.\n');
    await writeFile(path.join(inbox, '2024-05-01-a.json'), '{\n  "title": "A",\n  "tags": ["x",]\n}\n');
    await writeFile(path.join(inbox, '2024-05-02-b.txt'), 'Second headline\n\nThe second article has other text.\n');
    await writeFile(path.join(inbox, 'meta.jsonl'), '{"file": "2024-05-02-b.txt", "title": "B"}\n{"file": "2024-05-02-b.txt" "tags": "y"}\n');
    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', parseOn: 'main' }, problems);
    assert.deepEqual(
      problems.problems.map(({ code, file, line, message }) => ({ code, file: path.relative(inbox, file), line, message: message.replace(/ \([^]*\);/, ' (…);') })),
      [
        { code: 'SIDECAR_BAD_JSON', file: 'meta.jsonl', line: 2, message: 'is not valid JSON at column 29 (…); this line is ignored' },
        { code: 'SIDECAR_BAD_JSON', file: '2024-05-01-a.json', line: 3, message: 'is not valid JSON at column 16 (…); it is ignored' },
      ],
    );
    assert.deepEqual(result.sources.map((source) => source.status), ['written', 'written']);
  });
});
