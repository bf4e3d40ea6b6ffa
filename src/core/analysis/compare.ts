import { PAGE_SIZE } from '../constants';
import type { Report } from '../report';
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
}

function bitmapPages(run: Run, side: number): number {
  return run.trace.tables.bitmaps
    .filter((b) => b.side === side)
    .reduce((s, b) => s + b.chainPfns.length + b.zones.reduce((t, z) => t + z.blocks.length, 0), 0);
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
  };
}
