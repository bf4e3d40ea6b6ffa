/**
 * Arrows for the grid and the frames a step touched: both come from the step's kind in the
 * catalogue (its declared arrows and frame arguments).
 */
import { stepArrows, stepTouched } from '../../core';
import type { Trace } from '../../core';
import type { Arrow } from '../../protocol/messages';

export function buildArrows(trace: Trace, step: number): Arrow[] {
  if (step < 0) return [];
  return stepArrows(trace, step);
}

export function touchedBy(trace: Trace, step: number): number[] {
  if (step < 0) return [];
  return stepTouched(trace, step);
}
