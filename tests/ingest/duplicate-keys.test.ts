// The scanner that finds keys given twice in a sidecar's JSON object, which JSON.parse hides.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDuplicateKeys } from '../../src/ingest/duplicate-keys.ts';

describe('keys given twice in a JSON object', () => {
  it('finds a top-level key given again, with both values, the one JSON.parse keeps last', () => {
    const text = '{"title": "A", "tags": ["x"], "title": "B"}';
    assert.deepEqual(findDuplicateKeys(text), [{ key: 'title', line: 1, earlier: 'A', value: 'B' }]);
    assert.equal((JSON.parse(text) as { title: string }).title, 'B');
  });

  it('is not misled by quotes, braces, commas and colons inside strings, or by keys of nested objects', () => {
    const text = '{"a": "x\\\\", "b": "}, \\"a\\": 1", "c": {"a": 2, "a": 3}, "d": [{"a": 4}]}';
    assert.deepEqual(JSON.parse(text), { a: 'x\\', b: '}, "a": 1', c: { a: 3 }, d: [{ a: 4 }] });
    assert.deepEqual(findDuplicateKeys(text), []);
  });

  it('compares keys as JSON reads them and counts lines', () => {
    assert.deepEqual(findDuplicateKeys('{\n"title": 1,\n"ti\\u0074le": {"x": [1, 2]}\n}'), [{ key: 'title', line: 3, earlier: 1, value: { x: [1, 2] } }]);
  });

  it('finds nothing in JSON that is not an object', () => {
    for (const text of ['["a", "a"]', '"a"', '1', 'null']) assert.deepEqual(findDuplicateKeys(text), [], text);
  });
});
