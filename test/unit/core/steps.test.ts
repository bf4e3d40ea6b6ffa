import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getPreset,
  KINDS,
  MODELS,
  modelHasLine,
  parseScenario,
  presetNames,
  scenarioForModel,
  simulate,
  stepRecord,
} from '../../../src/core';
import type { ModelId, Run, StepRecord } from '../../../src/core';
import { scenarioArb } from './arbitrary';

/** Every kind name and pseudocode line id: none may show in a sentence. */
const KEYS = new Set(KINDS.flatMap((k) => [k.name, k.line]));
const KEY_SHAPE = /\b[a-z]+\.[a-z0-9]+\b/;

function problems(run: Run, r: StepRecord): string[] {
  const out: string[] = [];
  for (const key of KEYS) if (r.narration.includes(key)) out.push(`names the key ${key}`);
  if (KEY_SHAPE.test(r.narration)) out.push('has a key-shaped word');
  if (/\d{4,}/.test(r.narration)) out.push('has a number without thousands separators');
  if (!modelHasLine(run.scenario.model, r.line)) out.push(`line ${r.line} is not its model's`);
  if (r.narration.length === 0) out.push('says nothing');
  return out.map((p) => `${run.scenario.model} ${run.scenario.name} step ${r.index}: ${p}`);
}

/** Checks every step of a run; big runs every step of each kind's first 200 and every 101st. */
function check(run: Run): string[] {
  const out: string[] = [];
  const seen = new Map<number, number>();
  const big = run.trace.steps > 50_000;
  for (let i = 0; i < run.trace.steps; i++) {
    const id = run.trace.columns.line[i];
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (big && n > 200 && i % 101 !== 0) continue;
    out.push(...problems(run, stepRecord(run, i)));
    if (out.length > 5) break;
  }
  return out;
}

describe('the step trace', () => {
  for (const name of presetNames()) {
    for (const model of MODELS) {
      it(`speaks for itself on ${name} under ${model}`, { timeout: 300_000 }, () => {
        const parsed = parseScenario(getPreset(name)!.doc);
        if (!parsed.ok) throw new Error(parsed.error);
        // Z and O pages exist only in linux-6.12: the older models refuse those presets
        if (!scenarioForModel(parsed.scenario, model).ok) return;
        const run = simulate(parsed.scenario, model);
        expect(check(run)).toEqual([]);
      });
    }
  }

  it('speaks for itself on random machines, both models', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<ModelId>(...MODELS), (doc, model) => {
        const parsed = parseScenario({ ...doc, model });
        if (!parsed.ok) throw new Error(parsed.error);
        expect(check(simulate(parsed.scenario))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('names pfns by their role in the step', () => {
    const parsed = parseScenario(getPreset('teaching')!.doc);
    if (!parsed.ok) throw new Error(parsed.error);
    const run = simulate(parsed.scenario, 'linux-2.6.20');
    const records = Array.from({ length: run.trace.steps }, (_, i) => stepRecord(run, i));
    const copy = records.find((r) => r.line === 'cdpg.low')!;
    expect(copy).toMatchObject({ function: 'copy_data_page', file: 'kernel/power/snapshot.c' });
    expect(copy.pfns).toEqual({ src: 2, dst: 21 });
    expect(copy.narration).toContain('pfn 2');
    const meta = records.find((r) => r.line === 'li.read' && r.narration.includes('meta page'))!;
    expect(meta.narration).toMatch(/^swap_read_page reads meta page 1 \(image page 1\)/);
    expect(meta.pfns).toEqual({ into: expect.any(Number) as number });
    const printed = records.filter((r) => r.printk !== undefined).map((r) => r.printk);
    expect(printed).toContain('swsusp: Need to copy 30 pages');
  });
});

describe('simulate --steps', { timeout: 120_000 }, () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });

  it('prints one JSON object per step and nothing else', () => {
    for (const model of MODELS) {
      const steps = cli(['--preset', 'needs-shrinking', '--model', model, '--steps']);
      const report = cli(['--preset', 'needs-shrinking', '--model', model]);
      expect(steps.status).toBe(0);
      expect(steps.stderr).toBe('');
      const lines = steps.stdout.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.length).toBe((JSON.parse(report.stdout) as { steps: number }).steps);
      lines.forEach((l, i) => {
        const r = JSON.parse(l) as StepRecord;
        expect(Object.keys(r).slice(0, 7)).toEqual([
          'index',
          'phase',
          'function',
          'file',
          'line',
          'pfns',
          'narration',
        ]);
        expect(r.index).toBe(i);
        expect(modelHasLine(model, r.line)).toBe(true);
      });
    }
  });

  it('refuses --pairs with --steps in one line', () => {
    const r = cli(['--preset', 'teaching', '--steps', '--pairs']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
