/**
 * Text for messages that may quote what a user typed. A message is one line and never carries a
 * raw control character: terminals act on them (one escape sequence retitles the window) and a
 * newline would split the message.
 */

/** Longest quoted value, in characters, before it is cut with an ellipsis. */
export const QUOTE_MAX = 40;

// C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional overrides and
// isolates (they reorder what a reader sees), zero-width characters and the byte order mark.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** The text on one line with every control or invisible formatting character written as an escape. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Cuts `text` to `max` characters (never inside a surrogate pair), marking the cut with "…". */
export function truncate(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A string in double quotes, cut and escaped: safe to put in a one-line message. */
export function quote(text: string, max = QUOTE_MAX): string {
  return `"${escapeControls(truncate(text, max))}"`;
}

/** What a value is, for "got …" in a message: short, escaped, never the whole of a big value. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return value.length > QUOTE_MAX
        ? `${quote(value)} (${value.length.toLocaleString('en-US')} characters)`
        : quote(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A message made safe to print: one line, control characters escaped, not absurdly long. */
export function oneLine(message: string, max = 1000): string {
  return escapeControls(truncate(message, max));
}
