import { useCallback, useMemo, useRef, useState } from 'react';
import type { GridRenderer } from '../../render';
import { BitmapsPanel } from '../panels/BitmapsPanel';
import { ViewTabs } from './ViewTabs';
import { Controls } from '../playback/Controls';
import { CountersPanel } from '../panels/CountersPanel';
import { useEngine, useEngineStore } from './EngineContext';
import { FramesPanel } from '../frames/FramesPanel';
import { ImagePanel } from '../panels/ImagePanel';
import { KernelLogPanel } from '../panels/KernelLogPanel';
import { NarrationPanel } from '../panels/NarrationPanel';
import { PageTiming } from './PageTiming';
import { PanelBoundary } from './PanelBoundary';
import { PbeListsPanel } from '../panels/PbeListsPanel';
import { InvariantsPanel } from '../invariants/InvariantsPanel';
import { HelpDialog } from '../lecture/HelpDialog';
import { LectureBar } from '../lecture/LectureBar';
import { usePrefs } from '../lecture/prefs';
import { useApplyTheme } from '../lecture/useTheme';
import '../lecture/lecture.css';
import { PredictCard } from '../predict/PredictCard';
import { predictStore } from '../predict/predictStore';
import { usePredictDriver } from '../predict/usePredictDriver';
import { MachineActions, MachineTools } from '../editor/MachineTools';
import { CUSTOM_SCENARIO, ScenarioPicker } from './ScenarioPicker';
import { ModelPicker } from './ModelPicker';
import { presetModel } from './models';
import type { ModelId } from '../../core';
import { SelectionContext } from './SelectionContext';
import type { Selection } from './SelectionContext';
import { SourcePanel } from '../panels/SourcePanel';
import { StatusBanner } from './StatusBanner';
import { StepCounter } from '../playback/StepCounter';
import { Timeline } from '../playback/Timeline';
import { useKeyboardShortcuts } from '../playback/useKeyboardShortcuts';
import { CopyLinkButton } from '../share/CopyLinkButton';
import type { ShareLink } from '../share/link';
import type { OverlaySet } from '../../render';
import { DEFAULT_PRESET } from './presets';
import './shell.css';

export interface VisualiserProps {
  /** The preset shown in the picker. */
  scenario: string;
  onScenarioChange: (preset: string) => void;
  /** Embedded: only the grid, the narration and the controls. */
  embed?: boolean;
  /** A message for the user (e.g. a bad link), shown until dismissed. */
  notice?: string | null;
  onDismissNotice?: () => void;
  /** The grid's overlays, when the page keeps them (in the URL). */
  overlays?: OverlaySet;
  onOverlaysChange?: (overlays: OverlaySet) => void;
  /** The address of what is shown, for "Copy link"; no button without it. */
  shareLink?: () => ShareLink;
  /** Runs a scenario file the user opened or dropped; no "Open scenario file" without it. */
  onOpenScenario?: (doc: unknown, fileName: string) => void;
  /** The kernel model asked for (null: the scenario's own); no Model picker without onModelChange. */
  model?: ModelId | null;
  onModelChange?: (model: ModelId) => void;
}

/** The whole page: header, the three columns of panels and the playback bar. */
export function Visualiser({
  scenario,
  onScenarioChange,
  embed = false,
  notice,
  onDismissNotice,
  overlays,
  onOverlaysChange,
  shareLink,
  onOpenScenario,
  model = null,
  onModelChange,
}: VisualiserProps) {
  const store = useEngineStore();
  useKeyboardShortcuts(store);
  usePredictDriver(store);
  useApplyTheme();
  const presentation = usePrefs((p) => p.presentation);
  const customName = useEngine((s) =>
    s.shown?.source.kind === 'document' ? s.info?.name : undefined,
  );
  const customDoc = useEngine((s) =>
    s.shown?.source.kind === 'document' ? s.shown.source.doc : null,
  );
  // A new machine is being built while the old one is still in the store: do not show its numbers.
  const reloading = useEngine((s) => s.status === 'loading' && s.info !== null);
  const loadId = useEngine((s) => s.info?.loadId ?? -1);
  /** The kernel the run models: "2.6.20" (or "2.6.17" for the legacy model). */
  const runModel = useEngine((s) => s.info?.model ?? presetModel(scenario) ?? 'linux-2.6.20');
  // While a new scenario loads, the picker shows the model it will run under, not the old run's.
  const loadingModel = useEngine((s) => (s.status === 'loading' ? presetModel(scenario) : null));
  const kernel = runModel.replace(/^linux-/, '');
  // The inspected frame belongs to one run: a new run (loadId) starts with none.
  const [picked, setPicked] = useState<{ loadId: number; pfn: number | null; seq: number }>({
    loadId,
    pfn: null,
    seq: 0,
  });
  const selected = picked.loadId === loadId ? picked.pfn : null;
  const gridApi = useRef<GridRenderer | null>(null);

  const select = useCallback(
    (pfn: number | null) => {
      // Predict mode asking "which frame?": the click is the answer, not an inspection.
      const q = predictStore.getState();
      if (pfn !== null && q.open?.answer.type === 'frame' && q.given === null) {
        q.answer(pfn);
        return;
      }
      setPicked((p) => ({ loadId: store.getState().info?.loadId ?? -1, pfn, seq: p.seq + 1 }));
      store.getState().inspect(pfn);
      if (pfn !== null) gridApi.current?.zoomToPfn(pfn);
    },
    [store],
  );
  const seq = picked.seq;
  const selection = useMemo<Selection>(() => ({ selected, seq, select }), [selected, seq, select]);

  return (
    <SelectionContext.Provider value={selection}>
      <div
        className={`app${embed ? ' app-embed' : ''}${presentation ? ' app-present' : ''}${reloading ? ' app-loading' : ''}`}
        aria-busy={reloading || undefined}
      >
        <a
          className="skip-link"
          href="#controls"
          onClick={(e) => {
            // Not a hash change: the address holds the run's state.
            e.preventDefault();
            const controls = document.getElementById('controls');
            const play = controls?.querySelector<HTMLElement>('[aria-keyshortcuts="Space"]');
            (play && !play.hasAttribute('disabled') ? play : controls)?.focus();
          }}
        >
          Skip to the controls
        </a>
        {embed ? (
          <h1 className="visually-hidden">swsusp-viz: Linux {kernel} hibernation snapshot</h1>
        ) : (
          <header className="app-header">
            <h1>
              swsusp-viz <small>Linux {kernel} hibernation snapshot, step by step</small>
            </h1>
            <ScenarioPicker
              value={scenario}
              onChange={onScenarioChange}
              customName={customName}
              tools={<MachineTools onScenarioChange={onScenarioChange} />}
            >
              <MachineActions scenario={scenario} onScenarioChange={onScenarioChange} />
            </ScenarioPicker>
            {onModelChange && (
              <ModelPicker value={model ?? loadingModel ?? runModel} onChange={onModelChange} />
            )}
            <ViewTabs
              current="visualiser"
              preset={scenario === CUSTOM_SCENARIO ? DEFAULT_PRESET : scenario}
              scenario={scenario === CUSTOM_SCENARIO ? customDoc : null}
              // A 6.12 run is compared with the 2006 design it keeps; the others with each other.
              pair={runModel === 'linux-6.12' ? ['linux-2.6.20', 'linux-6.12'] : null}
            />
          </header>
        )}
        {notice && (
          <div className="banner banner-notice" role="alert">
            <span>{notice}</span>
            {onDismissNotice && (
              <button type="button" className="btn btn-small" onClick={onDismissNotice}>
                Dismiss
              </button>
            )}
          </div>
        )}
        <StatusBanner />
        <main className="app-main">
          <div className="col col-frames">
            <PanelBoundary name="Page frames">
              <FramesPanel
                apiRef={gridApi}
                compact={embed}
                overlays={overlays}
                onOverlaysChange={onOverlaysChange}
                onOpenScenario={onOpenScenario}
              />
            </PanelBoundary>
          </div>
          <div className="col col-explain">
            <PredictCard />
            <PanelBoundary name="Narration">
              <NarrationPanel />
            </PanelBoundary>
            {!embed && (
              <>
                <PanelBoundary name="Source">
                  <SourcePanel />
                </PanelBoundary>
                <PanelBoundary name="Counters">
                  <CountersPanel />
                </PanelBoundary>
                {!presentation && (
                  <PanelBoundary name="Invariants">
                    <InvariantsPanel />
                  </PanelBoundary>
                )}
              </>
            )}
          </div>
          {!embed && !presentation && (
            <div className="col col-structs">
              <PanelBoundary name="Memory bitmaps">
                <BitmapsPanel />
              </PanelBoundary>
              <PanelBoundary name="PBE lists">
                <PbeListsPanel />
              </PanelBoundary>
              <PanelBoundary name="Image">
                <ImagePanel />
              </PanelBoundary>
              <PanelBoundary name="Kernel log">
                <KernelLogPanel />
              </PanelBoundary>
            </div>
          )}
        </main>
        <footer className="app-footer" id="controls" tabIndex={-1}>
          <PanelBoundary name="Controls">
            <div className="footer-bar">
              <Controls />
              {shareLink ? (
                <div className="footer-display">
                  <CopyLinkButton link={shareLink} />
                  <LectureBar />
                </div>
              ) : (
                <LectureBar />
              )}
            </div>
            <StepCounter />
            <Timeline />
          </PanelBoundary>
        </footer>
        <PageTiming />
        <HelpDialog />
      </div>
    </SelectionContext.Provider>
  );
}
