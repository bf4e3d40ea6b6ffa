/**
 * The page's place in the URL hash, for both pages: one typed view state, one parse, one format.
 *
 *   step page     #preset=teaching&step=40           (+ &model=linux-2.6.17, &embed=1)
 *   compare page  #view=compare&preset=teaching      (+ &phase=image&at=50, percent of the phase)
 *
 * Parsing never fails: a value the page cannot use becomes a sentence for the user and the
 * default. A new key is one field in `ViewState`, one reader in `parseView` and one writer in
 * `formatView`.
 */
import { MODELS, PHASE_NAMES, presetNames } from '../../core';
import type { ModelId } from '../../core';
import { DEFAULT_PRESET } from './presets';

export type PageName = 'step' | 'compare';

export interface ViewState {
  view: PageName;
  /** Both pages: the scenario. */
  preset: string;
  /** Step page: the kernel model, or null for the scenario's own. */
  model: ModelId | null;
  /** Step page: the requested step, or null for "start at 0". */
  step: number | null;
  /** Step page: only the grid, the narration and the controls. */
  embed: boolean;
  /** Compare page: the phase both runs show (index in PHASE_NAMES), or null for the first. */
  phase: number | null;
  /** Compare page: the position in that phase, 0–1, or null for its start. */
  at: number | null;
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
}

/** Which page a hash is for, without reading the rest. */
export function pageOf(hash: string): PageName {
  return paramsOf(hash).get('view') === 'compare' ? 'compare' : 'step';
}

export function parseView(hash: string, opts: ParseOptions = {}): ParsedView {
  const params = paramsOf(hash);
  const problems: string[] = [];
  const view = opts.page ?? pageOf(hash);
  const presets = opts.presets ?? presetNames();
  const fallback = opts.fallback ?? DEFAULT_PRESET;

  let preset = fallback;
  const p = params.get('preset');
  if (p !== null && presets.includes(p)) preset = p;
  else if (p !== null)
    problems.push(
      `The link asks for the scenario “${p}”, which does not exist; ${view === 'compare' ? 'comparing' : 'showing'} “${fallback}” instead.`,
    );

  const state: ViewState = {
    view,
    preset,
    model: null,
    step: null,
    embed: false,
    phase: null,
    at: null,
  };
  if (view === 'compare') {
    const ph = params.get('phase');
    if (ph !== null) {
      const i = PHASE_NAMES.findIndex((n) => n === ph);
      if (i >= 0) state.phase = i;
      else
        problems.push(
          `The link’s phase “${ph}” is not one of ${PHASE_NAMES.join(', ')}; starting at the first.`,
        );
    }
    const a = params.get('at');
    if (a !== null) {
      if (/^\d{1,3}(\.\d+)?$/.test(a) && Number(a) <= 100) state.at = Number(a) / 100;
      else problems.push(`The link’s position “${a}” is not a percentage; starting at 0%.`);
    }
    return { state, problems };
  }

  const s = params.get('step');
  if (s !== null) {
    if (/^\d{1,9}$/.test(s.trim())) state.step = Number(s.trim());
    else problems.push(`The link’s step “${s}” is not a step number; starting at step 0.`);
  }
  const m = params.get('model');
  if (m !== null) {
    const known = MODELS.find((id) => id === m);
    if (known) state.model = known;
    else
      problems.push(
        `The link’s model “${m}” is not one of ${MODELS.join(', ')}; using the scenario’s own.`,
      );
  }
  const e = params.get('embed');
  state.embed = e === null ? (opts.embedByDefault ?? false) : e === '1' || e === 'true';
  if (e !== null && !state.embed && e !== '0' && e !== 'false')
    problems.push(`The link’s embed value “${e}” is not 1 or 0; showing the full page.`);
  return { state, problems };
}

/** The hash for `state`; fields that are not set, or belong to the other page, are left out. */
export function formatView(state: Partial<ViewState> & Pick<ViewState, 'view' | 'preset'>): string {
  const preset = `preset=${encodeURIComponent(state.preset)}`;
  if (state.view === 'compare') {
    const parts = ['view=compare', preset];
    if (state.phase != null && state.phase > 0) parts.push(`phase=${PHASE_NAMES[state.phase]}`);
    if (state.at != null && state.at > 0) parts.push(`at=${Math.round(state.at * 100)}`);
    return `#${parts.join('&')}`;
  }
  const parts = [preset];
  if (state.model != null) parts.push(`model=${state.model}`);
  if (state.step != null) parts.push(`step=${state.step}`);
  if (state.embed) parts.push('embed=1');
  return `#${parts.join('&')}`;
}

/** Puts `hash` in the address bar without a history entry (the page's moves are not visits). */
export function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
}

/**
 * replaceHash at most every `ms` (first call at once, the last one at the end of the window):
 * during play the step changes up to 60 times a second, and browsers throttle history updates.
 */
export function throttledHash(ms: number): { set: (hash: string) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: string | null = null;
  const flush = () => {
    timer = null;
    if (pending === null) return;
    replaceHash(pending);
    pending = null;
    timer = setTimeout(flush, ms);
  };
  return {
    set(hash) {
      pending = hash;
      if (!timer) flush();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

function paramsOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}
