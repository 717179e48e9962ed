// Where a JSON text first goes wrong, so that a broken sidecar's message names the line and
// column: JSON.parse's own message names a position for some mistakes only (not for `["x",]`).

/** A number, `true`, `false` or `null`, matched where a value starts. */
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const ESCAPED = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The offset of the first character at which `text` stops being JSON (its length, when it ends
 * too soon), or -1 when it is JSON. Only called once JSON.parse has refused a text; containers are
 * kept on a stack, not in recursion, so deep nesting cannot overflow.
 */
export function findJsonError(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  // At a `"`: true past the string's end, false at its first wrong character.
  const readString = (): boolean => {
    i++;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i++;
        return true;
      }
      if (char < ' ') return false;
      if (char !== '\\') i++;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (text[i + 1] !== 'u' && ESCAPED.has(text[i + 1] ?? '')) i += 2;
      else return false;
    }
    return false;
  };
  const readKey = (): boolean => {
    if (text[i] !== '"' || !readString()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    // A value starts here.
    skipSpace();
    const char = text[i];
    if (char === '{' || char === '[') {
      i++;
      skipSpace();
      if (text[i] === (char === '{' ? '}' : ']')) {
        i++;
      } else {
        stack.push(char);
        if (char === '{' && !readKey()) return i;
        continue;
      }
    } else if (char === '"') {
      if (!readString()) return i;
    } else {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(text)) return i;
      i = LITERAL.lastIndex;
    }
    // A value ended: close containers, or go on after a comma.
    for (;;) {
      skipSpace();
      const open = stack.at(-1);
      if (open === undefined) return i === text.length ? -1 : i;
      if (text[i] === ',') {
        i++;
        skipSpace();
        if (open === '{' && !readKey()) return i;
        break;
      }
      if (text[i] !== (open === '{' ? '}' : ']')) return i;
      stack.pop();
      i++;
    }
  }
}

/**
 * The 1-based line and column of the first mistake in `text`, which JSON.parse refused; a text
 * that ends too soon is placed at the end of its last line that is not blank.
 */
export function locateJsonError(text: string): { line: number; column: number } | undefined {
  const offset = findJsonError(text);
  if (offset === -1) return undefined;
  const at = offset >= text.length ? text.trimEnd().length : offset;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < lineStart; newline = text.indexOf('\n', newline + 1)) line++;
  return { line, column: [...text.slice(lineStart, at)].length + 1 };
}
