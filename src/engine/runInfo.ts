/** The 'ready' message's description of a loaded run. */
import { buildReport, compareColumn, kindInfo } from '../core';
import type { Run } from '../core';
import type { RunInfo } from '../protocol/messages';
import { outcomeDetail, outcomeText } from './panels/text';
import type { RunIndex } from './runIndex';

export function buildRunInfo(loadId: number, run: Run, index: RunIndex): RunInfo {
  const sc = run.scenario;
  const report = buildReport(run, false);
  return {
    loadId,
    name: sc.name,
    model: sc.model,
    frames: run.trace.frames,
    zones: run.zones.map((z) => ({
      name: z.name,
      start: z.start,
      end: z.end,
      highmem: z.highmem,
      populated: z.populated,
    })),
    totalSteps: run.trace.steps,
    phases: index.phases.map((p) => ({ ...p })),
    outcome: run.outcome,
    failure: run.failure,
    outcomeText: outcomeText(run),
    outcomeDetail: outcomeDetail(run),
    compare: compareColumn(run, report),
    // A copy: the message's buffer is transferred away, the engine keeps its own.
    callStarts: index.callStarts.slice(),
    pagesForIo: sc.pagesForIo,
    ...(run.linux612 ? { preallocation: beforeFreeze(run, index) } : {}),
  };
}

/**
 * linux-6.12's steps before the freeze: from the first step up to hibernation_snapshot()'s
 * freeze_kernel_threads(), or the whole suspend phase when the run fails before it.
 */
function beforeFreeze(run: Run, index: RunIndex): { start: number; end: number } {
  const suspend = index.phases.find((p) => p.phase === 0);
  if (!suspend) return { start: 0, end: 0 };
  const line = run.trace.columns.line;
  for (let i = suspend.start; i < suspend.end; i++)
    if (kindInfo(line[i]).fn.name === 'hibernation_snapshot')
      return { start: suspend.start, end: i };
  return { start: suspend.start, end: suspend.end };
}
