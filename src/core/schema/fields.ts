/**
 * Reusable valibot building blocks for every boundary that takes data from outside (scenario
 * files, the URL hash, host messages, tag attributes, worker messages). Each one writes its own
 * one-line message, so a rejection reads the same wherever it comes from.
 */
import * as v from 'valibot';
import { closest, didYouMean } from './suggest';
import { describeValue } from './text';

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  return last && 'key' in last ? String(last.key) : '';
}

/**
 * An object with exactly these fields. An unknown field is rejected with the closest known name
 * ("pagesForIO" → "pagesForIo"); `what` names the object in "expected …" messages; `missing`
 * overrides the message for a required field that is absent.
 */
export function fields<E extends v.ObjectEntries>(
  entries: E,
  what: string,
  missing: Partial<Record<keyof E & string, string>> = {},
  ifNull?: string,
) {
  const names = Object.keys(entries);
  const known = names.map((n) => `"${n}"`).join(', ');
  const inner = v.strictObject(entries, (issue) => {
    const key = keyOf(issue);
    if (issue.expected === 'never') {
      const hint = didYouMean(key, names);
      return hint !== '' ? `unknown field${hint}` : `unknown field; ${what} has only ${known}`;
    }
    return missing[key as keyof E & string] ?? `missing; ${what} needs it`;
  });
  return v.pipe(
    v.custom<v.InferInput<typeof inner>>(isRecord, (issue) =>
      issue.input === null && ifNull !== undefined
        ? ifNull
        : `expected ${what}, got ${describeValue(issue.input)}`,
    ),
    inner,
  );
}

/** One of a fixed set of strings; a near miss gets "did you mean". */
export function oneOf<const T extends readonly [string, ...string[]]>(options: T, ifNull?: string) {
  const list = options.map((o) => `"${o}"`).join(', ');
  return v.picklist(options, (issue) => {
    if (issue.input === null && ifNull !== undefined) return ifNull;
    const got = describeValue(issue.input);
    const near = typeof issue.input === 'string' ? closest(issue.input, options) : undefined;
    return near !== undefined
      ? `expected one of ${list}, got ${got}; did you mean "${near}"?`
      : `expected one of ${list}, got ${got}`;
  });
}

export interface WholeNumberOptions {
  min: number;
  max: number;
  /** Appended to "a whole number": " of pages", say. */
  unit?: string;
  /** Said instead when the value is null (where null has no meaning for the field). */
  ifNull?: string;
  /** Appended to the message after "; ": what else the user may do. */
  hint?: string;
}

/** An integer in [min, max]; the message says the range and what was given. */
export function wholeNumber({ min, max, unit = '', ifNull, hint }: WholeNumberOptions) {
  const range = `${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const tail = hint === undefined ? '' : `; ${hint}`;
  const message = (issue: v.BaseIssue<unknown>) =>
    issue.input === null && ifNull !== undefined
      ? ifNull
      : `expected a whole number${unit} from ${range}, got ${describeValue(issue.input)}${tail}`;
  return v.pipe(
    v.number(message),
    v.integer(message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

export interface TextOptions {
  /** Longest accepted length in characters. */
  max: number;
  /** What the text is, for "expected …". */
  what?: string;
  ifNull?: string;
}

/** A string of at most `max` characters. */
export function text({ max, what = 'a string', ifNull }: TextOptions) {
  return v.pipe(
    v.string((issue) =>
      issue.input === null && ifNull !== undefined
        ? ifNull
        : `expected ${what}, got ${describeValue(issue.input)}`,
    ),
    v.maxLength(
      max,
      (issue) =>
        `is ${issue.input.length.toLocaleString('en-US')} characters long; the limit is ${max.toLocaleString('en-US')}`,
    ),
  );
}

/** true or false. */
export function flag(ifNull?: string) {
  return v.boolean((issue) =>
    issue.input === null && ifNull !== undefined
      ? ifNull
      : `expected true or false, got ${describeValue(issue.input)}`,
  );
}
