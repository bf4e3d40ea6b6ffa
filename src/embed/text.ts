/**
 * Echoing what a user or a host sent back in a message: one line, no control characters, never
 * more than a few dozen characters, so a 2 MB value or a terminal escape cannot reach the page.
 */
export function quote(value: unknown, max = 40): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    text = String(value);
  else if (Array.isArray(value)) text = 'a list';
  else if (typeof value === 'object') text = 'an object';
  else text = `a ${typeof value}`;
  let out = '';
  for (const ch of text) {
    if (out.length >= max) return `“${out}…”`;
    const code = ch.codePointAt(0) ?? 0;
    out +=
      code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029
        ? `\\u${code.toString(16).padStart(4, '0')}`
        : ch;
  }
  return `“${out}”`;
}
