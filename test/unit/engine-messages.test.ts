// @vitest-environment node
// The engine's answers to each page → engine message, and its errors: malformed messages, bad
// scenarios and internal failures come back as 'error' messages and never throw.
import { describe, expect, it } from 'vitest';
import { getPreset, Role, simulate as simulateReal } from '../../src/core';
import type { FromEngine } from '../../src/protocol/messages';
import { only, snapshots, TestHarness } from './engine-fixtures';

const load = (name: string, extra: Record<string, unknown> = {}, loadId = 1) => ({
  v: 1,
  type: 'load',
  loadId,
  source: { kind: 'preset', name },
  ...extra,
});

function loaded(name = 'teaching'): TestHarness {
  const h = new TestHarness();
  h.send(load(name));
  return h;
}

describe('load', () => {
  it('answers with progress, ready, then the full state at step 0', () => {
    const h = new TestHarness();
    const msgs = h.send(load('teaching'));
    const types = msgs.map((m) => m.type);
    expect(types.indexOf('progress')).toBeLessThan(types.indexOf('ready'));
    expect(types.slice(-2)).toEqual(['ready', 'snapshot']);
    const progress = only(msgs, 'progress').map((p) => p.fraction);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const info = only(msgs, 'ready')[0].info;
    expect(info).toMatchObject({
      loadId: 1,
      name: 'Teaching machine',
      model: 'linux-2.6.20',
      frames: 80,
      totalSteps: 463,
      outcome: 'restored',
      failure: null,
      outcomeText: 'Restored: all 30 saved pages match',
    });
    expect(info.zones.map((z) => [z.name, z.start, z.end, z.highmem])).toEqual([
      ['Normal', 0, 48, false],
      ['HighMem', 48, 80, true],
    ]);
    // Phases tile the run; calls start at 0 and ascend.
    expect(info.phases.map((p) => p.name)).toEqual([
      'suspend',
      'image',
      'power-off',
      'resume',
      'restore',
      'restored',
    ]);
    info.phases.forEach((p, i) => expect(p.start).toBe(i === 0 ? 0 : info.phases[i - 1].end));
    expect(info.phases.at(-1)!.end).toBe(463);
    const calls = Array.from(info.callStarts);
    expect(calls[0]).toBe(0);
    expect(calls).toEqual([...calls].sort((a, b) => a - b));
    const snap = snapshots(msgs)[0];
    expect(snap).toMatchObject({ seq: 1, loadId: 1, step: 0 });
    expect(snap.delta).toBeUndefined();
    expect(snap.frames!.role[0]).toBe(Role.Nosave); // "N2 K6 S6 …"
    expect(snap.frames!.role[2]).toBe(Role.Kernel);
    expect(snap.panels.narration).toMatch(/^Ready to start/);
    expect(snap.panels.outcome).toBeNull();
  });

  it('starts at the requested step and accepts a scenario document', () => {
    const h = new TestHarness();
    const doc = getPreset('lowmem-only')!.doc;
    const msgs = h.send({
      v: 1,
      type: 'load',
      loadId: 7,
      source: { kind: 'document', doc },
      step: 50,
    });
    expect(only(msgs, 'ready')[0].info.loadId).toBe(7);
    expect(snapshots(msgs)[0]).toMatchObject({ loadId: 7, step: 50 });
  });

  it('describes a failed suspend in its outcome', () => {
    const h = new TestHarness();
    const info = only(h.send(load('not-enough-memory')), 'ready')[0].info;
    expect(info.outcome).toBe('suspend-failed');
    expect(info.outcomeText).toMatch(/^Suspend failed in enough_free_mem: .*\(-ENOMEM\)$/);
    h.send({ v: 1, type: 'seek', step: info.totalSteps });
    expect(snapshots(h.messages).at(-1)!.panels.outcome).toBe(info.outcomeText);
  });
});

describe('seek and move', () => {
  it('sends a delta for a nearby state and the whole table across a bulk step', () => {
    const h = loaded();
    const info = only(h.messages, 'ready')[0].info;
    const near = snapshots(h.send({ v: 1, type: 'seek', step: 3 }))[0];
    expect(near.delta).toBeDefined();
    expect(near.frames).toBeUndefined();
    const resume = info.phases.find((p) => p.name === 'resume')!;
    const far = snapshots(h.send({ v: 1, type: 'seek', step: resume.start + 5 }))[0];
    expect(far.frames).toBeDefined();
    expect(far.frames!.role.length).toBe(80);
  });

  it('clamps seeks to the run', () => {
    const h = loaded();
    expect(snapshots(h.send({ v: 1, type: 'seek', step: 10 ** 9 }))[0].step).toBe(463);
    expect(snapshots(h.send({ v: 1, type: 'seek', step: -5 }))[0].step).toBe(0);
  });

  it('moves by step, call and phase, and stops at the ends', () => {
    const h = loaded();
    const info = only(h.messages, 'ready')[0].info;
    const move = (unit: string, dir: number) =>
      snapshots(h.send({ v: 1, type: 'move', unit, dir }))[0].step;
    expect(move('step', -1)).toBe(0);
    expect(move('step', 1)).toBe(1);
    expect(move('call', 1)).toBe(info.callStarts[1] + 1);
    expect(move('call', -1)).toBe(1);
    expect(move('phase', 1)).toBe(info.phases[1].start + 1);
    expect(move('phase', 1)).toBe(info.phases[2].start + 1);
    expect(move('phase', -1)).toBe(info.phases[1].start + 1);
    h.send({ v: 1, type: 'seek', step: 463 });
    expect(move('phase', 1)).toBe(463);
    expect(move('step', 1)).toBe(463);
  });

  it('numbers snapshots in order', () => {
    const h = loaded();
    h.send({ v: 1, type: 'seek', step: 100 });
    h.send({ v: 1, type: 'move', unit: 'step', dir: 1 });
    expect(snapshots(h.messages).map((s) => s.seq)).toEqual([1, 2, 3]);
  });
});

describe('inspect', () => {
  it('returns a frame and the steps that touched it, and refreshes it when it changes', () => {
    const h = loaded();
    // pfn 8 is the first saveable lowmem page: marked, copied, written, restored.
    const ins = only(h.send({ v: 1, type: 'inspect', pfn: 8 }), 'inspection')[0].info;
    expect(ins).toMatchObject({ pfn: 8, zone: 'Normal', role: Role.Saveable });
    expect(ins.snapshotContent).not.toBeNull();
    expect(ins.historyTotal).toBe(ins.history.length);
    const steps = ins.history.map((e) => e.index);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(ins.history.some((e) => e.functionName === 'copy_data_page')).toBe(true);
    // Seeking past a step that changed pfn 8 sends a fresh inspection; seeking elsewhere not.
    const changedAt = steps.find((k) => k > 0)!;
    const after = h.send({ v: 1, type: 'seek', step: changedAt + 1 });
    expect(only(after, 'inspection')).toHaveLength(1);
    const same = h.send({ v: 1, type: 'seek', step: changedAt + 1 });
    expect(only(same, 'inspection')).toHaveLength(0);
    h.send({ v: 1, type: 'inspect', pfn: -1 });
    expect(only(h.send({ v: 1, type: 'seek', step: 0 }), 'inspection')).toHaveLength(0);
  });
});

describe('errors', () => {
  const errorOf = (msgs: FromEngine[]) => {
    expect(msgs).toHaveLength(1);
    return only(msgs, 'error')[0];
  };

  it.each([
    ['not an object', 'seek'],
    ['a wrong version', { v: 2, type: 'seek', step: 1 }],
    ['an unknown type', { v: 1, type: 'rewind' }],
    ['a missing field', { v: 1, type: 'seek' }],
    ['a bad unit', { v: 1, type: 'move', unit: 'page', dir: 1 }],
    ['a bad rate', { v: 1, type: 'play', unit: 'step', rate: -3 }],
    ['an unknown model', { ...load('teaching'), model: 'linux-9' }],
  ])('answers %s with bad-message', (_, msg) => {
    const h = loaded();
    expect(errorOf(h.send(msg)).code).toBe('bad-message');
  });

  it('answers a command before any load with bad-message', () => {
    const h = new TestHarness();
    expect(errorOf(h.send({ v: 1, type: 'seek', step: 3 }))).toMatchObject({
      code: 'bad-message',
      message: 'no scenario is loaded yet',
    });
  });

  it('answers an unknown preset and an invalid document with bad-scenario, keeping the last run', () => {
    const h = loaded();
    const e1 = errorOf(h.send(load('no-such-preset', {}, 2)));
    expect(e1).toMatchObject({ code: 'bad-scenario', loadId: 2 });
    expect(e1.message).toContain('teaching');
    const bad = { format: 'swsusp-viz/scenario@1', zones: [] };
    const e2 = errorOf(
      h.send({ v: 1, type: 'load', loadId: 3, source: { kind: 'document', doc: bad } }),
    );
    expect(e2).toMatchObject({ code: 'bad-scenario', loadId: 3 });
    expect(e2.message).toMatch(/^zones:/);
    const snap = snapshots(h.send({ v: 1, type: 'seek', step: 10 }))[0];
    expect(snap).toMatchObject({ loadId: 1, step: 10 });
  });

  it('answers an internal failure with internal, keeping the last run', () => {
    let fail = false;
    const h = new TestHarness({
      simulate: (...args) => {
        if (fail) throw new Error('the model exploded');
        return simulateReal(...args);
      },
    });
    h.send(load('teaching'));
    fail = true;
    expect(errorOf(h.send(load('teaching', {}, 2)))).toEqual({
      v: 1,
      type: 'error',
      code: 'internal',
      message: 'could not build the run: the model exploded',
      loadId: 2,
    });
    expect(snapshots(h.send({ v: 1, type: 'seek', step: 4 }))[0].loadId).toBe(1);
  });

  it('answers an inspect outside the machine with bad-message', () => {
    const h = loaded();
    expect(errorOf(h.send({ v: 1, type: 'inspect', pfn: 80 })).code).toBe('bad-message');
  });
});
