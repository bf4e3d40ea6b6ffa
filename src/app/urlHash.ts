import { readPresetParam } from '../ui/shell/presetParam';

/**
 * The page state in the URL hash: `#preset=teaching&step=40`, plus `&embed=1` for the embedded
 * view and `&model=linux-2.6.20` to pick the kernel model. Parsing never fails: a bad value becomes
 * a problem sentence and the default.
 */
import { MODELS } from '../core';
import type { ModelId } from '../core';

export interface HashState {
  preset: string;
  /** The kernel model, or null for the scenario's own. */
  model: ModelId | null;
  /** The requested step, or null for "start at 0". */
  step: number | null;
  embed: boolean;
}

export interface ParsedHash {
  state: HashState;
  /** Sentences for the user about values that were ignored. */
  problems: string[];
}

export function parseHash(
  hash: string,
  presets: readonly string[],
  fallback: string,
  embedByDefault = false,
): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const preset = readPresetParam(params, presets, fallback, 'showing', problems);
  let step: number | null = null;
  const s = params.get('step');
  if (s !== null) {
    if (/^\d{1,9}$/.test(s.trim())) step = Number(s.trim());
    else problems.push(`The link’s step “${s}” is not a step number; starting at step 0.`);
  }
  let model: ModelId | null = null;
  const m = params.get('model');
  if (m !== null) {
    const known = MODELS.find((id) => id === m);
    if (known) model = known;
    else
      problems.push(
        `The link’s model “${m}” is not one of ${MODELS.join(', ')}; using the scenario’s own.`,
      );
  }
  const e = params.get('embed');
  const embed = e === null ? embedByDefault : e === '1' || e === 'true';
  if (e !== null && !embed && e !== '0' && e !== 'false')
    problems.push(`The link’s embed value “${e}” is not 1 or 0; showing the full page.`);
  return { state: { preset, model, step, embed }, problems };
}

export function formatHash(state: HashState): string {
  const parts = [`preset=${encodeURIComponent(state.preset)}`];
  if (state.model !== null) parts.push(`model=${state.model}`);
  if (state.step !== null) parts.push(`step=${state.step}`);
  if (state.embed) parts.push('embed=1');
  return `#${parts.join('&')}`;
}
