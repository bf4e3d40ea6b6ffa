/** The 'ready' message's description of a loaded run. */
import { buildReport, compareColumn } from '../core';
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
    description: sc.description,
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
    report,
    compare: report ? compareColumn(run, report) : null,
    // A copy: the message's buffer is transferred away, the engine keeps its own.
    callStarts: index.callStarts.slice(),
    suspendLayout: sc.suspendLayout,
    resumeLayout: sc.resumeLayout,
    policy: sc.policy,
    pagesForIo: sc.pagesForIo,
    imageSize: sc.imageSize,
  };
}
