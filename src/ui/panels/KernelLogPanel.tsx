import { useEffect, useRef } from 'react';
import { formatCount } from '../../render/units';
import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';

/** The printk lines so far; the one this step printed is marked. */
export function KernelLogPanel() {
  const log = useEngine((s) => s.panels?.log ?? null);
  const total = useEngine((s) => s.panels?.logTotal ?? 0);
  const printk = useEngine((s) => s.panels?.printk ?? null);
  const box = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // The panel body is the scroll box: keep the newest line in view.
    const el = box.current?.parentElement;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);

  const lines = log ?? [];
  // The lines this step printed are the last ones of the log.
  const fresh = printk === null ? 0 : printk.split('\n').length;
  const earlier = total - lines.length;
  return (
    <Panel
      title="Kernel log"
      className="kernel-log"
      note={`${formatCount(total)} ${total === 1 ? 'line' : 'lines'}`}
    >
      {lines.length === 0 ? (
        <p className="muted">Nothing printed yet.</p>
      ) : (
        <ol className="log" ref={box} start={earlier + 1}>
          {earlier > 0 && (
            <li className="log-more">
              … {formatCount(earlier)} earlier {earlier === 1 ? 'line' : 'lines'}
            </li>
          )}
          {lines.map((l, i) => (
            <li
              key={earlier + i}
              className={i >= lines.length - fresh ? 'log-line log-new' : 'log-line'}
            >
              {l}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
