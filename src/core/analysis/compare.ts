import { PAGE_SIZE } from '../constants';
import type { Report, ResumeReport612, SuspendReport612 } from '../report';
import type { Run } from '../run';

/** One model's column of the compare table. */
export interface CompareColumn {
  model: string;
  outcome: Run['outcome'];
  failure: string | null;
  imagePages: number | null;
  savedHighmem: number;
  /** Lowmem pages the model spends per saved highmem page (copies, slab, and their image copies). */
  lowmemPerHighmemPage: number | null;
  /** Bytes of whole pages holding the suspend-side index (PBE pagedir, or the two bitmaps). */
  suspendMetadataBytes: number | null;
  /** Bytes of whole pages of resume metadata (pagedirs, or bitmaps plus the PBE chain). */
  resumeMetadataBytes: number | null;
  /** PBEs the resume builds. */
  pbes: number | null;
  /** linux-6.12's report fields (null for the 2006 models); a field the run never reached is null. */
  today: TodayColumn | null;
}

/** What only linux-6.12 reports: the preallocation, zero pages and the resume's safe pages. */
export interface TodayColumn {
  /** hibernate_preallocate_memory(): the path and "Allocated %lu pages for snapshot". */
  preallocationPath: 'fits' | 'shrink' | null;
  preallocated: number | null;
  /** free_unnecessary_pages() gave back (null on the fits path). */
  freedUnnecessary: number | null;
  /** Frames swsusp_alloc() added after the preallocation (lowmem + highmem). */
  topUp: number | null;
  zeroPages: number | null;
  copiedPages: number | null;
  reservedSafePages: number | null;
  recycledPages: number | null;
  archPages: number | null;
  safeListLeft: number | null;
}

function todayColumn(s: SuspendReport612 | null, r: ResumeReport612 | null): TodayColumn {
  const pre = s?.preallocation ?? null;
  return {
    preallocationPath: pre?.path ?? null,
    preallocated: pre?.allocated ?? null,
    freedUnnecessary: pre?.freedUnnecessary ?? null,
    topUp: s?.topUp ? s.topUp.lowmem + s.topUp.highmem : null,
    zeroPages: s?.zeroPages ?? null,
    copiedPages: s?.copiedPages ?? null,
    reservedSafePages: r?.reservedSafePages ?? null,
    recycledPages: r?.recycledPages ?? null,
    archPages: r?.archPages ?? null,
    safeListLeft: r?.safeListLeft ?? null,
  };
}

function bitmapPages(run: Run, side: number): number {
  return run.trace.tables.bitmaps
    .filter((b) => b.side === side)
    .reduce(
      (s, b) =>
        s +
        b.chainPfns.length +
        b.zones.reduce((t, z) => t + z.blocks.length, 0) +
        // linux-6.12: the radix trees' inner nodes take a page each too
        (b.rtree ?? []).reduce((t, r) => t + r.nodePfns.length, 0),
      0,
    );
}

export function compareColumn(run: Run, report: Report): CompareColumn {
  const legacy = run.scenario.model === 'linux-2.6.17';
  const s = report.suspend;
  const r = report.resume;
  const failure = report.failure ? `${report.failure.function}: ${report.failure.message}` : null;
  const highToLow = s?.copies?.highToLow ?? 0;
  const savedHighmem = legacy ? highToLow : (s?.saveableHighmem ?? 0);
  let perPage: number | null = null;
  const pagedirPages = Math.ceil((s?.saveableLowmem ?? 0) / 341);
  if (s?.copies && savedHighmem > 0) {
    if (legacy) {
      // each saved highmem page: its lowmem copy, then that copy's image copy; slab pages likewise
      const slab = Math.ceil(highToLow / 128);
      perPage = (2 * (highToLow + slab)) / highToLow;
    } else perPage = highToLow / savedHighmem;
  }
  const suspendMeta = s?.copies ? (legacy ? pagedirPages : bitmapPages(run, 0)) * PAGE_SIZE : null;
  // null fields: the boot kernel never got as far as its chain pages and PBEs
  const chain = r?.pbeChainPages ?? null;
  const resumeMeta =
    chain !== null ? (legacy ? 2 * chain : bitmapPages(run, 1) + chain) * PAGE_SIZE : null;
  const pbes =
    r && r.lowmemPbes !== null
      ? legacy
        ? (s?.saveableLowmem ?? 0)
        : r.lowmemPbes + (r.highmemPbesToHighmem ?? 0) + (r.highmemPbesToLowmem ?? 0)
      : null;
  return {
    model: run.scenario.model,
    outcome: report.outcome,
    failure,
    imagePages: s?.imagePages ?? null,
    savedHighmem,
    lowmemPerHighmemPage: perPage,
    suspendMetadataBytes: suspendMeta,
    resumeMetadataBytes: resumeMeta,
    pbes,
    today: run.linux612 ? todayColumn(s, r) : null,
  };
}
