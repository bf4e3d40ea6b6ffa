import { useEffect, useRef } from 'react';
import { ROLE_NAMES } from '../../core';
import { formatCount, formatWord, markNames } from '../../render';
import { useEngine, useEngineStore } from '../shell/EngineContext';
import { Icon } from '../shell/Icons';
import { useSelection } from '../shell/SelectionContext';
import { scrollIntoViewWithin } from '../shell/scrollWithin';

function History() {
  const store = useEngineStore();
  const inspection = useEngine((s) => s.inspection);
  const step = useEngine((s) => s.step);
  const list = useRef<HTMLOListElement>(null);
  // The last touch at or before the current state is "now"; later ones are still to come.
  const history = inspection?.history ?? [];
  let latest = -1;
  for (let i = 0; i < history.length; i++) if (history[i].index + 1 <= step) latest = i;
  useEffect(() => {
    // The list scrolls in its own box: the frame's facts above it stay in view.
    const el = list.current?.querySelector<HTMLElement>('[aria-current="step"]') ?? null;
    scrollIntoViewWithin(el, list.current);
  }, [latest, inspection]);
  if (!inspection) return null;
  const { historyTotal } = inspection;
  return (
    <div className="history">
      <h3>
        Steps that touched it <span className="muted">({formatCount(historyTotal)})</span>
      </h3>
      {history.length === 0 ? (
        <p className="muted">No step touches this frame.</p>
      ) : (
        <ol ref={list}>
          {history.map((h, i) => {
            const target = h.index + 1;
            const cls =
              i === latest ? 'history-current' : i > latest ? 'history-future' : undefined;
            return (
              <li key={h.index} className={cls} aria-current={i === latest ? 'step' : undefined}>
                <button
                  type="button"
                  className="history-step"
                  aria-label={`Go to step ${target}: ${h.functionName}`}
                  onClick={() => store.getState().seek(target)}
                >
                  <span className="num">Step {formatCount(target)}</span>{' '}
                  <code>{h.functionName}</code>
                </button>
                <span className="history-text">{h.narration}</span>
              </li>
            );
          })}
        </ol>
      )}
      {historyTotal > history.length && (
        <p className="muted">… and {formatCount(historyTotal - history.length)} more.</p>
      )}
    </div>
  );
}

/** Everything about one frame: where it is, what it holds now and at snapshot time, its history. */
export function Inspector() {
  const { selected, select } = useSelection();
  const frames = useEngine((s) => s.frames);
  useEngine((s) => s.framesVersion);
  const info = useEngine((s) => s.info);
  const inspection = useEngine((s) => s.inspection);
  const pfn = selected;
  const live = pfn !== null && frames && pfn < frames.role.length ? pfn : null;
  const ins = inspection && inspection.pfn === pfn ? inspection : null;
  const zone = info?.zones.find((z) => pfn !== null && pfn >= z.start && pfn < z.end);

  return (
    <section className="inspector" aria-label="Frame inspector">
      <header className="inspector-head">
        {pfn !== null && (
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Close the inspector"
            onClick={() => select(null)}
          >
            <Icon name="close" />
          </button>
        )}
      </header>
      {live === null || !frames ? (
        <p className="muted">Click a frame in the grid, or type its number above.</p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>pfn</dt>
              <dd className="num">{formatCount(live)}</dd>
            </div>
            <div>
              <dt>zone</dt>
              <dd>
                {ins?.zone ?? zone?.name ?? '?'} ({zone?.highmem ? 'highmem' : 'lowmem'})
              </dd>
            </div>
            <div>
              <dt>role</dt>
              <dd>{ROLE_NAMES[frames.role[live]]}</dd>
            </div>
            <div>
              <dt>marks</dt>
              <dd>{markNames(frames.flags[live]).join(', ') || 'none'}</dd>
            </div>
            <div>
              <dt>content now</dt>
              <dd className="mono">{ins ? formatWord(ins.content) : '…'}</dd>
            </div>
            <div>
              <dt>at snapshot</dt>
              <dd className="mono">
                {ins
                  ? ins.snapshotContent === null
                    ? 'not saved'
                    : formatWord(ins.snapshotContent)
                  : '…'}
                {frames.match[live] === 1 && <span className="match-ok"> ✓ matches</span>}
                {frames.match[live] === 2 && <span className="match-bad"> ✗ differs</span>}
              </dd>
            </div>
          </dl>
          <History />
        </>
      )}
    </section>
  );
}
