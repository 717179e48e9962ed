// Finds keys given twice in a JSON object (`{"title": "A", "title": "B"}`). JSON.parse keeps the
// last without a word, so a sidecar's first value would vanish unseen; this scanner reads the
// text itself, and only the top-level object's keys, which are the sidecar's fields.

export interface DuplicateKey {
  key: string;
  /** 1-based line of the repeated key within the text (1 for a meta.jsonl line). */
  line: number;
  /** The value given before, and the one given here (which JSON.parse keeps). */
  earlier: unknown;
  value: unknown;
}

/** The index just past the string starting at `start` (a `"`), in valid JSON. */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The key written from `start` (its `"`) to `end`, as JSON.parse reads it; most hold no escape, and need no parse. */
function keyName(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

/**
 * Each key of the top-level object that repeats an earlier one, with both values, in order.
 * `text` must be valid JSON (JSON.parse has accepted it). Keys are compared as JSON.parse reads
 * them, so `"ti\u0074le"` repeats `"title"`.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  return scanKeys(text).duplicates;
}

/**
 * The 1-based line of each key of the top-level object (of the last, for a key given twice), so
 * that a problem with a NAME.json's value can name the line where it is written.
 */
export function findKeyLines(text: string): Map<string, number> {
  return scanKeys(text).lines;
}

function scanKeys(text: string): { duplicates: DuplicateKey[]; lines: Map<string, number> } {
  const lines = new Map<string, number>();
  if (!/^\s*\{/.test(text)) return { duplicates: [], lines };
  // Where each key's value is in the text: values are parsed only for a key that repeats.
  const seen = new Map<string, [number, number]>();
  const found: DuplicateKey[] = [];
  let depth = 0;
  let line = 1;
  let key: { name: string; line: number } | undefined;
  let valueStart = -1;
  const endValue = (end: number) => {
    if (key === undefined || valueStart === -1) return;
    const earlier = seen.get(key.name);
    if (earlier) found.push({ key: key.name, line: key.line, earlier: JSON.parse(text.slice(...earlier)), value: JSON.parse(text.slice(valueStart, end)) });
    seen.set(key.name, [valueStart, end]);
    key = undefined;
    valueStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      // At the top level, a string before the `:` is a key; one after it is a value.
      if (depth === 1 && key === undefined) {
        key = { name: keyName(text, i, end), line };
        lines.set(key.name, line);
      }
      i = end - 1;
    } else if (char === '\n') {
      line++;
    } else if (char === ':' && depth === 1) {
      valueStart = i + 1;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      if (depth === 1) endValue(i);
      depth--;
    } else if (char === ',' && depth === 1) {
      endValue(i);
    }
  }
  return { duplicates: found, lines };
}
