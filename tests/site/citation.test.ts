// BibTeX escaping for the "cite this article" block: LaTeX's special characters become commands,
// so any headline gives an entry whose braces balance.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeBibtex } from '../../src/site/citation.ts';

describe('escapeBibtex', () => {
  it('escapes each of the ten LaTeX special characters', () => {
    assert.equal(escapeBibtex('\\ { } % & $ # _ ^ ~'), '\\textbackslash{} \\{ \\} \\% \\& \\$ \\# \\_ \\textasciicircum{} \\textasciitilde{}');
  });

  it('leaves ordinary text, quotes and non-Latin scripts alone', () => {
    assert.equal(escapeBibtex('O’Brien said "yes" — افتتاح مكتبة'), 'O’Brien said "yes" — افتتاح مكتبة');
  });

  it('folds line breaks and control characters into single spaces', () => {
    assert.equal(escapeBibtex(' one\n\ttwo\u0001three '), 'one two three');
  });
});
