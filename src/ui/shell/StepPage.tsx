import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ModelId } from '../../core';
import { OVERLAYS } from '../../render';
import type { OverlaySet } from '../../render';
import type { EngineStore } from '../../store/engineStore';
import { useHostBridge } from '../../embed/useHostBridge';
import { prefs } from '../lecture/prefs';
import { shareLink } from '../share/link';
import { sameScenario, scenarioNames, scenarioSource } from '../share/source';
import { scenarioFor } from '../compare/models';
import { EngineProvider } from './EngineContext';
import { CUSTOM_SCENARIO } from './ScenarioPicker';
import {
  cancelPendingHash,
  formatView,
  pageOf,
  parseView,
  pushHash,
  replaceHash,
  throttledHash,
} from './url';
import type { ViewState } from './url';
import { Visualiser } from './Visualiser';

export interface StepPageProps {
  store: EngineStore;
  /** The starting hash; defaults to the page's. */
  hash?: string;
  /** Keep the address bar in step with the page (off in tests that pass their own hash). */
  syncUrl?: boolean;
  /** The embed page: embed mode unless the hash says `embed=0`. */
  embedByDefault?: boolean;
}

/** The step asked for is past the end of the run: a sentence, or null when it is not. */
function pastEnd(step: number, totalSteps: number, instead: string): string | null {
  return step > totalSteps
    ? `The link’s step ${step} is past the end of this run (${totalSteps} steps); ${instead}.`
    : null;
}

/**
 * The step-by-step page, the compare page's peer: the link's view in (scenario, model, step,
 * overlays, presentation), the hash out, the host bridge when framed, and the visualiser on
 * `store`. A new machine or model pushes a history entry (Back returns to the previous machine
 * at its step); steps, overlays and presentation mode replace it.
 */
export function StepPage({ store, hash, syncUrl = true, embedByDefault = false }: StepPageProps) {
  const [initial] = useState(() =>
    parseView(hash ?? window.location.hash, {
      page: 'step',
      embedByDefault,
      presets: scenarioNames(),
    }),
  );
  const [view, setView] = useState<ViewState>(initial.state);
  // The view for callbacks that outlive a render (store subscriptions, the host bridge).
  const viewRef = useRef(view);
  const show = useCallback((next: ViewState) => {
    viewRef.current = next;
    setView(next);
  }, []);
  const [notice, setNotice] = useState<string | null>(initial.problems.join(' ') || null);
  /** A step asked for by the link, checked against the run once it is ready. */
  const wanted = useRef<number | null>(initial.state.step);
  const started = useRef(false);

  const hashOf = useCallback((v: ViewState, step: number | null) => formatView({ ...v, step }), []);

  /** Loads the machine of `next` (and shows `next`), at `step` once the run is ready. */
  const load = useCallback(
    (next: ViewState, step: number | null) => {
      wanted.current = step;
      show(next);
      const opts = {
        ...(step ? { step } : {}),
        ...(next.model ? { model: next.model } : {}),
        ...(next.scenario === null ? { tag: next.preset } : {}),
      };
      // A 2006 model cannot read 6.12's Z and O letters: it runs them as S, and says so.
      const source = scenarioSource(next);
      const run = next.model ? scenarioFor(source, next.model) : { source, note: null };
      if (run.note) setNotice(run.note);
      store.getState().load(run.source, opts);
    },
    [store, show],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    prefs.setState({ presentation: initial.state.present });
    load(initial.state, initial.state.step);
  }, [load, initial]);

  // A failed load after a good run: the picker, the model and the address go back to the run
  // still shown, so nothing claims a scenario the picture is not of.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.status !== 'ready' || prev.status !== 'loading' || !s.error || !s.shown) return;
        if (s.info !== prev.info) return;
        const { source, tag } = s.shown;
        const back: ViewState = {
          ...viewRef.current,
          preset: tag ?? (source.kind === 'preset' ? source.name : viewRef.current.preset),
          scenario: tag === undefined && source.kind === 'document' ? source.doc : null,
          model: s.shown.model ?? null,
        };
        wanted.current = null;
        show(back);
        if (syncUrl) replaceHash(hashOf(back, s.step));
      }),
    [store, syncUrl, hashOf, show],
  );

  // Once ready: a step past the end falls back to 0; afterwards the hash follows the page.
  useEffect(() => {
    const throttled = throttledHash(250);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.status !== 'ready' || !s.info) return;
      const w = wanted.current;
      // A run still being traced may yet reach the link's step: decide once it is complete.
      if (w !== null && s.info.complete && (s.info !== prev.info || prev.status !== 'ready')) {
        wanted.current = null;
        const past = pastEnd(w, s.info.totalSteps, 'starting at step 0');
        if (past) {
          setNotice((n) => (n ? `${n} ${past}` : past));
          s.seek(0);
          return;
        }
      }
      if (syncUrl && (s.step !== prev.step || s.info !== prev.info))
        throttled.set(hashOf(viewRef.current, s.step));
    });
    return () => {
      unsubscribe();
      throttled.cancel();
    };
  }, [store, syncUrl, hashOf]);

  // Presentation mode (the f key) is part of the view: the address follows it.
  useEffect(
    () =>
      prefs.subscribe((p, prev) => {
        if (p.presentation === prev.presentation) return;
        const next = { ...viewRef.current, present: p.presentation };
        show(next);
        if (syncUrl) replaceHash(hashOf(next, store.getState().step));
      }),
    [store, syncUrl, hashOf, show],
  );

  // Back, Forward and the address edited by hand: load, seek, or just show the new view. A
  // value the page cannot use keeps what is shown, says so, and the address is put right.
  useEffect(() => {
    if (!syncUrl) return;
    const onHashChange = () => {
      if (pageOf(window.location.hash) === 'compare') return; // App switches to the compare page
      cancelPendingHash();
      const s = store.getState();
      const shownStep = s.info ? s.step : null;
      const parsed = parseView(window.location.hash, {
        page: 'step',
        embedByDefault,
        presets: scenarioNames(),
        current: { ...viewRef.current, step: shownStep },
      });
      const problems = [...parsed.problems];
      const next = parsed.state;
      let step = next.step;
      prefs.setState({ presentation: next.present });
      const same = sameScenario(next, viewRef.current) && s.status !== 'error';
      if (!same) load(next, step);
      else {
        show(next);
        const past =
          s.info?.complete && step !== null
            ? pastEnd(step, s.info.totalSteps, `staying at step ${s.step}`)
            : null;
        if (past) {
          problems.push(past);
          step = s.step;
        } else if (step !== null && step !== s.step) s.seek(step);
      }
      setNotice(problems.join(' ') || null);
      if (problems.length) replaceHash(hashOf(next, step ?? (same ? shownStep : 0)));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [syncUrl, load, show, store, embedByDefault, hashOf]);

  /** A new machine or model: a history entry of its own, the one left keeps its step. */
  const navigate = useCallback(
    (next: ViewState, step: number | null = null) => {
      setNotice(null);
      const s = store.getState();
      const leaving = s.status === 'ready' ? hashOf(viewRef.current, s.step) : undefined;
      load(next, step);
      if (syncUrl) pushHash(hashOf(next, step ?? 0), leaving);
    },
    [store, load, syncUrl, hashOf],
  );

  const [origins] = useState(initial.state.origins);
  useHostBridge(
    store,
    syncUrl ? origins : null,
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

  // A new scenario opens under its own model (a 6.12 preset on 6.12); the Model picker changes it.
  const onScenarioChange = useCallback(
    (name: string) => navigate({ ...viewRef.current, preset: name, scenario: null, model: null }),
    [navigate],
  );
  const onModelChange = useCallback(
    (model: ModelId) => navigate({ ...viewRef.current, model }),
    [navigate],
  );
  // A scenario file opened or dropped (already checked): the user's own, on the model it names.
  const onOpenScenario = useCallback(
    (doc: unknown) => navigate({ ...viewRef.current, scenario: doc, model: null }),
    [navigate],
  );
  const onOverlaysChange = useCallback(
    (overlays: OverlaySet) => {
      const next = {
        ...viewRef.current,
        overlays: OVERLAYS.map((o) => o.key).filter((k) => overlays.has(k)),
      };
      show(next);
      if (syncUrl) replaceHash(hashOf(next, store.getState().step));
    },
    [syncUrl, hashOf, store, show],
  );
  const overlays = useMemo(() => new Set(view.overlays), [view.overlays]);
  const link = useCallback(() => {
    const s = store.getState();
    const model: ModelId | null = viewRef.current.model ?? s.info?.model ?? null;
    return shareLink({ ...viewRef.current, model, step: s.step });
  }, [store]);

  return (
    <EngineProvider store={store}>
      <Visualiser
        scenario={view.scenario !== null ? CUSTOM_SCENARIO : view.preset}
        onScenarioChange={onScenarioChange}
        model={view.model}
        onModelChange={onModelChange}
        embed={view.embed}
        notice={notice}
        onDismissNotice={() => setNotice(null)}
        overlays={overlays}
        onOverlaysChange={onOverlaysChange}
        shareLink={link}
        onOpenScenario={onOpenScenario}
      />
    </EngineProvider>
  );
}
