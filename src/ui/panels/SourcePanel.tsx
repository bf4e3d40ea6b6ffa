import { useEffect, useRef } from 'react';
import { kindInfo } from '../../core';
import type { SourceFunction } from '../../core';
import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';
import { scrollIntoViewWithin } from '../shell/scrollWithin';

/** The running model's own listing of the function, found through the step's kind. */
function currentFunction(kindId: number): SourceFunction | null {
  return kindId >= 0 ? kindInfo(kindId).fn : null;
}

/** The pseudocode of the function the step ran in, with the step's line marked. */
export function SourcePanel() {
  const kindId = useEngine((s) => (s.step > 0 ? (s.panels?.kindId ?? -1) : -1));
  const lineIndex = useEngine((s) => s.panels?.lineIndex ?? -1);
  const fn = currentFunction(kindId);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    scrollIntoViewWithin(list.current?.querySelector<HTMLElement>('[aria-current="step"]') ?? null);
  }, [fn, lineIndex]);

  return (
    <Panel
      title="Source"
      className="source"
      note={fn ? <span className="file">{fn.file}</span> : undefined}
    >
      {fn ? (
        <>
          <p className="source-fn">
            <code>{fn.name}()</code>
          </p>
          <ol className="code" ref={list}>
            {fn.lines.map((l, i) => (
              <li
                key={l.key}
                className={i === lineIndex ? 'line line-current' : 'line'}
                aria-current={i === lineIndex ? 'step' : undefined}
              >
                <code>{l.code}</code>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">No kernel code has run yet.</p>
      )}
    </Panel>
  );
}
