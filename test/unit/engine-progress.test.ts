// @vitest-environment node
// Load progress: one fraction that only grows, from the core's (steps, phase) callbacks and the
// keyframe pass, and a step estimate close enough to keep the bar honest on the shipped presets.
import { describe, expect, it } from 'vitest';
import { getPreset, parseScenario, simulate } from '../../src/core';
import type { Scenario } from '../../src/core';
import { estimateSteps, ProgressMeter } from '../../src/engine/progress';
import type { ProgressReport } from '../../src/engine/progress';

function scenario(name: string): Scenario {
  const parsed = parseScenario(getPreset(name)!.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

describe('ProgressMeter', () => {
  it('reports a monotonic fraction in [0, 1] that reaches 1 after the keyframes', () => {
    const out: ProgressReport[] = [];
    const m = new ProgressMeter(scenario('teaching'), (p) => out.push(p));
    m.simulating(0, 0);
    m.simulating(300, 3);
    m.simulating(200, 1); // a stale report must not move the bar back
    m.simulating(10 ** 6, 5); // far past the estimate: holds below the keyframe share
    m.indexing(0.5);
    m.indexing(1);
    const f = out.map((p) => p.fraction);
    expect(f).toEqual([...f].sort((a, b) => a - b));
    expect(f[0]).toBe(0);
    expect(f[3]).toBeLessThan(0.9);
    expect(f.at(-1)).toBe(1);
    expect(out[1].label).toBe('Simulating (resume): 300 steps');
    expect(out.at(-1)!.label).toBe('Building keyframes');
  });
});

describe('estimateSteps', () => {
  it.each(['teaching', 'needs-shrinking', 'lowmem-only'])(
    'is within a factor of 1.5 of the real step count for %s',
    (name) => {
      const sc = scenario(name);
      const real = simulate(sc).trace.steps;
      const ratio = estimateSteps(sc) / real;
      expect(ratio).toBeGreaterThan(1 / 1.5);
      expect(ratio).toBeLessThan(1.5);
    },
  );
});
