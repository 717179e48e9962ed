// What the terminal shows of a build's problems. A large archive can have thousands of one kind
// (every file of a checkout dated by its modification time, say), and a wall of near-identical
// lines hides the one problem that is different. So past a few of one kind the rest are counted,
// not printed; the report (--report FILE) and --all-problems still give every one.

import { formatProblem, printable, type Problem, type Severity } from '../problems.ts';

/** Problems of one code printed in full before the rest of that code are counted. */
export const PROBLEMS_SHOWN_PER_CODE = 10;

/** Folding fewer than this many lines would save less than the summary line costs to read. */
const FOLD_AT_LEAST = 3;

export interface FoldedProblems {
  code: string;
  severity: Severity;
  /** How many of this code were not printed. */
  count: number;
  /** The hint of the first one not printed: problems of one code share the remedy. */
  hint: string;
}

export interface ProblemDigest {
  shown: Problem[];
  folded: FoldedProblems[];
}

/**
 * `sorted` (in the order to print) with, of each code and severity, the problems after the first
 * `perCode` counted instead of shown, unless that would leave out only a few.
 */
export function digestProblems(sorted: readonly Problem[], perCode = PROBLEMS_SHOWN_PER_CODE): ProblemDigest {
  const counts = new Map<string, number>();
  for (const problem of sorted) {
    const kind = kindOf(problem);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const folded = new Map<string, FoldedProblems>();
  const shown: Problem[] = [];
  for (const problem of sorted) {
    const kind = kindOf(problem);
    const position = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, position);
    if (position <= perCode || counts.get(kind)! - perCode < FOLD_AT_LEAST) {
      shown.push(problem);
      continue;
    }
    const group = folded.get(kind);
    if (group) group.count += 1;
    else folded.set(kind, { code: problem.code, severity: problem.severity, count: 1, hint: problem.hint });
  }
  return { shown, folded: [...folded.values()] };
}

/** The line that stands for the problems of one code not printed. */
export function formatFolded(group: FoldedProblems): string {
  const kind = `${group.severity}${group.count === 1 ? '' : 's'}`;
  return (
    `... and ${group.count.toLocaleString('en')} more ${group.code} ${kind}, not shown ` +
    `(--report FILE lists every problem; --all-problems prints them all)\n    ${printable(group.hint)}`
  );
}

/** The text to print: every problem when `all`, otherwise the digest, folded kinds last. */
export function problemsText(sorted: readonly Problem[], all: boolean): string {
  if (all) return sorted.map((problem) => `${formatProblem(problem)}\n`).join('');
  const { shown, folded } = digestProblems(sorted);
  return [...shown.map(formatProblem), ...folded.map(formatFolded)].map((line) => `${line}\n`).join('');
}

function kindOf(problem: Problem): string {
  return `${problem.severity} ${problem.code}`;
}
