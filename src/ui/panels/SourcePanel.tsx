import { useEffect, useRef } from 'react';
import { SOURCE, lineFunction } from '../../core';
import type { SourceFunction } from '../../core';
import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';

function currentFunction(name: string, lineId: number): SourceFunction | null {
  if (!name) return null;
  return SOURCE.find((f) => f.name === name) ?? lineFunction(lineId);
}

/** The pseudocode of the function the step ran in, with the step's line marked. */
export function SourcePanel() {
  const name = useEngine((s) => (s.step > 0 ? (s.panels?.functionName ?? '') : ''));
  const lineId = useEngine((s) => s.panels?.lineId ?? 0);
  const lineIndex = useEngine((s) => s.panels?.lineIndex ?? -1);
  const fn = currentFunction(name, lineId);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="step"]');
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
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
