import type { ReactNode } from 'react';
import type { CompareColumn } from '../../core';
import { formatBytes, formatCount, formatPages } from '../../render/units';

const OUTCOME_WORDS: Readonly<Record<CompareColumn['outcome'], string>> = {
  restored: 'restored',
  'suspend-failed': 'suspend failed',
  'resume-failed': 'resume failed',
};

/** "swsusp_shrink_memory: Shrinking memory failed: …" → the kernel function and its message. */
export function splitFailure(failure: string): { fn: string; message: string } {
  const i = failure.indexOf(': ');
  return i < 0
    ? { fn: '', message: failure }
    : { fn: failure.slice(0, i), message: failure.slice(i + 2) };
}

function NotReached() {
  return <span className="not-reached">not reached</span>;
}

function Outcome({ col }: { col: CompareColumn }) {
  const ok = col.outcome === 'restored';
  const f = col.failure ? splitFailure(col.failure) : null;
  return (
    <>
      <span className={ok ? 'verdict-badge verdict-ok' : 'verdict-badge verdict-bad'}>
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {OUTCOME_WORDS[col.outcome]}
      </span>
      {f && (
        <span className="failure-text">
          {f.fn && (
            <>
              in <code>{f.fn}()</code>:{' '}
            </>
          )}
          {f.message}
        </span>
      )}
    </>
  );
}

function bytesAndPages(bytes: number): string {
  const pages = Math.ceil(bytes / 4096);
  return `${formatBytes(bytes)} (${formatCount(pages)} ${pages === 1 ? 'page' : 'pages'})`;
}

interface Row {
  label: string;
  note: string;
  cell: (c: CompareColumn) => ReactNode;
}

const ROWS: readonly Row[] = [
  { label: 'Outcome', note: '', cell: (c) => <Outcome col={c} /> },
  {
    label: 'Image pages',
    note: 'incl. header and pfn list',
    cell: (c) => (c.imagePages === null ? <NotReached /> : formatPages(c.imagePages)),
  },
  {
    label: 'Saved highmem pages',
    note: '',
    cell: (c) => (c.imagePages === null ? <NotReached /> : formatCount(c.savedHighmem)),
  },
  {
    label: 'Lowmem pages per saved highmem page',
    note: '2.6.17: a copy, then its copy (+ slab)',
    cell: (c) =>
      c.lowmemPerHighmemPage === null ? (
        c.imagePages === null ? (
          <NotReached />
        ) : (
          <span className="muted">no highmem saved</span>
        )
      ) : (
        c.lowmemPerHighmemPage.toFixed(2)
      ),
  },
  {
    label: 'Metadata during suspend',
    note: 'PBE list vs two bitmaps',
    cell: (c) =>
      c.suspendMetadataBytes === null ? <NotReached /> : bytesAndPages(c.suspendMetadataBytes),
  },
  {
    label: 'Metadata during resume',
    note: 'PBE list ×2 vs bitmaps + PBEs',
    cell: (c) =>
      c.resumeMetadataBytes === null ? <NotReached /> : bytesAndPages(c.resumeMetadataBytes),
  },
  {
    label: 'PBEs on resume',
    note: 'every page vs those not loaded in place',
    cell: (c) => (c.pbes === null ? <NotReached /> : formatCount(c.pbes)),
  },
];

function percentMore(a: number, b: number): string {
  return `${b >= a ? '+' : '−'}${Math.round((Math.abs(b - a) / a) * 100)}%`;
}

/** One sentence for the lecture: who fails, who saves more, at what metadata cost. */
export function verdict(legacy: CompareColumn, modern: CompareColumn): string {
  const lf = legacy.failure ? splitFailure(legacy.failure).fn : '';
  const mf = modern.failure ? splitFailure(modern.failure).fn : '';
  const lok = legacy.outcome === 'restored';
  const mok = modern.outcome === 'restored';
  if (!lok && mok)
    return `Same machine: 2.6.17 cannot hibernate (it fails in ${lf}()); 2.6.20 writes ${formatCount(modern.imagePages ?? 0)} image pages and restores them.`;
  if (lok && !mok) return `2.6.17 restores; 2.6.20 fails in ${mf}().`;
  if (!lok && !mok) return `Both fail: 2.6.17 in ${lf}(), 2.6.20 in ${mf}().`;
  const li = legacy.imagePages ?? 0;
  const mi = modern.imagePages ?? 0;
  const parts = [`Both restore.`];
  if (li > 0 && mi !== li)
    parts.push(
      `2.6.20’s image is ${formatCount(mi)} pages to 2.6.17’s ${formatCount(li)} (${percentMore(li, mi)}).`,
    );
  if (legacy.suspendMetadataBytes !== null && modern.suspendMetadataBytes !== null)
    parts.push(
      `Suspend metadata: ${formatBytes(modern.suspendMetadataBytes)} of bitmaps instead of a ${formatBytes(legacy.suspendMetadataBytes)} PBE list.`,
    );
  return parts.join(' ');
}

export interface SummaryTableProps {
  legacy: CompareColumn | null;
  modern: CompareColumn | null;
}

/** The compare table: one column per kernel, from each run's RunInfo.compare. */
export function SummaryTable({ legacy, modern }: SummaryTableProps) {
  const cols = [legacy, modern];
  return (
    <div className="compare-summary">
      {legacy && modern && <p className="compare-verdict">{verdict(legacy, modern)}</p>}
      <table className="compare-table">
        <caption>2.6.17 vs 2.6.20</caption>
        <colgroup>
          <col className="col-measure" />
          <col className="col-legacy" />
          <col className="col-modern" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Measure</span>
            </th>
            <th scope="col" className="col-legacy">
              2.6.17
            </th>
            <th scope="col" className="col-modern">
              2.6.20
            </th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.label}
                {r.note && <span className="row-note">{r.note}</span>}
              </th>
              {cols.map((c, i) => (
                <td key={i} className={i === 0 ? 'col-legacy' : 'col-modern'}>
                  {c ? r.cell(c) : <span className="muted">loading…</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
