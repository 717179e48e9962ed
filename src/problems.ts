// Problems are values, not exceptions: every stage collects them and the CLI prints them at the end.
// Each names the file (and line where it applies), says what is wrong and how to fix it.

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Stable machine-readable code, e.g. `ENCODING_INVALID_UTF8`. Documented in docs/problems.md. */
  code: string;
  severity: Severity;
  /** Path of the file the problem is about, relative to the working directory where possible. */
  file: string;
  /** 1-based line number, when the problem is about one line. */
  line?: number;
  message: string;
  hint: string;
}

export type ProblemInput = Omit<Problem, 'severity'>;

/** Collects problems from one run. Order of insertion is kept; `sorted()` gives a deterministic order. */
export class ProblemLog {
  readonly problems: Problem[] = [];

  error(problem: ProblemInput): void {
    this.problems.push({ ...problem, severity: 'error' });
  }

  warn(problem: ProblemInput): void {
    this.problems.push({ ...problem, severity: 'warning' });
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length;
  }

  get warningCount(): number {
    return this.problems.filter((p) => p.severity === 'warning').length;
  }

  sorted(): Problem[] {
    return [...this.problems].sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        compareText(a.code, b.code) ||
        compareText(a.message, b.message),
    );
  }
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `path:line  message (CODE)` then the hint, as the CLI prints it. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}  ${problem.severity}: ${problem.message} (${problem.code})\n    ${problem.hint}`;
}
