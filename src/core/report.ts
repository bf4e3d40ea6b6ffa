import { Reg } from './registers';
import type { Run } from './run';
import { extendReport612 } from './report-612';
import type { Resume612Report, Suspend612Report } from './report-612';

/** The `swsusp-viz/report@1` document (spec §8). */
export interface Report {
  format: 'swsusp-viz/report@1';
  scenario: string;
  model: string;
  outcome: Run['outcome'];
  failure: Run['failure'];
  suspend: SuspendReport | null;
  resume: ResumeReport | null;
  verified: boolean;
  steps: number;
}

export interface SuspendReport {
  shrunkPages: number;
  saveableLowmem: number | null;
  saveableHighmem: number | null;
  freeLowmem: number | null;
  freeHighmem: number | null;
  metaEstimate: number | null;
  copies: { lowToLow: number; highToLow: number; highToHigh: number; lowToHigh: number } | null;
  metaPages: number | null;
  imagePages: number | null;
  copyPairs?: [number, number][] | null;
}

/** A linux-6.12 report's suspend object carries these too. */
export type SuspendReport612 = SuspendReport & Partial<Suspend612Report>;
export type ResumeReport612 = ResumeReport & Partial<Resume612Report>;

/**
 * The boot kernel's counts. A field the kernel never reached is null: allocatedUnsafePages until
 * mark_unsafe_pages() has run, the loads, PBEs and chain pages until prepare_image() has
 * succeeded (as on the suspend side, a failed side reports only what happened).
 */
export interface ResumeReport {
  allocatedUnsafePages: number | null;
  directLowmem: number | null;
  directHighmem: number | null;
  lowmemPbes: number | null;
  highmemPbesToHighmem: number | null;
  highmemPbesToLowmem: number | null;
  pbeChainPages: number | null;
  restorePbList?: [number, number | null][] | null;
  highmemPbList?: [number, number][] | null;
  directPfns?: number[] | null;
}

/** The counts the suspending kernel had when swsusp_save() counted (-1 while it had not). */
function pairs(a: Int32Array, reverse: boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) out.push([a[i], a[i + 1]]);
  return reverse ? out.reverse() : out;
}

/** restore_pblist head first; a legacy PBE with address 0 shows as [pfn, null]. */
function restoreList(t: Run['trace']): [number, number | null][] {
  const list = pairs(t.tables.lowPbes, t.tables.pbeListOrder === 'lifo');
  return list.map(([orig, copy]) => [orig, copy < 0 ? null : copy]);
}

export function buildReport(run: Run, withPairs: boolean): Report {
  const counted = run.counted;
  const t = run.trace;
  const sr = run.suspendRegs;
  const reachedSave = counted !== null;
  const done = run.copied;
  const copiesDone = run.copiesDone;
  const legacy = run.scenario.model === 'linux-2.6.17';
  const suspend: SuspendReport | null =
    sr === null
      ? null
      : {
          shrunkPages: sr[Reg.shrunkPages],
          saveableLowmem: reachedSave ? sr[Reg.saveableLowmem] : null,
          saveableHighmem: reachedSave ? sr[Reg.saveableHighmem] : null,
          freeLowmem: counted ? counted.freeLowmem : null,
          freeHighmem: counted ? counted.freeHighmem : null,
          metaEstimate: reachedSave ? sr[Reg.metaEstimate] : null,
          copies: copiesDone
            ? {
                lowToLow: sr[Reg.lowToLow],
                highToLow: sr[Reg.highToLow],
                highToHigh: sr[Reg.highToHigh],
                lowToHigh: sr[Reg.lowToHigh],
              }
            : null,
          metaPages: done ? sr[Reg.nrMetaPages] : null,
          imagePages: done ? 1 + sr[Reg.nrMetaPages] + sr[Reg.nrCopyPages] : null,
        };
  if (suspend && withPairs) {
    // legacy: the save_highmem pairs come first, then every lowmem copy
    const saves = legacy ? pairs(t.tables.highmemSaves, false) : [];
    suspend.copyPairs = suspend.copies ? [...saves, ...pairs(t.tables.copyPairs, false)] : null;
  }

  const br = run.bootRegs;
  let resume: ResumeReport | null = null;
  if (br !== null) {
    const high = t.tables.highPbes;
    let toHigh = 0;
    for (let i = 0; i < high.length; i += 2)
      if (run.zones.some((z) => z.highmem && high[i + 1] >= z.start && high[i + 1] < z.end))
        toHigh++;
    const loaded = run.loading;
    resume = {
      allocatedUnsafePages: run.unsafeMarked ? br[Reg.allocatedUnsafePages] : null,
      directLowmem: loaded ? br[Reg.directLowmem] : null,
      directHighmem: loaded ? br[Reg.directHighmem] : null,
      // restore_pblist as the arch loop walks it (legacy: PBEs with address 0 included)
      lowmemPbes: loaded ? br[Reg.lowPbes] : null,
      highmemPbesToHighmem: loaded ? toHigh : null,
      highmemPbesToLowmem: loaded ? high.length / 2 - toHigh : null,
      pbeChainPages: loaded ? br[Reg.pbeChainPages] : null,
    };
    if (withPairs) {
      resume.restorePbList = loaded ? restoreList(t) : null;
      resume.highmemPbList = loaded ? pairs(high, true) : null;
      resume.directPfns = loaded ? Array.from(t.tables.directPfns) : null;
    }
  }
  extendReport612(run, suspend, resume, withPairs);
  return {
    format: 'swsusp-viz/report@1',
    scenario: run.scenario.name,
    model: run.scenario.model,
    outcome: run.outcome,
    failure: run.failure,
    suspend,
    resume,
    verified: run.outcome === 'restored' && run.verification?.verified === true,
    steps: t.steps,
  };
}
