import type { ReactNode } from 'react';
import type { CompareColumn, TodayColumn } from '../../core';
import { versionOf } from '../shell/models';
import { DEFAULT_PAIR, modelClass } from './models';
import type { ModelPair } from './models';
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

/** A linux-6.12 figure: "—" for a 2006 model (no such thing there), "not reached" for a failed run. */
function today(pick: (t: TodayColumn) => ReactNode) {
  return (c: CompareColumn) => {
    if (!c.today) return <span className="muted">—</span>;
    const v = pick(c.today);
    return v === null ? <NotReached /> : v;
  };
}

const count = (n: number | null) => (n === null ? null : formatCount(n));

/** The report fields only linux-6.12 has; shown when either side is 6.12. */
const TODAY_ROWS: readonly Row[] = [
  {
    label: 'Preallocated for the copies',
    note: 'hibernate_preallocate_memory(), before the freeze',
    cell: today((t) =>
      t.preallocated === null
        ? null
        : `${formatPages(t.preallocated)} (${t.preallocationPath ?? '?'} path${t.freedUnnecessary !== null ? `, ${formatCount(t.freedUnnecessary)} given back` : ''})`,
    ),
  },
  {
    label: 'Top-up by swsusp_alloc()',
    note: 'frames added after the freeze',
    cell: today((t) => count(t.topUp)),
  },
  {
    label: 'Zero pages',
    note: 'listed in the meta pages, no data page',
    cell: today((t) => count(t.zeroPages)),
  },
  {
    label: 'Data pages (copied)',
    note: 'nr_copy_pages',
    cell: today((t) => count(t.copiedPages)),
  },
  {
    label: 'PBE reserve on safe_pages_list',
    note: 'prepare_image(), pages',
    cell: today((t) => count(t.reservedSafePages)),
  },
  {
    label: 'Recycled by memory_bm_recycle()',
    note: 'orig_bm’s pages, onto safe_pages_list',
    cell: today((t) => count(t.recycledPages)),
  },
  {
    label: 'swsusp_arch_resume() pages',
    note: 'page tables and restore code',
    cell: today((t) => count(t.archPages)),
  },
  {
    label: 'Left on safe_pages_list',
    note: 'when the boot kernel jumps',
    cell: today((t) => count(t.safeListLeft)),
  },
];

function percentMore(a: number, b: number): string {
  return `${b >= a ? '+' : '−'}${Math.round((Math.abs(b - a) / a) * 100)}%`;
}

/** One sentence for the lecture: who fails, who saves more, at what metadata cost. */
export function verdict(
  legacy: CompareColumn,
  modern: CompareColumn,
  names: readonly [string, string] = ['2.6.17', '2.6.20'],
): string {
  const [a, b] = names;
  const lf = legacy.failure ? splitFailure(legacy.failure).fn : '';
  const mf = modern.failure ? splitFailure(modern.failure).fn : '';
  const lok = legacy.outcome === 'restored';
  const mok = modern.outcome === 'restored';
  if (!lok && mok)
    return `Same machine: ${a} cannot hibernate (it fails in ${lf}()); ${b} writes ${formatCount(modern.imagePages ?? 0)} image pages and restores them.`;
  if (lok && !mok) return `${a} restores; ${b} fails in ${mf}().`;
  if (!lok && !mok) return `Both fail: ${a} in ${lf}(), ${b} in ${mf}().`;
  const li = legacy.imagePages ?? 0;
  const mi = modern.imagePages ?? 0;
  const parts = [`Both restore.`];
  if (li > 0 && mi !== li)
    parts.push(
      `${b}’s image is ${formatCount(mi)} pages to ${a}’s ${formatCount(li)} (${percentMore(li, mi)}).`,
    );
  const zero = modern.today?.zeroPages ?? 0;
  if (zero > 0 && !legacy.today)
    parts.push(
      `${formatCount(zero)} zero ${zero === 1 ? 'page is' : 'pages are'} listed in ${b}’s image without a data page.`,
    );
  if (
    legacy.suspendMetadataBytes !== null &&
    modern.suspendMetadataBytes !== null &&
    !legacy.today &&
    !modern.today &&
    legacy.model === 'linux-2.6.17'
  )
    parts.push(
      `Suspend metadata: ${formatBytes(modern.suspendMetadataBytes)} of bitmaps instead of a ${formatBytes(legacy.suspendMetadataBytes)} PBE list.`,
    );
  else if (legacy.suspendMetadataBytes !== null && modern.suspendMetadataBytes !== null)
    parts.push(
      `Suspend metadata: ${formatBytes(legacy.suspendMetadataBytes)} in ${a}, ${formatBytes(modern.suspendMetadataBytes)} in ${b}.`,
    );
  return parts.join(' ');
}

export interface SummaryTableProps {
  /** The left (older) and the right model's columns. */
  legacy: CompareColumn | null;
  modern: CompareColumn | null;
  /** The models compared, left then right (default 2.6.17 ↔ 2.6.20). */
  pair?: ModelPair;
}

/** The compare table: one column per kernel, from each run's RunInfo.compare. */
export function SummaryTable({ legacy, modern, pair = DEFAULT_PAIR }: SummaryTableProps) {
  const cols = [legacy, modern];
  const names: [string, string] = [versionOf(pair[0]), versionOf(pair[1])];
  const cls = [`col-${modelClass(pair[0])}`, `col-${modelClass(pair[1])}`];
  const rows = pair.includes('linux-6.12') ? [...ROWS, ...TODAY_ROWS] : ROWS;
  return (
    <div className="compare-summary">
      {legacy && modern && <p className="compare-verdict">{verdict(legacy, modern, names)}</p>}
      <table className="compare-table">
        <caption>
          {names[0]} vs {names[1]}
        </caption>
        <colgroup>
          <col className="col-measure" />
          <col className={cls[0]} />
          <col className={cls[1]} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Measure</span>
            </th>
            <th scope="col" className={cls[0]}>
              {names[0]}
            </th>
            <th scope="col" className={cls[1]}>
              {names[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {r.label}
                {r.note && <span className="row-note">{r.note}</span>}
              </th>
              {cols.map((c, i) => (
                <td key={i} className={cls[i]}>
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
