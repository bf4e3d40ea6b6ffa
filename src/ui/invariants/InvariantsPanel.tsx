import type { InvariantRow } from '../../protocol/messages';
import { useEngine } from '../shell/EngineContext';
import { Panel } from '../panels/Panel';
import './invariants.css';

const STATUS: Record<InvariantRow['status'], { glyph: string; words: string }> = {
  holds: { glyph: '✓', words: 'holds at this step' },
  held: { glyph: '✓', words: 'held at every step so far' },
  pending: { glyph: '·', words: 'not relied on yet' },
  unused: { glyph: '–', words: 'no step of this run relies on it' },
  fails: { glyph: '✗', words: 'FAILS' },
};

function Row({ row }: { row: InvariantRow }) {
  const s = STATUS[row.status];
  return (
    <li
      className={`inv inv-${row.status}${row.relied ? ' inv-relied' : ''}`}
      aria-current={row.relied ? 'step' : undefined}
    >
      <span className="inv-glyph" aria-hidden="true">
        {s.glyph}
      </span>
      <span className="inv-text">
        <span className="inv-statement">{row.statement}</span>
        <span className="inv-status">
          {row.status === 'fails' && row.failedAt !== null
            ? `Fails at step ${row.failedAt + 1}: ${row.detail ?? ''}`
            : s.words}
          {row.relied && row.status !== 'fails' && ' · this step relies on it'}
        </span>
      </span>
    </li>
  );
}

/** The running model's invariants at this step, checked by the engine. */
export function InvariantsPanel() {
  const rows = useEngine((s) => s.panels?.invariants);
  const model = useEngine((s) => s.info?.model);
  const failing = rows?.filter((r) => r.status === 'fails').length ?? 0;
  return (
    <Panel
      title="Invariants"
      className="invariants"
      note={
        rows && rows.length > 0
          ? failing > 0
            ? `${failing} failing`
            : `${model ?? ''}: all hold`
          : undefined
      }
    >
      {!rows || rows.length === 0 ? (
        <p className="muted">This model declares no invariants.</p>
      ) : (
        <ul className="inv-list">
          {rows.map((r) => (
            <Row key={r.id} row={r} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
