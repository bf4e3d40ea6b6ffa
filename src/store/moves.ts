/**
 * Moving by call or phase on the page's side, for callers that must answer at once (the host
 * API's `phase` command with a count): the engine's own boundaries over the run's `RunInfo`.
 */
import { Boundaries } from '../engine/units';
import type { RunInfo, StepUnit } from '../protocol/messages';

/** The state `count` units from `from` in direction `dir`, clamped to the run. */
export function moveTarget(
  info: RunInfo,
  from: number,
  unit: StepUnit,
  dir: 1 | -1,
  count = 1,
): number {
  const bounds = new Boundaries(
    info.totalSteps,
    info.callStarts,
    info.phases.map((p) => p.start),
  );
  return bounds.move(from, unit, dir, count);
}
