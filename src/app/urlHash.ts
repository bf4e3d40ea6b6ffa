/**
 * The step view's state in the URL hash, so a link reopens exactly what was on screen:
 *
 *   #preset=teaching&step=40                      a preset at a step
 *   #scenario=<deflated JSON>&model=…&step=…      a scenario of one's own (core/scenario/link.ts)
 *   &overlays=orig,copy   &embed=1   &origins=https://docs.example.org
 *
 * Parsing never fails: a bad value becomes one short sentence (the value quoted, cut and escaped)
 * and the default. `view=compare` belongs to the compare view (src/ui/compare/compareHash.ts).
 */
import { MODELS, Schema, decodeScenarioParam, encodeScenarioParam, parseScenario } from '../core';
import type { ModelId } from '../core';
import { OVERLAYS } from '../render';
import type { OverlayKey } from '../render';
import { readPresetParam } from '../ui/shell/presetParam';

export interface HashState {
  preset: string;
  /** A scenario document of one's own (wins over `preset`), or null. */
  scenario: unknown;
  /** The kernel model, or null for the scenario's own. */
  model: ModelId | null;
  /** The requested step, or null for "start at 0". */
  step: number | null;
  embed: boolean;
  /** Grid overlays shown, in OVERLAYS order. */
  overlays: OverlayKey[];
  /** The `origins=` value as written (checked by the host bridge), or null. */
  origins: string | null;
}

export interface ParsedHash {
  state: HashState;
  /** Sentences for the user about values that were ignored. */
  problems: string[];
}

const OVERLAY_KEYS = OVERLAYS.map((o) => o.key);

export interface ParseOptions {
  embedByDefault?: boolean;
  /** The step shown now when the address bar is edited (a bad step keeps it), else null. */
  current?: number | null;
}

export function parseHash(
  hash: string,
  presets: readonly string[],
  fallback: string,
  { embedByDefault = false, current = null }: ParseOptions = {},
): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const q = (s: string) => `“${Schema.escapeControls(Schema.truncate(s))}”`;

  let scenario: unknown = null;
  const sc = params.get('scenario');
  if (sc !== null) {
    const decoded = decodeScenarioParam(sc);
    if (!decoded.ok) problems.push(`${decoded.error} Showing “${fallback}” instead.`);
    else {
      const parsed = parseScenario(decoded.doc);
      if (parsed.ok) scenario = decoded.doc;
      else
        problems.push(
          `The link’s scenario is not valid: ${parsed.error} Showing “${fallback}” instead.`,
        );
    }
  }
  const preset = readPresetParam(params, presets, fallback, 'showing', problems);

  let step: number | null = null;
  const s = params.get('step');
  const keep = current === null ? 'starting at step 0' : `staying at step ${current}`;
  if (s !== null) {
    if (/^\d{1,9}$/.test(s.trim())) step = Number(s.trim());
    else {
      problems.push(`The link’s step ${q(s)} is not a step number; ${keep}.`);
      step = current;
    }
  }

  let model: ModelId | null = null;
  const m = params.get('model');
  if (m !== null) {
    const known = MODELS.find((id) => id === m);
    if (known) model = known;
    else
      problems.push(
        `The link’s model ${q(m)} is not one of ${MODELS.join(', ')}; using the scenario’s own.`,
      );
  }

  const e = params.get('embed');
  const embed = e === null ? embedByDefault : e === '1' || e === 'true';
  if (e !== null && !embed && e !== '0' && e !== 'false')
    problems.push(`The link’s embed value ${q(e)} is not 1 or 0; showing the full page.`);

  const overlays: OverlayKey[] = [];
  const o = params.get('overlays');
  if (o !== null) {
    const asked = o.split(',').filter(Boolean);
    const unknown = asked.filter((k) => !OVERLAY_KEYS.some((key) => key === k));
    for (const key of OVERLAY_KEYS) if (asked.includes(key)) overlays.push(key);
    if (unknown.length)
      problems.push(
        `The link’s overlay ${q(unknown[0])} is not one of ${OVERLAY_KEYS.join(', ')}; it is left off.`,
      );
  }

  const v = params.get('view');
  if (v !== null && v !== 'step' && v !== 'compare')
    problems.push(`The link’s view ${q(v)} is not “step” or “compare”; showing the step view.`);

  return {
    state: { preset, scenario, model, step, embed, overlays, origins: params.get('origins') },
    problems,
  };
}

export function formatHash(state: HashState): string {
  const parts =
    state.scenario !== null
      ? [`scenario=${encodeScenarioParam(state.scenario)}`]
      : [`preset=${encodeURIComponent(state.preset)}`];
  if (state.model !== null) parts.push(`model=${state.model}`);
  if (state.step !== null) parts.push(`step=${state.step}`);
  if (state.overlays.length) parts.push(`overlays=${state.overlays.join(',')}`);
  if (state.embed) parts.push('embed=1');
  if (state.origins !== null) parts.push(`origins=${encodeURIComponent(state.origins)}`);
  return `#${parts.join('&')}`;
}
