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

// Characters a terminal acts on rather than shows: C0 controls (a newline or carriage return
// breaks the `path:line` layout, ESC starts a sequence that can recolour or clear the screen), DEL,
// C1 controls, bidirectional overrides, isolates and marks (they reorder what follows) and the line and
// paragraph separators. File names may hold any of them; so may headlines and sidecar values.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every character a terminal would act on written as an escape (`\n`, `\x1b`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** `path:line  message (CODE)` then the hint, as the CLI prints it, on exactly two lines. */
export function formatProblem(problem: Problem): string {
  const file = printable(problem.file);
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return `${where}  ${problem.severity}: ${printable(problem.message)} (${problem.code})\n    ${printable(problem.hint)}`;
}
