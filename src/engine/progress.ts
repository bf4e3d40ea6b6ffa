/**
 * Load progress as one monotonic fraction. The core reports (steps so far, phase) every 65,536
 * steps but cannot know the total in advance, so the total is estimated from the scenario: about
 * 12.5 steps per image page (mark, allocate, copy, write, read, place, restore, free) plus one per
 * page the shrink loop frees. Simulation fills the first 90% of the bar, building keyframes the
 * rest. A wrong estimate only makes the bar hold near 90% or jump; it never runs backwards.
 */
import { PHASE_NAMES } from '../core';
import type { Scenario } from '../core';

const SIMULATE_SHARE = 0.9;
const STEPS_PER_IMAGE_PAGE = 12.5;

export function estimateSteps(sc: Scenario): number {
  let saveable = 0;
  let reclaimable = 0;
  for (const letter of sc.suspend) {
    if (letter === 83 /* S */ || letter === 75 /* K */) saveable++;
    else if (letter === 67 /* C */) reclaimable++;
  }
  const all = saveable + reclaimable;
  const shrink = sc.imageSize === null ? 0 : Math.min(reclaimable, Math.max(0, all - sc.imageSize));
  return Math.max(1, (all - shrink) * STEPS_PER_IMAGE_PAGE + shrink + 64);
}

export interface ProgressReport {
  fraction: number;
  label: string;
}

export class ProgressMeter {
  private last = 0;
  private readonly estimate: number;

  constructor(
    scenario: Scenario,
    private readonly emit: (p: ProgressReport) => void,
  ) {
    this.estimate = estimateSteps(scenario);
  }

  private report(fraction: number, label: string): void {
    this.last = Math.max(this.last, Math.min(1, fraction));
    this.emit({ fraction: this.last, label });
  }

  simulating(steps: number, phase: number): void {
    const f = Math.min(0.99, steps / this.estimate) * SIMULATE_SHARE;
    const name = PHASE_NAMES[phase] ?? `phase ${phase}`;
    this.report(f, `Simulating (${name}): ${steps.toLocaleString('en-US')} steps`);
  }

  indexing(fraction: number): void {
    this.report(SIMULATE_SHARE + fraction * (1 - SIMULATE_SHARE), 'Building keyframes');
  }
}
