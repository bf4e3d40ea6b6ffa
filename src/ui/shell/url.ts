/**
 * The page's place in the URL hash, for both pages: one typed view state, one parse, one format,
 * and the one writer of the address bar. Every parameter (README, "Links"):
 *
 *   step page     #preset=teaching&step=40   or   #scenario=<deflated JSON, base64url>&step=40
 *                 (+ &model=linux-2.6.17, &overlays=orig,copy, &present=1, &embed=1,
 *                 &origins=https://docs.example.org)
 *   compare page  #view=compare&preset=teaching   (+ &scenario=…, &phase=image&at=50,
 *                 &models=linux-2.6.20,linux-6.12)
 *
 * Parsing never fails: a value the page cannot use becomes one short sentence for the user (the
 * value quoted, cut and escaped) and the default, or, when the address is edited on a page that
 * already shows something, what it shows. A new key is one field in `ViewState`, one reader in
 * `parseView` and one writer in `formatView`.
 */
import {
  MODELS,
  PHASE_NAMES,
  Schema,
  decodeScenarioParam,
  encodeScenarioParam,
  parseScenario,
  presetNames,
} from '../../core';
import type { ModelId } from '../../core';
import { OVERLAYS } from '../../render';
import type { OverlayKey } from '../../render';
import { DEFAULT_PRESET } from './presets';

export type PageName = 'step' | 'compare';

export interface ViewState {
  view: PageName;
  /** Both pages: the scenario by name (a preset, or `mine-<id>` for a machine saved here). */
  preset: string;
  /** Both pages: a scenario document of one's own (wins over `preset`), or null. */
  scenario: unknown;
  /** Step page: the kernel model, or null for the scenario's own. */
  model: ModelId | null;
  /** Step page: the requested step, or null for "start at 0". */
  step: number | null;
  /** Step page: only the grid, the narration and the controls. */
  embed: boolean;
  /** Step page: the grid's overlays, in OVERLAYS order. */
  overlays: readonly OverlayKey[];
  /** Step page: presentation mode (big type, fewer panels). */
  present: boolean;
  /** Step page: the `origins=` value as written (the host bridge checks it), or null. */
  origins: string | null;
  /** Compare page: the two models compared, oldest first, or null for 2.6.17 ↔ 2.6.20. */
  models: readonly [ModelId, ModelId] | null;
  /**
   * Compare page: the phase both runs show (index in PHASE_NAMES, or PREALLOCATION_PHASE), or
   * null for the first (preallocation when linux-6.12 is one of the pair, else suspend).
   */
  phase: number | null;
  /** Compare page: the position in that phase, 0–1, or null for its start. */
  at: number | null;
}

/** Every field unset: the default page. */
export const EMPTY_VIEW: Omit<ViewState, 'view' | 'preset'> = {
  scenario: null,
  model: null,
  step: null,
  embed: false,
  overlays: [],
  present: false,
  origins: null,
  models: null,
  phase: null,
  at: null,
};

/**
 * The compare page's phase before linux-6.12's freeze (create_basic_memory_bitmaps() and
 * hibernate_preallocate_memory()), which the 2006 kernels do not have: it sorts before suspend.
 */
export const PREALLOCATION_PHASE = -1;
export const PREALLOCATION_NAME = 'preallocation';

/** The models a `models=` value names ("linux-2.6.20,linux-6.12" or "2.6.20,6.12"), oldest first. */
export function readModels(text: string): readonly [ModelId, ModelId] | null {
  const ids = text.split(',').map((t) => {
    const v = t.trim();
    return MODELS.find((id) => id === v || id === `linux-${v}`) ?? null;
  });
  if (ids.length !== 2 || ids[0] === null || ids[1] === null || ids[0] === ids[1]) return null;
  const [a, b] = [ids[0], ids[1]].sort((x, y) => MODELS.indexOf(x) - MODELS.indexOf(y));
  return [a, b];
}

export interface ParsedView {
  state: ViewState;
  /** Sentences for the user about values that were ignored. */
  problems: string[];
}

export interface ParseOptions {
  /** The scenario names a link may ask for (default: the presets). */
  presets?: readonly string[];
  /** The scenario shown when the link names none or an unknown one. */
  fallback?: string;
  /** The embed page: embed mode unless the link says `embed=0`. */
  embedByDefault?: boolean;
  /** Read the hash as this page's, whatever its `view` says (a page given its own link). */
  page?: PageName;
  /**
   * What the page shows now, when the address is edited by hand or by Back: a value it cannot
   * use keeps what is shown (and says so) instead of falling back to the defaults.
   */
  current?: ViewState | null;
}

const OVERLAY_KEYS: readonly OverlayKey[] = OVERLAYS.map((o) => o.key);
/** Picker values and link names of machines saved in a browser (src/ui/editor/machines.ts). */
const SAVED_PREFIX = 'mine-';

/** A value from the link, quoted for a message: at most 40 characters, control bytes escaped. */
function q(text: string): string {
  return `“${Schema.escapeControls(Schema.truncate(text))}”`;
}

/** A message from elsewhere (the scenario validator) put in a notice: one line, cut. */
function clip(text: string, max = 300): string {
  return Schema.escapeControls(Schema.truncate(text.replace(/\s+/g, ' '), max));
}

function paramsOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

/** Which page a hash is for, without reading the rest. */
export function pageOf(hash: string): PageName {
  return paramsOf(hash).get('view') === 'compare' ? 'compare' : 'step';
}

/** How a message names the scenario of a state. */
export function scenarioLabel(state: Pick<ViewState, 'preset' | 'scenario'>): string {
  if (state.scenario === null) return `“${state.preset}”`;
  const name = (state.scenario as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? q(name) : 'your machine';
}

export type StepReading = { ok: true; step: number } | { ok: false; why: string };

/** A `step=` value: digits only, from 0 (a whole number a page can show). */
export function readStep(text: string): StepReading {
  const t = text.trim();
  if (/^\d+$/.test(t) && Number.isSafeInteger(Number(t))) return { ok: true, step: Number(t) };
  if (/^\d+$/.test(t)) return { ok: false, why: `${q(text)} is far past the end of any run` };
  if (/^-\s*\d/.test(t)) return { ok: false, why: `${q(text)} is negative (steps count from 0)` };
  if (t !== '' && Number.isFinite(Number(t)))
    return { ok: false, why: `${q(text)} is not a whole number of steps` };
  if (/^[+-]?(\d|\.\d)/.test(t) || /^[+-]?infinity$/i.test(t))
    return { ok: false, why: `${q(text)} is not a whole number of steps` };
  return { ok: false, why: `${q(text)} is not a step number` };
}

export function parseView(hash: string, opts: ParseOptions = {}): ParsedView {
  const params = paramsOf(hash);
  const problems: string[] = [];
  const view = opts.page ?? pageOf(hash);
  const presets = opts.presets ?? presetNames();
  const fallback = opts.fallback ?? DEFAULT_PRESET;
  const current = opts.current ?? null;
  const doing = view === 'compare' ? 'comparing' : 'showing';
  /** What a bad scenario falls back to: the one shown, or the default. */
  const keep = current
    ? { preset: current.preset, scenario: current.scenario }
    : { preset: fallback, scenario: null };
  const instead = current
    ? `keeping ${scenarioLabel(keep)}`
    : `${doing} ${scenarioLabel(keep)} instead`;

  const state: ViewState = { view, preset: fallback, ...EMPTY_VIEW };

  const v = params.get('view');
  if (v !== null && v !== 'step' && v !== 'compare')
    problems.push(
      `The link’s view ${q(v)} is not “step” or “compare”; showing the step-by-step view.`,
    );

  // The scenario: a document of one's own, a preset or a saved machine, else what was shown.
  const m = params.get('model');
  let model: ModelId | null = null;
  if (m !== null) {
    const known = MODELS.find((id) => id === m);
    if (known) model = known;
    else if (view === 'step')
      problems.push(
        `The link’s model ${q(m)} is not one of ${MODELS.join(', ')}; ${current ? 'keeping the model shown' : 'using the scenario’s own'}.`,
      );
  }
  const sc = params.get('scenario');
  const p = params.get('preset');
  let source: { preset: string; scenario: unknown } | null = null;
  if (sc !== null) {
    const decoded = decodeScenarioParam(sc);
    if (!decoded.ok) problems.push(`${decoded.error.replace(/\.$/, '')}; ${instead}.`);
    else {
      const checked = parseScenario(decoded.doc, model ?? undefined);
      if (checked.ok) source = { preset: fallback, scenario: decoded.doc };
      else
        problems.push(
          `The link’s scenario is not valid: ${clip(checked.error).replace(/\.$/, '')}; ${instead}.`,
        );
    }
  } else if (p !== null) {
    if (presets.includes(p)) source = { preset: p, scenario: null };
    else if (p.startsWith(SAVED_PREFIX))
      problems.push(
        `The link names ${q(p)}, a machine saved in another browser or deleted (“Copy link” puts the machine itself in the link); ${instead}.`,
      );
    else problems.push(`The link asks for the scenario ${q(p)}, which does not exist; ${instead}.`);
  }
  // No scenario in the link (or none usable): the one shown, else the default. A step, model or
  // position of a machine that cannot be shown means nothing on another: those are not read.
  const unusable = source === null && (sc !== null || p !== null);
  source ??= keep;
  state.preset = source.preset;
  state.scenario = source.scenario;

  if (view === 'compare') {
    const ms = params.get('models');
    if (ms !== null) {
      state.models = readModels(ms);
      if (!state.models)
        problems.push(
          `The link’s models ${q(ms)} are not two of ${MODELS.join(', ')}; comparing 2.6.17 and 2.6.20.`,
        );
    }
    const ph = params.get('phase');
    if (ph !== null) {
      const i = PHASE_NAMES.findIndex((n) => n === ph);
      if (i >= 0) state.phase = i;
      else if (ph === PREALLOCATION_NAME) state.phase = PREALLOCATION_PHASE;
      else
        problems.push(
          `The link’s phase ${q(ph)} is not one of ${PREALLOCATION_NAME}, ${PHASE_NAMES.join(', ')}; starting at the first.`,
        );
    }
    const a = params.get('at');
    if (a !== null) {
      if (/^\d{1,3}(\.\d+)?$/.test(a) && Number(a) <= 100) state.at = Number(a) / 100;
      else problems.push(`The link’s position ${q(a)} is not a percentage; starting at 0%.`);
    }
    return { state, problems };
  }

  state.model = (m !== null && model === null) || unusable ? (current?.model ?? null) : model;

  const s = params.get('step');
  const shown = current?.step ?? null;
  if (s !== null) {
    const read = readStep(s);
    if (read.ok) state.step = unusable ? shown : read.step;
    else {
      problems.push(
        `The link’s step ${read.why}; ${shown !== null ? `staying at step ${shown}` : 'starting at step 0'}.`,
      );
      state.step = shown;
    }
  } else if (unusable) state.step = shown;

  const o = params.get('overlays');
  if (o !== null) {
    const asked = o.split(',').map((k) => k.trim());
    const unknown = asked.filter((k) => k !== '' && !OVERLAY_KEYS.includes(k as OverlayKey));
    state.overlays = OVERLAY_KEYS.filter((k) => asked.includes(k));
    if (unknown.length)
      problems.push(
        `The link’s overlay${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 3).map(q).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''} ${unknown.length > 1 ? 'are' : 'is'} not among ${OVERLAY_KEYS.join(', ')}; left off.`,
      );
  }

  state.present = readFlag(params, 'present', false, 'presentation mode', 'off', problems);
  state.embed = readFlag(
    params,
    'embed',
    opts.embedByDefault ?? false,
    'embed value',
    'showing the full page',
    problems,
  );
  state.origins = params.get('origins');
  // An address edited to a machine that cannot be shown changes nothing but the notice.
  if (unusable && current) return { state: { ...current, view }, problems };
  return { state, problems };
}

/** A 1 / 0 parameter; anything else is a sentence and false. */
function readFlag(
  params: URLSearchParams,
  key: string,
  byDefault: boolean,
  what: string,
  otherwise: string,
  problems: string[],
): boolean {
  const e = params.get(key);
  if (e === null) return byDefault;
  if (e === '1' || e === 'true') return true;
  if (e !== '0' && e !== 'false')
    problems.push(`The link’s ${what} ${q(e)} is not 1 or 0; ${otherwise}.`);
  return false;
}

/** The scenario's `scenario=` values, kept per document (the hash is rewritten at every step). */
const encoded = new WeakMap<object, string>();

/** The `scenario=` value of a document. */
export function scenarioParam(doc: unknown): string {
  if (typeof doc !== 'object' || doc === null) return encodeScenarioParam(doc);
  let text = encoded.get(doc);
  if (text === undefined) {
    text = encodeScenarioParam(doc);
    encoded.set(doc, text);
  }
  return text;
}

/** The hash for `state`; fields that are not set, or belong to the other page, are left out. */
export function formatView(state: Partial<ViewState> & Pick<ViewState, 'view' | 'preset'>): string {
  const source =
    state.scenario != null
      ? `scenario=${scenarioParam(state.scenario)}`
      : `preset=${encodeURIComponent(state.preset)}`;
  if (state.view === 'compare') {
    const parts = ['view=compare', source];
    const pair = state.models;
    if (pair && !(pair[0] === 'linux-2.6.17' && pair[1] === 'linux-2.6.20'))
      parts.push(`models=${pair.join(',')}`);
    if (state.phase === PREALLOCATION_PHASE) parts.push(`phase=${PREALLOCATION_NAME}`);
    // A pair with linux-6.12 starts at its preallocation phase: there suspend must be written.
    const first = pair?.includes('linux-6.12') ? PREALLOCATION_PHASE : 0;
    if (state.phase != null && state.phase >= 0 && state.phase !== first)
      parts.push(`phase=${PHASE_NAMES[state.phase]}`);
    if (state.at != null && state.at > 0) parts.push(`at=${Math.round(state.at * 100)}`);
    return `#${parts.join('&')}`;
  }
  const parts = [source];
  if (state.model != null) parts.push(`model=${state.model}`);
  if (state.step != null) parts.push(`step=${state.step}`);
  // The keys are plain words: no escaping, so the commas stay readable.
  if (state.overlays?.length) parts.push(`overlays=${state.overlays.join(',')}`);
  if (state.present) parts.push('present=1');
  if (state.embed) parts.push('embed=1');
  if (state.origins != null) parts.push(`origins=${encodeURIComponent(state.origins)}`);
  return `#${parts.join('&')}`;
}

// The address bar. A move within a run (a step, an overlay) replaces the entry, throttled; a new
// machine, model or view pushes one, so Back returns to the machine before at the step it showed.

let timer: ReturnType<typeof setTimeout> | null = null;
let pending: string | null = null;

function write(hash: string, push: boolean): void {
  if (window.location.hash === hash) return;
  if (push) window.history.pushState(null, '', hash);
  else window.history.replaceState(window.history.state, '', hash);
}

/** Writes a throttled replacement now, if one is waiting. */
export function flushPendingHash(): void {
  const hash = pending;
  cancelPendingHash();
  if (hash !== null) write(hash, false);
}

/** Drops a throttled replacement not yet written (the address changed under it). */
export function cancelPendingHash(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  pending = null;
}

/** Puts `hash` in the address bar without a history entry (the page's moves are not visits). */
export function replaceHash(hash: string): void {
  cancelPendingHash();
  write(hash, false);
}

/**
 * A history entry of its own for `hash`. `leaving` is the exact hash of what is shown until now:
 * the entry left behind gets it first (a throttled step may not have reached it yet).
 */
export function pushHash(hash: string, leaving?: string): void {
  cancelPendingHash();
  if (leaving !== undefined) write(leaving, false);
  write(hash, true);
}

/**
 * replaceHash at most every `ms` (first call at once, the last one at the end of the window):
 * during play the step changes up to 60 times a second, and browsers throttle history updates.
 * One throttle for the page: replaceHash and pushHash drop what it still holds.
 */
export function throttledHash(ms: number): { set: (hash: string) => void; cancel: () => void } {
  const flush = () => {
    timer = null;
    if (pending === null) return;
    write(pending, false);
    pending = null;
    timer = setTimeout(flush, ms);
  };
  return {
    set(hash) {
      pending = hash;
      if (!timer) flush();
    },
    cancel: cancelPendingHash,
  };
}

/**
 * Opens `state` as a new visit, as following a link would: a history entry, and the page's
 * hashchange handler loads it (with a notice when something in it cannot be used). For code that
 * holds a scenario document and no page state, e.g. an imported file.
 */
export function openView(state: Partial<ViewState> & Pick<ViewState, 'view' | 'preset'>): void {
  flushPendingHash();
  window.location.hash = formatView(state);
}
