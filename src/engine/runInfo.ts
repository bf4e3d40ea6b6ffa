/** The 'ready' message's description of a loaded run. */
import { buildReport, compareColumn } from '../core';
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
    phases: index.phases.map((p) => ({ ...p })),
    outcome: run.outcome,
    failure: run.failure,
    outcomeText: outcomeText(run),
    outcomeDetail: outcomeDetail(run),
    report,
    compare: compareColumn(run, report),
    // A copy: the message's buffer is transferred away, the engine keeps its own.
    callStarts: index.callStarts.slice(),
    suspendLayout: sc.suspendLayout,
    resumeLayout: sc.resumeLayout,
    policy: sc.policy,
    pagesForIo: sc.pagesForIo,
    imageSize: sc.imageSize,
  };
}
