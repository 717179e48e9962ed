import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestProblems, formatFolded, problemsText } from '../../src/cli/problem-digest.ts';
import type { Problem } from '../../src/problems.ts';

function problem(code: string, file: string, severity: Problem['severity'] = 'warning'): Problem {
  return { code, file, severity, message: `something about ${file}`, hint: `fix ${file}` };
}

const many = (code: string, count: number, severity: Problem['severity'] = 'warning') =>
  Array.from({ length: count }, (_, n) => problem(code, `inbox/${code.toLowerCase()}-${String(n).padStart(3, '0')}.txt`, severity));

describe('problem digest', () => {
  it('shows the first ten of a kind and counts the rest, each kind on its own', () => {
    const sorted = [...many('DATE_FROM_FILE_TIME', 25), ...many('ARTICLE_EMPTY', 2, 'error')];
    const { shown, folded } = digestProblems(sorted);
    assert.deepEqual(
      shown.map((p) => p.file),
      [...sorted.slice(0, 10), ...sorted.slice(25)].map((p) => p.file),
    );
    assert.deepEqual(folded, [{ code: 'DATE_FROM_FILE_TIME', severity: 'warning', count: 15, hint: 'fix inbox/date_from_file_time-010.txt' }]);
  });

  it('keeps errors and warnings of one code apart', () => {
    const sorted = [...many('SLUG_COLLISION', 12, 'error'), ...many('SLUG_COLLISION', 12, 'warning')];
    const { folded } = digestProblems(sorted, 5);
    assert.deepEqual(
      folded.map(({ severity, count }) => ({ severity, count })),
      [
        { severity: 'error', count: 7 },
        { severity: 'warning', count: 7 },
      ],
    );
  });

  it('prints a kind whole when only one or two would be folded', () => {
    assert.equal(digestProblems(many('X', 12)).shown.length, 12);
    assert.equal(digestProblems(many('X', 13)).shown.length, 10);
  });

  it('prints everything when asked, and nothing for no problems', () => {
    const sorted = many('DATE_FROM_FILE_TIME', 30);
    assert.equal(problemsText(sorted, true).split('\n').filter((line) => line.endsWith('(DATE_FROM_FILE_TIME)')).length, 30);
    assert.equal(problemsText([], false), '');
  });

  it('says how many were left out, how to see them, and how to fix them', () => {
    const text = formatFolded({ code: 'DATE_FROM_FILE_TIME', severity: 'warning', count: 1397, hint: 'Add a date line.' });
    assert.equal(text, '... and 1,397 more DATE_FROM_FILE_TIME warnings, not shown (--report FILE lists every problem; --all-problems prints them all)\n    Add a date line.');
    assert.match(formatFolded({ code: 'ARTICLE_EMPTY', severity: 'error', count: 1, hint: 'h' }), /1 more ARTICLE_EMPTY error,/);
  });
});
