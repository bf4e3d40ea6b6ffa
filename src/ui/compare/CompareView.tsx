import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { completeInfo } from '../../protocol/messages';
import { EngineProvider } from '../shell/EngineContext';
import { CUSTOM_SCENARIO, ScenarioPicker } from '../shell/ScenarioPicker';
import { EMPTY_VIEW, formatView, pageOf, parseView, pushHash, replaceHash } from '../shell/url';
import type { ViewState } from '../shell/url';
import { CopyLinkButton } from '../share/CopyLinkButton';
import { shareLink } from '../share/link';
import { scenarioNames, scenarioSource } from '../share/source';
import { createComparePair, createSeekPacer } from './pair';
import { DEFAULT_PAIR, scenarioFor, startPhase, syncRunOf, withModel } from './models';
import type { ModelPair } from './models';
import { PairPicker } from './PairPicker';
import { versionOf } from '../shell/models';
import { PREALLOCATION_PHASE } from '../shell/url';
import type { ComparePair } from './pair';
import { RoleKey } from './RoleKey';
import { RunColumn } from './RunColumn';
import { SummaryTable } from './SummaryTable';
import { DEFAULT_DURATION, phaseName, SyncControls } from './SyncControls';
import type { SyncPos } from './sync';
import { atLast, nextPos, normalisePos, prevPos, syncPhases, targetFor } from './sync';
import { ViewTabs } from '../shell/ViewTabs';
import { WhySection } from './WhySection';
import type { ModelId } from '../../core';
import '../shell/shell.css';
import './compare.css';

export interface CompareViewProps {
  /** The starting hash; defaults to the page's. */
  hash?: string;
  /** Keep the address bar in step (off in tests that pass their own hash). */
  syncUrl?: boolean;
  /** Makes the two engines (tests pass inline ones); defaults to two workers. */
  makePair?: () => ComparePair;
}

const defaultMakePair = () => createComparePair();

/**
 * The compare page: one scenario under two kernel models (2.6.17 ↔ 2.6.20 unless the link or the
 * pickers say otherwise), synchronised by phase.
 */
export function CompareView({
  hash,
  syncUrl = true,
  makePair = defaultMakePair,
}: CompareViewProps) {
  const [pair] = useState(makePair);
  // The engines live as long as the view: stopped when it unmounts.
  useEffect(() => pair.retain(), [pair]);
  return <ComparePage pair={pair} hash={hash} syncUrl={syncUrl} />;
}

function ComparePage({
  pair,
  hash,
  syncUrl,
}: {
  pair: ComparePair;
  hash?: string;
  syncUrl: boolean;
}) {
  const [initial] = useState(() =>
    parseView(hash ?? window.location.hash, { page: 'compare', presets: scenarioNames() }),
  );
  const [preset, setPreset] = useState(initial.state.preset);
  const [models, setModels] = useState<ModelPair>(initial.state.models ?? DEFAULT_PAIR);
  /** A scenario document of one's own from the link (wins over `preset`), or null. */
  const [scenario, setScenario] = useState<unknown>(initial.state.scenario);
  const [notice, setNotice] = useState<string | null>(initial.problems.join(' ') || null);
  const [pos, setPos] = useState<SyncPos>({
    phase: initial.state.phase ?? startPhase(initial.state.models ?? DEFAULT_PAIR),
    frac: initial.state.at ?? 0,
  });
  const [playing, setPlaying] = useState(false);
  const [duration, setDuration] = useState(DEFAULT_DURATION);

  const legacyInfo = useStore(pair.legacy, (s) =>
    s.status === 'ready' ? completeInfo(s.info) : null,
  );
  const modernInfo = useStore(pair.modern, (s) =>
    s.status === 'ready' ? completeInfo(s.info) : null,
  );
  const legacyRun = useMemo(() => syncRunOf(legacyInfo), [legacyInfo]);
  const modernRun = useMemo(() => syncRunOf(modernInfo), [modernInfo]);
  const ready = legacyRun !== null && modernRun !== null;
  const phases = useMemo(
    () => (legacyRun && modernRun ? syncPhases([legacyRun, modernRun]) : []),
    [legacyRun, modernRun],
  );
  const shown = ready ? normalisePos(phases, pos) : pos;
  const legacyTarget = legacyRun && ready ? targetFor(legacyRun, shown) : null;
  const modernTarget = modernRun && ready ? targetFor(modernRun, shown) : null;

  // Load the scenario under both kernels (a 2006 kernel gets 6.12's letters rewritten).
  const source = useMemo(() => scenarioSource({ preset, scenario }), [preset, scenario]);
  const left = useMemo(() => scenarioFor(source, models[0]), [source, models]);
  const right = useMemo(() => scenarioFor(source, models[1]), [source, models]);
  useEffect(() => {
    pair.legacy.getState().load(left.source, { model: models[0] });
    pair.modern.getState().load(right.source, { model: models[1] });
  }, [pair, left, right, models]);

  // Move both runs to the shared position (at most one seek in flight per run).
  const pacers = useMemo(
    () => ({ legacy: createSeekPacer(pair.legacy), modern: createSeekPacer(pair.modern) }),
    [pair],
  );
  useEffect(
    () => () => {
      pacers.legacy.dispose();
      pacers.modern.dispose();
    },
    [pacers],
  );
  const legacyStep = legacyTarget?.step ?? null;
  const modernStep = modernTarget?.step ?? null;
  useEffect(() => {
    if (legacyStep !== null) pacers.legacy.want(legacyStep);
    if (modernStep !== null) pacers.modern.want(modernStep);
  }, [pacers, legacyStep, modernStep, legacyInfo, modernInfo]);

  // The address bar follows the preset and, when paused, the position.
  useEffect(() => {
    if (!syncUrl || playing) return;
    replaceHash(
      formatView({
        view: 'compare',
        preset,
        models,
        scenario,
        phase: ready ? shown.phase : pos.phase,
        at: shown.frac,
      }),
    );
  }, [syncUrl, playing, preset, scenario, models, ready, shown.phase, shown.frac, pos.phase]);

  /** The view shown, for the address-bar handler and "Copy link". */
  const view: ViewState = {
    ...EMPTY_VIEW,
    view: 'compare',
    preset,
    scenario,
    models,
    phase: shown.phase,
    at: shown.frac,
  };
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  // Editing the address bar by hand: another preset or position.
  useEffect(() => {
    if (!syncUrl) return;
    const onHashChange = () => {
      // A hash without view=compare belongs to the step-by-step view: Root switches to it, and
      // rewriting the hash here first would drop the step it asks for.
      if (pageOf(window.location.hash) !== 'compare') return;
      // A value the page cannot use keeps what is shown.
      const parsed = parseView(window.location.hash, {
        page: 'compare',
        presets: scenarioNames(),
        current: viewRef.current,
      });
      setNotice(parsed.problems.join(' ') || null);
      setPreset(parsed.state.preset);
      const pair = parsed.state.models ?? DEFAULT_PAIR;
      setModels(pair);
      setScenario(parsed.state.scenario);
      setPlaying(false);
      setPos({ phase: parsed.state.phase ?? startPhase(pair), frac: parsed.state.at ?? 0 });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [syncUrl]);

  // Play within the phase: the position runs to the phase's end in `duration` seconds.
  const posRef = useRef(shown);
  useEffect(() => {
    posRef.current = shown;
  });
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let raf = 0;
    const tick = (now: number) => {
      const p = posRef.current;
      const frac = Math.min(1, p.frac + (now - last) / 1000 / duration);
      last = now;
      posRef.current = { phase: p.phase, frac };
      setPos({ phase: p.phase, frac });
      if (frac >= 1) setPlaying(false);
      else raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, duration]);

  const move = useCallback((next: SyncPos) => {
    setPlaying(false);
    setPos(next);
  }, []);
  const togglePlay = useCallback(() => {
    if (playing) return setPlaying(false);
    if (shown.frac >= 1) setPos({ phase: shown.phase, frac: 0 });
    setPlaying(true);
  }, [playing, shown]);

  // PageUp / PageDown move by phase anywhere on the page.
  useEffect(() => {
    if (!ready) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      // Lists and text fields keep their own PageUp / PageDown.
      if (t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return;
      if (t instanceof HTMLInputElement && t.type !== 'range') return;
      if (e.key === 'PageDown' && !atLast(phases, shown)) move(nextPos(phases, shown));
      else if (e.key === 'PageUp') move(prevPos(phases, shown));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ready, phases, shown, move]);

  // Another machine is a visit of its own: Back returns to the one before.
  const onPresetChange = useCallback(
    (name: string) => {
      setNotice(null);
      setPlaying(false);
      setPos({ phase: startPhase(models), frac: 0 });
      setPreset(name);
      setScenario(null);
      if (syncUrl)
        pushHash(
          formatView({ view: 'compare', preset: name, models }),
          formatView(viewRef.current),
        );
    },
    [syncUrl, models],
  );
  const customName = (scenario as { name?: unknown } | null)?.name;

  const onModelChange = useCallback(
    (side: 0 | 1, model: ModelId) => {
      setNotice(null);
      setPlaying(false);
      const next = withModel(models, side, model);
      setPos({ phase: startPhase(next), frac: 0 });
      setModels(next);
      // Other models are a visit of their own too.
      if (syncUrl)
        pushHash(
          formatView({ ...viewRef.current, models: next, phase: null, at: null }),
          formatView(viewRef.current),
        );
    },
    [syncUrl, models],
  );

  const name = phaseName(shown.phase);
  const names: [string, string] = [versionOf(models[0]), versionOf(models[1])];
  const notes = [left.note, right.note].filter((n): n is string => n !== null);
  return (
    <div className="compare-page">
      <header className="app-header">
        <h1>
          swsusp-viz{' '}
          <small>
            The same machine under {names[0]} and {names[1]}
          </small>
        </h1>
        <ScenarioPicker
          value={scenario !== null ? CUSTOM_SCENARIO : preset}
          onChange={onPresetChange}
          customName={typeof customName === 'string' ? customName : undefined}
        />
        <PairPicker pair={models} onChange={onModelChange} />
        <ViewTabs current="compare" preset={preset} scenario={scenario} pair={models} />
        <CopyLinkButton link={() => shareLink(viewRef.current)} />
      </header>
      {notice && (
        <div className="banner banner-notice" role="alert">
          <span>{notice}</span>
          <button type="button" className="btn btn-small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main>
        <section className="compare" aria-label="Compare">
          <SyncControls
            phases={phases}
            pos={shown}
            onChange={move}
            playing={playing}
            onTogglePlay={togglePlay}
            duration={duration}
            onDuration={setDuration}
            disabled={!ready}
          />
          {phases.includes(PREALLOCATION_PHASE) && (
            <p className="compare-note">
              <strong>preallocation</strong> is 6.12’s alone: before the freeze it builds the basic
              bitmaps and <code>hibernate_preallocate_memory()</code> grabs the image’s frames. The
              2006 kernel has no such phase and waits at the start of its suspend meanwhile.
            </p>
          )}
          {notes.map((n) => (
            <p key={n} className="compare-note">
              {n}
            </p>
          ))}
          <div className="compare-body">
            <div className="compare-runs">
              <EngineProvider store={pair.legacy}>
                <RunColumn model={models[0]} target={legacyTarget} phaseName={name} />
              </EngineProvider>
              <EngineProvider store={pair.modern}>
                <RunColumn model={models[1]} target={modernTarget} phaseName={name} />
              </EngineProvider>
              <RoleKey legacy={pair.legacy} modern={pair.modern} names={names} />
              <p className="why-jump">
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    document.getElementById('why-title')?.scrollIntoView({ behavior: 'smooth' })
                  }
                >
                  Why 2.6.20: the image ceiling and the metadata cost, in charts ↓
                </button>
              </p>
            </div>
            <SummaryTable
              legacy={legacyInfo?.compare ?? null}
              modern={modernInfo?.compare ?? null}
              pair={models}
            />
          </div>
        </section>
        <WhySection preset={preset} />
      </main>
    </div>
  );
}
