import { useCallback, useRef, useState } from 'react';
import type { ModelId } from '../../core';
import { layoutFor, rendererFor } from '../../render';
import type { GridRenderer, HoverInfo, OverlaySet } from '../../render';
import { formatCount } from '../../render/units';
import { completeInfo } from '../../protocol/messages';
import { useEngine } from '../shell/EngineContext';
import { FrameTooltip } from '../frames/FrameTooltip';
import { GridView } from '../frames/GridView';
import { StatusBanner } from '../shell/StatusBanner';
import { MODEL_TITLES } from '../shell/models';
import { modelClass } from './models';
import type { RunTarget } from './sync';
import { stoppedAt } from './sync';

const NO_OVERLAYS: OverlaySet = new Set();

export interface RunColumnProps {
  model: ModelId;
  /** Where the phase sync put this run (null until both runs are ready). */
  target: RunTarget | null;
  /** The name of the phase both runs are at. */
  phaseName: string;
}

/** One kernel's side of the compare view: its outcome, position, grid and what it just did. */
export function RunColumn({ model, target, phaseName }: RunColumnProps) {
  // The compare view shows runs traced to their end (their outcomes are compared).
  const info = useEngine((s) => completeInfo(s.info));
  const step = useEngine((s) => s.step);
  const status = useEngine((s) => s.status);
  const narration = useEngine((s) => s.panels?.narration ?? '');
  const fn = useEngine((s) => s.panels?.functionName ?? '');
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const onHover = useCallback((h: HoverInfo | null) => setHover(h), []);
  const apiRef = useRef<GridRenderer | null>(null);
  const layout = info ? layoutFor(info.zones, info.frames) : null;
  // SVG grids keep their shape (the viewBox is cols × rows cells of 10 units, 3 units of margin).
  const gridStyle =
    info && layout && rendererFor(info.frames) === 'svg'
      ? { aspectRatio: `${layout.cols * 10 + 6} / ${layout.rows * 10 + 6}` }
      : undefined;
  const title = MODEL_TITLES[model];
  const ready = status === 'ready' && info !== null;
  const stopped = ready && stoppedAt(info, step);
  const failure = info?.failure ?? null;

  let position = '';
  if (ready) {
    position = `Step ${formatCount(step)} of ${formatCount(info.totalSteps)}`;
    if (target?.endedBefore) position += ` · ended before ${phaseName}`;
    else if (target && !target.span) position += ` · has no ${phaseName} phase: waits here`;
    else if (target?.span)
      position += ` · ${phaseName} ${formatCount(step - target.span.start)}/${formatCount(target.span.end - target.span.start)}`;
  }

  return (
    <section
      className={`run-column run-${modelClass(model)}`}
      aria-label={`Linux ${title.version}`}
    >
      <header className="run-head">
        <h3>
          Linux {title.version} <small>{title.about}</small>
        </h3>
        {ready && (
          <p className={info.outcome === 'restored' ? 'run-outcome ok' : 'run-outcome bad'}>
            <span aria-hidden="true">{info.outcome === 'restored' ? '✓' : '✗'}</span>{' '}
            {info.outcome === 'restored'
              ? 'restored'
              : `${info.outcome === 'suspend-failed' ? 'suspend failed' : 'resume failed'}${failure ? ` in ${failure.function}()` : ''}`}
          </p>
        )}
      </header>
      <div className="run-status">
        <StatusBanner />
      </div>
      <p className="run-position">
        <span className="num">{position || '\u00a0'}</span>
        {ready && fn && !target?.endedBefore && <code className="fn">{fn}()</code>}
      </p>
      <div className={`grid-area run-grid${gridStyle ? ' run-grid-svg' : ''}`} style={gridStyle}>
        <GridView overlays={NO_OVERLAYS} onHover={onHover} apiRef={apiRef} />
        {hover && layout && <FrameTooltip hover={hover} layout={layout} />}
      </div>
      <div className="run-say">
        {stopped && failure ? (
          <p className="stopped-here" role="status">
            <strong>{title.version} stopped here:</strong> <code>{failure.function}()</code>:{' '}
            {failure.message}
          </p>
        ) : (
          <p className="run-narration" title={narration}>
            {narration || (ready ? 'Before the first step: the user has asked to hibernate.' : '')}
          </p>
        )}
      </div>
    </section>
  );
}
