// Makes a line of article text inert as markdown: whatever it contains renders as the same
// characters, never as markup, a link, an entity, HTML or a block construct.

// Characters that can start inline markup anywhere in a line. Backslash-escaping ASCII
// punctuation is always literal in CommonMark, so over-escaping never changes the text.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

// Constructs that only act at the start of a line: headings, quotes, lists, thematic breaks,
// setext underlines, fenced code, footnote-like and definition-like starts.
const BLOCK_START = /^([#>+=:-]|\d{1,9}[.)])/;

export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

// A run of `#` at the end of a line: after a space, a heading's optional closing sequence, which
// markdown drops ("Results Of The Vote #"). Its first `#` escaped, the run is text.
const TRAILING_HASHES = /#(?=#*$)/;

export function escapeMarkdownLine(line: string): string {
  const escaped = escapeMarkdownInline(line.trim()).replace(TRAILING_HASHES, '\\#');
  const start = BLOCK_START.exec(escaped);
  if (!start) return escaped;
  const marker = start[1]!;
  // `12.` → `12\.`; `#` → `\#`.
  return /^\d/.test(marker)
    ? `${marker.slice(0, -1)}\\${marker.slice(-1)}${escaped.slice(marker.length)}`
    : `\\${escaped}`;
}

/**
 * A paragraph's text made inert, each of its lines as escapeMarkdownLine makes it, with a line
 * break the source kept (`\n`: a table, a verse, an address) written as markdown's hard break, a
 * backslash at the end of the line, which renders as `<br>` and survives an editor that trims
 * trailing spaces.
 */
export function escapeMarkdownParagraph(text: string): string {
  return text.includes('\n') ? text.split('\n').map(escapeMarkdownLine).join('\\\n') : escapeMarkdownLine(text);
}
