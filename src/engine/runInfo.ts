/** The 'ready' message's description of a loaded run. */
import { buildReport, compareColumn, kindInfo } from '../core';
import type { Run } from '../core';
import type { RunInfo } from '../protocol/messages';
import { outcomeDetail, outcomeText } from './panels/text';
import type { RunIndex } from './runIndex';

/** `complete`: the run is traced to its end (else the outcome and the report are not known yet). */
export function buildRunInfo(
  loadId: number,
  run: Run,
  index: RunIndex,
  complete = true,
  expectedSteps = run.trace.steps,
): RunInfo {
  const sc = run.scenario;
  const report = complete ? buildReport(run, false) : null;
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
    complete,
    expectedSteps: complete
      ? run.trace.steps
      : Math.max(Math.round(expectedSteps), run.trace.steps),
    phases: index.phases.map((p) => ({ ...p })),
    outcome: complete ? run.outcome : null,
    failure: complete ? run.failure : null,
    outcomeText: complete ? outcomeText(run) : null,
    outcomeDetail: complete ? outcomeDetail(run) : null,
    compare: report ? compareColumn(run, report) : null,
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
