import { useCallback, useState } from 'react';
import type { RefObject } from 'react';
import { layoutFor, rendererFor } from '../../render';
import type { GridRenderer, HoverInfo, OverlaySet } from '../../render';
import { formatCount, pagesToBytes } from '../../render/units';
import { useEngine } from '../shell/EngineContext';
import { FrameTooltip } from './FrameTooltip';
import { GridView } from './GridView';
import { Icon } from '../shell/Icons';
import { CompactLegend } from '../embed/CompactLegend';
import { FramesDock } from './FramesDock';
import { OverlayToggles } from './OverlayToggles';
import { PfnInput } from './PfnInput';
import { FileTools } from '../files/FileTools';
import './frames.css';

function ZoomButtons({ apiRef }: { apiRef: RefObject<GridRenderer | null> }) {
  return (
    <div className="zoom-buttons" role="group" aria-label="Zoom">
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Zoom in"
        onClick={() => apiRef.current?.zoomBy(2)}
      >
        <Icon name="zoomIn" />
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Zoom out"
        onClick={() => apiRef.current?.zoomBy(0.5)}
      >
        <Icon name="zoomOut" />
      </button>
      <button
        type="button"
        className="btn btn-icon"
        aria-label="Show the whole machine"
        onClick={() => apiRef.current?.fit()}
      >
        <Icon name="fit" />
      </button>
    </div>
  );
}

/** The "Page frames" region: overlay toggles, the grid, its tooltip and the legend. */
export function FramesPanel({
  apiRef,
  compact,
  overlays: controlled,
  onOverlaysChange,
  onOpenScenario,
}: {
  apiRef: RefObject<GridRenderer | null>;
  compact?: boolean;
  /** The overlays shown, when the page keeps them (in the URL); else the panel keeps its own. */
  overlays?: OverlaySet;
  onOverlaysChange?: (overlays: OverlaySet) => void;
  /** Runs a scenario file opened or dropped ("Open…" only with it). */
  onOpenScenario?: (doc: unknown, fileName: string) => void;
}) {
  const info = useEngine((s) => s.info);
  const [own, setOwn] = useState<OverlaySet>(() => new Set());
  const overlays = controlled ?? own;
  const setOverlays = onOverlaysChange ?? setOwn;
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const onHover = useCallback((h: HoverInfo | null) => setHover(h), []);
  const layout = info ? layoutFor(info.zones, info.frames) : null;
  const canvas = info ? rendererFor(info.frames) === 'canvas' : false;

  return (
    <section className="panel frames" aria-label="Page frames">
      <header className="panel-head">
        <h2>Page frames</h2>
        {info && (
          <span className="panel-note">
            {formatCount(info.frames)} frames · {pagesToBytes(info.frames)} · pfn order
          </span>
        )}
        <div className="frames-tools">
          {!compact && info && <PfnInput max={info.frames} />}
          {canvas && <ZoomButtons apiRef={apiRef} />}
          {!compact && info && <FileTools onOpenScenario={onOpenScenario} />}
        </div>
      </header>
      {!compact && <OverlayToggles value={overlays} onChange={setOverlays} />}
      <div className="grid-area">
        <GridView overlays={overlays} onHover={onHover} apiRef={apiRef} />
        {hover && layout && <FrameTooltip hover={hover} layout={layout} />}
      </div>
      {compact ? <CompactLegend /> : <FramesDock />}
    </section>
  );
}
