// Progress on long builds: per stage, how many items are done and about how long is left. On a
// terminal one line on stderr is redrawn in place; elsewhere (CI logs, pipes) a plain line is
// printed now and then; under --quiet nothing at all.

export type ProgressMode = 'tty' | 'plain' | 'quiet';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Milliseconds between plain lines (a terminal line is redrawn at most every 100 ms). */
  intervalMs?: number;
  now?: () => number;
  /** Calls `beat` every `ms` until stopped; for tests (by default a timer that keeps no process alive). */
  every?: (ms: number, beat: () => void) => { stop(): void };
}

/** Milliseconds between redraws of a terminal line when nothing is done (the time left counts down). */
const TTY_HEARTBEAT_MS = 1000;

function everyUnref(ms: number, beat: () => void): { stop(): void } {
  const timer = setInterval(beat, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** `BROADSHEET_PROGRESS=tty|plain|quiet` overrides the choice (for CI logs and for tests). */
export function chooseProgressMode(quiet: boolean, stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): ProgressMode {
  if (quiet) return 'quiet';
  const forced = env.BROADSHEET_PROGRESS;
  if (forced === 'tty' || forced === 'plain' || forced === 'quiet') return forced;
  const chosen = stream.isTTY ? 'tty' : 'plain';
  // A misspelt value (`Quiet`, `none`) would otherwise be ignored without a word.
  if (forced !== undefined && forced !== '') stream.write(`BROADSHEET_PROGRESS=${JSON.stringify(forced)} is not tty, plain or quiet: ignored (progress is shown as ${chosen}).\n`);
  return chosen;
}

/**
 * Share of a stage's items done before the time left is estimated: from the first item alone, a
 * render whose first page came after Eleventy's set-up (6 s) promised 352 minutes for a 9 s render.
 */
const ESTIMATE_AFTER_SHARE = 0.05;

/** Terminal width when the terminal reports none (0 under script(1) and some CI terminals). */
const DEFAULT_COLUMNS = 80;

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

export class Progress {
  private stage: string | undefined;
  private unit = '';
  private done = 0;
  private total: number | undefined;
  private started = 0;
  /** When the stage's first item was done, and how many were done then: the pace is measured from there, past the stage's set-up. */
  private first: { at: number; done: number } | undefined;
  private lastShown = 0;
  /** When the last item was done, and the time left estimated then. */
  private lastTick: { at: number; secondsLeft: number | undefined } | undefined;
  /** Shows the line while nothing is done: a search part or Eleventy's set-up can take a minute without an item. */
  private heartbeat: { stop(): void } | undefined;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly every: (ms: number, beat: () => void) => { stop(): void };

  constructor(
    readonly mode: ProgressMode,
    private readonly stream: ProgressStream = process.stderr,
    options: ProgressOptions = {},
  ) {
    const fromEnv = Number(process.env.BROADSHEET_PROGRESS_INTERVAL_MS);
    this.intervalMs = options.intervalMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 5000);
    this.now = options.now ?? (() => performance.now());
    this.every = options.every ?? everyUnref;
  }

  /** A stage begins; `total` may be unknown yet (see setTotal). */
  start(stage: string, unit: string, total?: number): void {
    this.end();
    this.stage = stage;
    this.unit = unit;
    this.done = 0;
    this.total = total;
    this.started = this.now();
    this.first = undefined;
    this.lastTick = undefined;
    this.lastShown = this.started;
    if (this.mode === 'plain') this.stream.write(`${stage}: ${total === undefined ? '' : `${total} ${unit} `}started\n`);
    else if (this.mode === 'tty') this.draw();
    if (this.mode !== 'quiet') this.heartbeat = this.every(this.mode === 'tty' ? TTY_HEARTBEAT_MS : this.intervalMs, () => this.beat());
  }

  /** The line again while nothing is done: on a terminal with the time left counted down, in a log once per interval. */
  private beat(): void {
    if (this.stage === undefined) return;
    const now = this.now();
    if (this.mode === 'tty') {
      this.lastShown = now;
      this.draw();
    } else if (this.mode === 'plain' && now - this.lastShown >= this.intervalMs) {
      this.lastShown = now;
      this.stream.write(`${this.describe()}\n`);
    }
  }

  setTotal(total: number): void {
    this.total = total;
  }

  /** `count` more items done (or, with `absolute`, exactly that many done). */
  tick(count = 1, absolute = false): void {
    if (this.stage === undefined || this.mode === 'quiet') return;
    this.done = absolute ? count : this.done + count;
    const now = this.now();
    if (this.first === undefined && this.done > 0) this.first = { at: now, done: this.done };
    this.lastTick = { at: now, secondsLeft: this.paceSecondsLeft(now) };
    if (this.mode === 'tty' && now - this.lastShown >= 100) {
      this.lastShown = now;
      this.draw();
    } else if (this.mode === 'plain' && now - this.lastShown >= this.intervalMs && (this.total === undefined || this.done < this.total)) {
      this.lastShown = now;
      this.stream.write(`${this.describe()}\n`);
    }
  }

  /** The current stage is over: a closing plain line, or the terminal line cleared. */
  end(): void {
    if (this.stage === undefined) return;
    this.heartbeat?.stop();
    this.heartbeat = undefined;
    const seconds = (this.now() - this.started) / 1000;
    if (this.mode === 'plain') this.stream.write(`${this.stage}: ${this.done} ${this.unit} in ${seconds.toFixed(1)} s\n`);
    else if (this.mode === 'tty') this.stream.write('\r\x1b[2K');
    this.stage = undefined;
  }

  /** `render: 4000/10502 pages (38%), about 12 s left` */
  describe(): string {
    const counts = this.total === undefined ? `${this.done} ${this.unit}` : `${this.done}/${this.total} ${this.unit} (${Math.floor((100 * this.done) / Math.max(1, this.total))}%)`;
    const left = this.secondsLeft();
    return `${this.stage ?? ''}: ${counts}${left === undefined ? '' : `, about ${formatSeconds(left)} left`}`;
  }

  /**
   * The time left as estimated when the last item was done, less the time since: it counts down
   * while a long item runs, and says nothing once that runs past the estimate.
   */
  private secondsLeft(): number | undefined {
    if (this.lastTick?.secondsLeft === undefined) return undefined;
    const left = this.lastTick.secondsLeft - (this.now() - this.lastTick.at) / 1000;
    return left > 0 ? left : undefined;
  }

  /**
   * The time left at the pace since the first item was done, once a few percent are: the set-up
   * before the first item (Eleventy's, a worker's start) says nothing of the pace, and a pace
   * from one or two items is mostly noise. Undefined when there is nothing sensible to say.
   */
  private paceSecondsLeft(now: number): number | undefined {
    const { total, first, done } = this;
    if (total === undefined || first === undefined || done >= total || done < total * ESTIMATE_AFTER_SHARE || done <= first.done) return undefined;
    const perItem = (now - first.at) / 1000 / (done - first.done);
    return Number.isFinite(perItem) && perItem >= 0 ? perItem * (total - done) : undefined;
  }

  private draw(): void {
    // `||`, not `??`: a terminal that does not know its size reports 0 columns.
    const width = Math.max(20, (this.stream.columns || DEFAULT_COLUMNS) - 1);
    this.stream.write(`\r\x1b[2K${this.describe().slice(0, width)}`);
  }
}

/** A progress display that shows nothing, for library callers. */
export const silentProgress = (): Progress => new Progress('quiet');
