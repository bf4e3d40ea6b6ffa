import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { presetNames } from '../core';
import type { ScenarioSource } from '../protocol/messages';
import { OVERLAYS } from '../render';
import type { OverlaySet } from '../render';
import { EngineProvider } from '../ui/shell/EngineContext';
import type { EngineStore } from '../ui/shell/engineState';
import { isCompareHash } from '../ui/compare/compareHash';
import { useHostBridge } from '../embed/useHostBridge';
import { DEFAULT_PRESET } from '../ui/shell/presets';
import { CUSTOM_SCENARIO } from '../ui/shell/ScenarioPicker';
import { Visualiser } from '../ui/shell/Visualiser';
import { formatHash, parseHash } from './urlHash';
import type { HashState } from './urlHash';

export interface AppProps {
  store: EngineStore;
  /** The starting hash; defaults to the page's. */
  hash?: string;
  /** Keep the address bar in step with the page (off in tests that pass their own hash). */
  syncUrl?: boolean;
  /** The embed page: embed mode unless the hash says `embed=0`. */
  embedByDefault?: boolean;
}

function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
}

function pushHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.pushState(null, '', hash);
}

/** The address of this page with `hash`, for sharing (the origins of an embed stay behind). */
function shareUrl(hash: string): string {
  const params = new URLSearchParams(hash.slice(1));
  params.delete('origins');
  params.delete('embed');
  // URLSearchParams would escape the commas of `overlays`; the values need no escaping.
  const text = [...params].map(([k, v]) => `${k}=${v}`).join('&');
  return `${window.location.href.split('#')[0]}#${text}`;
}

/**
 * replaceHash at most every `ms` (first call at once, the last one at the end of the window):
 * during play the step changes up to 60 times a second, and browsers throttle history updates.
 */
function throttledHash(ms: number): { set: (hash: string) => void; cancel: () => void } {
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

/** What the page shows besides the step: the machine, the model, the embed mode, the overlays. */
type ViewState = Omit<HashState, 'step'>;

function sameSource(a: ViewState, b: ViewState): boolean {
  if (a.model !== b.model) return false;
  if (a.scenario === null || b.scenario === null)
    return a.scenario === b.scenario && a.preset === b.preset;
  return JSON.stringify(a.scenario) === JSON.stringify(b.scenario);
}

function withoutStep(state: HashState): ViewState {
  const view: Partial<HashState> = { ...state };
  delete view.step;
  return view as ViewState;
}

/** The source of the run a view shows, for the engine store. */
function sourceOf(view: ViewState): ScenarioSource {
  return view.scenario !== null
    ? { kind: 'document', doc: view.scenario }
    : { kind: 'preset', name: view.preset };
}

/**
 * The standalone page: wires the engine store, the URL hash and the visualiser. A new machine or
 * model pushes a history entry (Back returns to the previous machine); steps replace it.
 */
export function App({ store, hash, syncUrl = true, embedByDefault = false }: AppProps) {
  const [initial] = useState(() =>
    parseHash(hash ?? window.location.hash, presetNames(), DEFAULT_PRESET, { embedByDefault }),
  );
  const [view, setView] = useState<ViewState>(() => withoutStep(initial.state));
  // The view for callbacks that outlive a render (store subscriptions, the host bridge).
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  const [notice, setNotice] = useState<string | null>(initial.problems.join(' ') || null);
  /** A step asked for by the link, checked against the run once it is ready. */
  const wanted = useRef<number | null>(initial.state.step);
  const started = useRef(false);

  const hashOf = useCallback((v: ViewState, step: number | null) => formatHash({ ...v, step }), []);

  /** Loads the machine of `next` (and shows `next`), at `step` once the run is ready. */
  const load = useCallback(
    (next: ViewState, step: number | null) => {
      wanted.current = step;
      setView(next);
      const opts = {
        ...(step ? { step } : {}),
        ...(next.model ? { model: next.model } : {}),
        tag: next.scenario !== null ? 'scenario' : next.preset,
      };
      store.getState().load(sourceOf(next), opts);
    },
    [store],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    load(viewRef.current, initial.state.step);
  }, [load, initial]);

  // A failed load after a good run: the picker, the model and the address go back to the run
  // still shown, so nothing claims a scenario the picture is not of.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.status !== 'ready' || prev.status !== 'loading' || !s.error || !s.shown) return;
        if (s.info !== prev.info) return;
        const src = s.shown.source;
        const back: ViewState = {
          ...viewRef.current,
          preset: src.kind === 'preset' ? src.name : viewRef.current.preset,
          scenario: src.kind === 'document' ? src.doc : null,
          model: s.shown.model ?? null,
        };
        wanted.current = null;
        setView(back);
        if (syncUrl) replaceHash(hashOf(back, s.step));
      }),
    [store, syncUrl, hashOf],
  );

  // Once ready: a step past the end falls back to 0; afterwards the hash follows the page.
  useEffect(() => {
    const throttled = throttledHash(250);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.status !== 'ready' || !s.info) return;
      const w = wanted.current;
      if (w !== null && (s.info !== prev.info || prev.status !== 'ready')) {
        wanted.current = null;
        if (w > s.info.totalSteps) {
          setNotice(
            `The link’s step ${w} is past the end of this run (${s.info.totalSteps} steps); starting at step 0.`,
          );
          s.seek(0);
          return;
        }
      }
      if (syncUrl && (s.step !== prev.step || s.info !== prev.info))
        throttled.set(hashOf(view, s.step));
    });
    return () => {
      unsubscribe();
      throttled.cancel();
    };
  }, [store, view, syncUrl, hashOf]);

  // Editing the address bar by hand, Back and Forward: load, seek, or just show the new view.
  useEffect(() => {
    if (!syncUrl) return;
    const onHashChange = () => {
      if (isCompareHash(window.location.hash)) return; // Root switches to the compare view
      const s = store.getState();
      const current = s.info ? s.step : null;
      const parsed = parseHash(window.location.hash, presetNames(), DEFAULT_PRESET, {
        embedByDefault,
        current,
      });
      setNotice(parsed.problems.join(' ') || null);
      const step = parsed.state.step;
      const next = withoutStep(parsed.state);
      if (!sameSource(next, viewRef.current)) load(next, step);
      else {
        setView(next);
        if (step !== null && step !== current) s.seek(step);
      }
      // A value the page could not use: the address says what is really shown.
      if (parsed.problems.length && current !== null) replaceHash(hashOf(next, step ?? current));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [syncUrl, load, store, embedByDefault, hashOf]);

  /** A new machine or model: a history entry of its own. */
  const navigate = useCallback(
    (next: ViewState, step: number | null = null) => {
      setNotice(null);
      load(next, step);
      if (syncUrl) pushHash(hashOf(next, step ?? 0));
    },
    [load, syncUrl, hashOf],
  );

  useHostBridge(
    store,
    syncUrl ? initial.state.origins : null,
    view.scenario === null ? view.preset : null,
    (request) => {
      const src = request.source;
      navigate(
        {
          ...viewRef.current,
          preset: src.kind === 'preset' ? src.name : viewRef.current.preset,
          scenario: src.kind === 'document' ? src.doc : null,
          model: request.model,
        },
        request.step,
      );
    },
    (message) => setNotice(message),
  );

  const onScenarioChange = useCallback(
    (name: string) => navigate({ ...viewRef.current, preset: name, scenario: null }),
    [navigate],
  );
  const onOverlaysChange = useCallback(
    (overlays: OverlaySet) => {
      const next = {
        ...viewRef.current,
        overlays: OVERLAYS.map((o) => o.key).filter((k) => overlays.has(k)),
      };
      setView(next);
      if (syncUrl) replaceHash(hashOf(next, store.getState().step));
    },
    [syncUrl, hashOf, store],
  );
  const overlays = useMemo(() => new Set(view.overlays), [view.overlays]);

  return (
    <EngineProvider store={store}>
      <Visualiser
        scenario={view.scenario !== null ? CUSTOM_SCENARIO : view.preset}
        onScenarioChange={onScenarioChange}
        embed={view.embed}
        notice={notice}
        onDismissNotice={() => setNotice(null)}
        overlays={overlays}
        onOverlaysChange={onOverlaysChange}
        shareLink={() => shareUrl(hashOf(viewRef.current, store.getState().step))}
      />
    </EngineProvider>
  );
}
