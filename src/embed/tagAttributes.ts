/**
 * The `<swsusp-viz>` tag's attributes, checked before they reach the frame: a value out of range
 * is clamped, one that is not a value at all falls back to the default, and either way the tag
 * says so in one line.
 */
import * as v from 'valibot';
import { quote } from './text';

export const DEFAULT_HEIGHT = 620;
export const MIN_HEIGHT = 240;
export const MAX_HEIGHT = 2000;
const MAX_STEP = 1_000_000_000;

export interface TagAttributes {
  preset: string | null;
  model: string | null;
  step: number | null;
  height: number;
  title: string | null;
  /** Forwarded to the frame's `origins=` (origins allowed to drive it besides the host page). */
  origins: string | null;
}

export interface ReadAttributes {
  attrs: TagAttributes;
  problems: string[];
}

const Decimal = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/),
  v.transform(Number),
  v.finite(),
);
const Name = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9._-]{1,64}$/));

export function readTagAttributes(get: (name: string) => string | null): ReadAttributes {
  const problems: string[] = [];
  const attrs: TagAttributes = {
    preset: null,
    model: null,
    step: null,
    height: DEFAULT_HEIGHT,
    title: null,
    origins: null,
  };

  for (const key of ['preset', 'model'] as const) {
    const raw = get(key);
    if (raw === null) continue;
    const r = v.safeParse(Name, raw);
    if (r.success) attrs[key] = r.output;
    else
      problems.push(
        `${key}=${quote(raw)} is not a ${key} name; using the ${key === 'preset' ? 'default scenario' : 'scenario’s own model'}.`,
      );
  }

  const step = get('step');
  if (step !== null) {
    const r = v.safeParse(Decimal, step);
    if (!r.success || !Number.isInteger(r.output))
      problems.push(`step=${quote(step)} is not a step number (0, 1, 2, …); starting at step 0.`);
    else if (r.output < 0)
      problems.push(`step=${quote(step)} is before the first step; starting at step 0.`);
    else if (r.output > MAX_STEP)
      problems.push(`step=${quote(step)} is past the end of any run; starting at step 0.`);
    else attrs.step = r.output;
  }

  const height = get('height');
  if (height !== null) {
    const r = v.safeParse(Decimal, height.replace(/px$/i, ''));
    if (!r.success)
      problems.push(`height=${quote(height)} is not a number of pixels; using ${DEFAULT_HEIGHT}.`);
    else {
      const h = Math.round(r.output);
      attrs.height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, h));
      if (attrs.height !== h)
        problems.push(
          `height=${quote(height)} is outside ${MIN_HEIGHT}–${MAX_HEIGHT} pixels; using ${attrs.height}.`,
        );
    }
  }

  const title = get('title');
  if (title !== null) attrs.title = title.slice(0, 200);
  const origins = get('origins');
  if (origins !== null) attrs.origins = origins.slice(0, 2000);
  return { attrs, problems };
}

/** The frame's URL: embed.html next to embed.js, the state in the hash. */
export function frameUrl(base: string, attrs: TagAttributes): string {
  const params = new URLSearchParams();
  if (attrs.preset) params.set('preset', attrs.preset);
  if (attrs.model) params.set('model', attrs.model);
  if (attrs.step !== null) params.set('step', String(attrs.step));
  if (attrs.origins) params.set('origins', attrs.origins);
  params.set('embed', '1');
  return `${new URL('embed.html', base).href}#${params.toString()}`;
}
