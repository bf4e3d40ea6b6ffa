/**
 * Turning valibot issues into the project's rejection: one line, "field: what is wrong and what to
 * do", plus the field's path and (for text the user typed) the character offset, so an editor can
 * underline it.
 */
import * as v from 'valibot';
import { oneLine } from './text';

/** One rejected input: the whole message, the field it is about, and where in that field's text. */
export interface Rejection {
  /** One line, starting with the field: `constants.pagesForIo: unknown field; …`. */
  message: string;
  /** The field's path, `zones[1].pages`; the root label when the input as a whole is wrong. */
  field: string;
  /** Character offset in the field's text (layouts, JSON text), when there is one. */
  index?: number;
  /** How many characters from `index` are wrong (at least 1 when index is set). */
  length?: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `constants.pagesForIo`, `zones[1].pages`, `["odd key"]`; `root` for the input itself. */
export function fieldOf(issue: v.BaseIssue<unknown>, root: string): string {
  let out = '';
  for (const item of issue.path ?? []) {
    if (!('key' in item)) continue;
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENT.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? root : out;
}

/** The first issue as a one-line rejection. */
export function rejectionOf(issues: readonly v.BaseIssue<unknown>[], root: string): Rejection {
  const issue = issues[0];
  const field = fieldOf(issue, root);
  return { message: oneLine(`${field}: ${issue.message}`), field };
}

export type Checked<T> =
  { ok: true; value: T } | { ok: false; error: string; rejection: Rejection };

/**
 * Validates `input` against `schema`, stopping at the first problem. Never throws: a schema that
 * throws (a bug) still comes back as a rejection.
 */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  root: string,
): Checked<v.InferOutput<S>> {
  try {
    const result = v.safeParse(schema, input, { abortEarly: true, abortPipeEarly: true });
    if (result.success) return { ok: true, value: result.output };
    const rejection = rejectionOf(result.issues, root);
    return { ok: false, error: rejection.message, rejection };
  } catch (e) {
    const message = oneLine(
      `${root}: could not be checked (${e instanceof Error ? e.message : String(e)})`,
    );
    return { ok: false, error: message, rejection: { message, field: root } };
  }
}
