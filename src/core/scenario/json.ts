/**
 * JSON text to a value, with a syntax error told the same way in every engine: line, column and
 * what was expected, with the offending character escaped (never the raw input, which may hold
 * terminal control sequences). The fast path is JSON.parse; only a failure is located again with
 * jsonc-parser in strict mode, because engines word (and place) their errors differently.
 */
import { visit } from 'jsonc-parser';
import { escapeControls } from '../schema/text';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string; index: number };

// jsonc-parser's ParseErrorCode (a const enum, which isolated modules cannot import).
const EXPECTED: Record<number, string> = {
  1: 'a value (a string, number, object, array, true, false or null)',
  2: 'a number written as JSON writes numbers',
  3: 'a property name in double quotes',
  4: 'a value',
  5: 'a colon after the property name',
  6: 'a comma between values',
  7: 'a closing brace }',
  8: 'a closing bracket ]',
  9: 'the end of the text after the document',
  10: 'no comments (JSON has none)',
  11: 'the end of a comment',
  12: 'the closing quote of a string',
  13: 'more digits',
  14: 'four hex digits after \\u',
  15: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  16: 'no control characters inside a string (write them as escapes such as \\n)',
};

const BOM = 0xfeff;

function lineColumn(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

function found(text: string, index: number): string {
  if (index >= text.length) return 'but the text ends';
  const ch = String.fromCodePoint(text.codePointAt(index) ?? 0);
  return `but found "${escapeControls(ch)}"`;
}

/** jsonc-parser puts a bad character in a string at the string's start: point at the character. */
function firstControl(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) return i;
    if (c === 0x22 && text.charCodeAt(i - 1) !== 0x5c) break;
  }
  return from;
}

/** Where JSON.parse failed, as a message and an offset into `text`. */
function locate(text: string, engineMessage: string): { error: string; index: number } {
  let first: { code: number; offset: number } | undefined;
  try {
    visit(
      text,
      {
        onError: (code, offset) => {
          first ??= { code, offset };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch {
    // Nesting deep enough to exhaust the stack: fall back on the engine's own position.
  }
  if (first) {
    if (first.code === 16) first.offset = firstControl(text, first.offset);
    const what = EXPECTED[first.code] ?? 'valid JSON';
    return {
      error: `not valid JSON at ${lineColumn(text, first.offset)}: expected ${what}, ${found(text, first.offset)}`,
      index: first.offset,
    };
  }
  const m = /at position (\d+)/.exec(engineMessage);
  const index = m ? Number(m[1]) : 0;
  if (text.trim() === '') return { error: 'not valid JSON: the text is empty', index: 0 };
  return { error: `not valid JSON at ${lineColumn(text, index)}`, index };
}

export function parseJson(text: string): JsonResult {
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  const shift = body === text ? 0 : 1;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const where = locate(body, e instanceof Error ? e.message : '');
    return { ok: false, error: where.error, index: where.index + shift };
  }
}
