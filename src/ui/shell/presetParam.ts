import { Schema } from '../../core';
/**
 * The `preset` key of a URL hash, shared by the step view and the compare view: an unknown name
 * becomes a sentence for the user and the fallback, never an error.
 */
export function readPresetParam(
  params: URLSearchParams,
  presets: readonly string[],
  fallback: string,
  doing: 'showing' | 'comparing',
  problems: string[],
): string {
  const p = params.get('preset');
  if (p === null || presets.includes(p)) return p ?? fallback;
  problems.push(
    `The link asks for the scenario “${Schema.escapeControls(Schema.truncate(p))}”, which does not exist; ${doing} “${fallback}” instead.`,
  );
  return fallback;
}
