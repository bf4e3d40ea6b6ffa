/**
 * The compare view's place in the URL hash: `#view=compare&preset=teaching`, optionally with the
 * phase both runs show and the position in it (`&phase=image&at=50`, percent), so a lecturer can
 * link straight to a moment. Parsing never fails: a bad value becomes a sentence and the default.
 */
import { PHASE_NAMES } from '../../core';
import { readPresetParam } from '../shell/presetParam';

export interface CompareHashState {
  preset: string;
  /** Phase id (index in PHASE_NAMES), or null for the first. */
  phase: number | null;
  /** Position in the phase, 0–1, or null for its start. */
  at: number | null;
}

export function isCompareHash(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).get('view') === 'compare';
}

export function parseCompareHash(
  hash: string,
  presets: readonly string[],
  fallback: string,
): { state: CompareHashState; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const preset = readPresetParam(params, presets, fallback, 'comparing', problems);
  let phase: number | null = null;
  const ph = params.get('phase');
  if (ph !== null) {
    const i = PHASE_NAMES.findIndex((n) => n === ph);
    if (i >= 0) phase = i;
    else
      problems.push(
        `The link’s phase “${ph}” is not one of ${PHASE_NAMES.join(', ')}; starting at the first.`,
      );
  }
  let at: number | null = null;
  const a = params.get('at');
  if (a !== null) {
    if (/^\d{1,3}(\.\d+)?$/.test(a) && Number(a) <= 100) at = Number(a) / 100;
    else problems.push(`The link’s position “${a}” is not a percentage; starting at 0%.`);
  }
  return { state: { preset, phase, at }, problems };
}

export function formatCompareHash(state: CompareHashState): string {
  const parts = ['view=compare', `preset=${encodeURIComponent(state.preset)}`];
  if (state.phase !== null && state.phase > 0) parts.push(`phase=${PHASE_NAMES[state.phase]}`);
  if (state.at !== null && state.at > 0) parts.push(`at=${Math.round(state.at * 100)}`);
  return `#${parts.join('&')}`;
}
