// @vitest-environment node
// The engine over the linux-2.6.17 model: restore_pblist in load order, head first, and the
// panels at the end of the arch loop.
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core';
import { only, snapshots, TestHarness } from './engine-fixtures';

describe('engine, linux-2.6.17 model', () => {
  it('shows restore_pblist linked in load order, as the legacy get_buffer builds it', () => {
    const doc = {
      ...(getPreset('teaching')?.doc as object),
      suspend: 'N2 K6 S6 F34 | R1 S8 C10 F13',
    };
    const h = new TestHarness();
    h.send({
      v: 1,
      type: 'load',
      loadId: 1,
      source: { kind: 'document', doc },
      model: 'linux-2.6.17',
    });
    const info = only(h.messages, 'ready')[0].info;
    expect(info.model).toBe('linux-2.6.17');
    expect(info.compare?.lowmemPerHighmemPage).toBeCloseTo(2.25);
    const restore = info.phases.find((p) => p.name === 'restore');
    if (!restore) throw new Error('no restore phase');
    const panels = snapshots(h.send({ v: 1, type: 'seek', step: restore.end }))[0].panels;
    const list = panels.restorePbList;
    expect(list.total).toBe(9);
    // head first: the lowest pfn, as in the CLI report's restorePbList
    expect(list.items.map((e) => [e.orig, e.copy])).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((p) => [p, 35 - p]),
    );
    expect(list.items.every((e) => e.done)).toBe(true);
  });
});
