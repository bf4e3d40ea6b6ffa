// The engine's 'export' texts are what the CLI prints, byte for byte: the report of
// `simulate --preset P --model M` and the step trace of `simulate --steps`, put together from its
// chunks. Both sides are computed here: the CLI bundle in a child process, the engine in this one.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ModelId } from '../../src/core';
import { STEP_CHUNK, stepChunk } from '../../src/engine/exports';
import { only, runOf, TestHarness } from './engine-fixtures';
import { getPreset } from '../../src/core';

function cli(args: string[]): string {
  const r = spawnSync(process.execPath, ['scripts/simulate.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  expect(r.status).toBe(0);
  return r.stdout;
}

function loaded(preset: string, model: ModelId): TestHarness {
  const h = new TestHarness();
  h.send({ v: 1, type: 'load', loadId: 7, source: { kind: 'preset', name: preset }, model });
  return h;
}

function exportOf(h: TestHarness, what: 'report' | 'steps', from = 0, id = 1) {
  const answers = only(h.send({ v: 1, type: 'export', id, what, from }), 'export');
  expect(answers).toHaveLength(1);
  return answers[0];
}

describe('the engine writes what the CLI prints', { timeout: 120_000 }, () => {
  it.each([
    ['teaching', 'linux-2.6.20'],
    ['not-enough-memory', 'linux-2.6.17'],
    ['needs-shrinking', 'linux-6.12'],
  ] as const)('the report of %s under %s', (preset, model) => {
    const answer = exportOf(loaded(preset, model), 'report');
    expect(answer).toMatchObject({ id: 1, loadId: 7, error: null, next: null });
    expect(answer.text).toBe(cli(['--preset', preset, '--model', model]));
  });

  it('the step trace of teaching under linux-2.6.17, chunk after chunk', () => {
    const h = loaded('teaching', 'linux-2.6.17');
    let text = '';
    let from: number | null = 0;
    let id = 0;
    while (from !== null) {
      const answer = exportOf(h, 'steps', from, ++id);
      expect(answer.error).toBeNull();
      text += answer.text;
      from = answer.next;
    }
    const expected = cli(['--preset', 'teaching', '--model', 'linux-2.6.17', '--steps']);
    expect(text).toBe(expected);
    expect(text.split('\n').length - 1).toBe(h.engine.stats()?.steps);
  });

  it('chunks of the step trace join into the whole of it, whatever their size', () => {
    const run = runOf({ ...(getPreset('teaching')!.doc as object), model: 'linux-2.6.20' });
    const whole = stepChunk(run, 0, run.trace.steps + 1);
    expect(whole.next).toBeNull();
    const parts: string[] = [];
    for (let from: number | null = 0; from !== null;) {
      const c = stepChunk(run, from, 37);
      parts.push(c.text);
      from = c.next;
    }
    expect(parts).toHaveLength(Math.ceil(run.trace.steps / 37));
    expect(parts.join('')).toBe(whole.text);
    expect(STEP_CHUNK).toBeGreaterThan(1000);
  });

  it('answers a bad export with a one-line error, never an exception', () => {
    const idle = new TestHarness();
    expect(exportOf(idle, 'report')).toMatchObject({ error: 'no run is loaded yet', text: '' });
    const h = loaded('teaching', 'linux-2.6.20');
    const total = h.engine.stats()!.steps;
    expect(exportOf(h, 'steps', total + 1).error).toMatch(/past the run's \d+ steps/);
    const bad = h.send({ v: 1, type: 'export', id: 3, what: 'pictures', from: 0 });
    expect(only(bad, 'error')[0].message).toMatch(/^export: expected/);
  });
});
