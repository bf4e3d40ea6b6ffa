import type { Preallocation } from './kernel/linux612/suspend';
import { Reg } from './registers';
import type { ResumeReport, SuspendReport } from './report';
import type { Run } from './run';

/** The suspend fields linux-6.12 adds (spec of the 6.12 model, §9.3). */
export interface Suspend612Report {
  basicBitmapPages: number;
  preallocation: Preallocation | null;
  topUp: { lowmem: number; highmem: number } | null;
  zeroPages: number | null;
  copiedPages: number | null;
  zeroPfns?: number[] | null;
}

/** The resume fields linux-6.12 adds. */
export interface Resume612Report {
  basicBitmapPages: number;
  reservedSafePages: number;
  recycledPages: number;
  archPages: number;
  safeListLeft: number;
  archPfns?: number[];
}

/** Adds the linux-6.12 fields to a report's suspend and resume objects, in place. */
export function extendReport612(
  run: Run,
  suspend: SuspendReport | null,
  resume: ResumeReport | null,
  withPairs: boolean,
): void {
  const info = run.linux612;
  if (!info) return;
  const sus = info.suspend;
  if (suspend) {
    const sr = run.suspendRegs;
    const extra: Suspend612Report = {
      basicBitmapPages: sus.basicBitmapPages,
      preallocation: sus.preallocation,
      topUp: sus.topUp,
      zeroPages: run.copied && sr ? sr[Reg.nrZeroPages] : null,
      copiedPages: run.copied && sr ? sr[Reg.nrCopyPages] : null,
    };
    if (withPairs) extra.zeroPfns = run.copiesDone ? [...sus.zeroPfns] : null;
    Object.assign(suspend, extra);
    // metaEstimate is the preallocation's size, known before swsusp_save()
    if (sus.preallocation) suspend.metaEstimate = run.suspendRegs?.[Reg.preMeta] ?? null;
  }
  const res = info.resume;
  if (resume && res) {
    const extra: Resume612Report = {
      basicBitmapPages: res.basicBitmapPages,
      reservedSafePages: res.reservedSafePages,
      recycledPages: res.recycledPages,
      archPages: res.archPfns.length,
      safeListLeft: res.safeListLeft,
    };
    if (withPairs) extra.archPfns = [...res.archPfns];
    Object.assign(resume, extra);
  }
}
