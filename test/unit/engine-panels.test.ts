// @vitest-environment node
// PanelData on the teaching preset (80 frames, 463 steps): what the panels show at chosen steps,
// checked against the trace and the core's own narration.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset, kindInfo, Marks, parseScenario, Role, simulate } from '../../src/core';
import type { Run } from '../../src/core';
import { decodePosition } from '../../src/engine/panels/bitmaps';
import type { PanelData } from '../../src/protocol/messages';
import { countFlag, only, referenceState, snapshots, TestHarness } from './engine-fixtures';

let h: TestHarness;
let run: Run;
let total: number;

beforeAll(() => {
  const parsed = parseScenario(getPreset('teaching')!.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  run = simulate(parsed.scenario);
  h = new TestHarness();
  h.send({ v: 1, type: 'load', loadId: 1, source: { kind: 'preset', name: 'teaching' } });
  total = only(h.messages, 'ready')[0].info.totalSteps;
});

/** The panels of state s (which describe step s-1). */
function at(s: number): PanelData {
  return snapshots(h.send({ v: 1, type: 'seek', step: s }))[0].panels;
}

/** The first step whose pseudocode line is `key`, after step `from`. */
function stepOf(key: string, from = 0): number {
  const line = run.trace.columns.line;
  for (let i = from; i < run.trace.steps; i++) if (kindInfo(line[i]).name === key) return i;
  throw new Error(`no ${key} step`);
}

describe('panels', () => {
  it('state 0 is "ready to start" on the suspending side', () => {
    const p = at(0);
    expect(p).toMatchObject({ step: 0, phase: 0, phaseName: 'suspend', functionName: '' });
    expect(p.side).toBe('suspending kernel');
    expect(p.touched).toEqual([]);
    expect(p.log).toEqual([]);
  });

  it('names the step that led to the state: function, line, narration, frames, arrows', () => {
    const k = stepOf('cdpg.low'); // copy_data_page: lowmem pfn 2 into lowmem pfn 21
    const p = at(k + 1);
    expect(p.functionName).toBe('copy_data_page');
    expect(p.file).toBe('kernel/power/snapshot.c');
    expect(p.narration).toBe(
      'copy_data_page: lowmem pfn 2 is copied into lowmem pfn 21 (low→low).',
    );
    expect(p.touched).toEqual([2, 21]);
    expect(p.arrows).toEqual([{ from: 2, to: 21, kind: 'copy' }]);
    expect(p.counters.copies.lowToLow).toBe(1);
  });

  it('shows loads, swaps and the arch restore loop as arrows', () => {
    const read = stepOf('li.data', stepOf('gb.pbe')); // image page 2 (pfn 2's data) into pfn 30
    expect(at(read + 1).arrows).toEqual([{ from: 2, to: 30, kind: 'load' }]);
    const swap = stepOf('rh.swap');
    expect(at(swap + 1).arrows).toEqual([
      { from: 68, to: 50, kind: 'swap' },
      { from: 68, to: 14, kind: 'bounce' },
    ]);
    expect(at(stepOf('ar.copy') + 1).arrows).toEqual([{ from: 22, to: 10, kind: 'restore' }]);
  });

  it('gives the printk of the step and the log so far', () => {
    const k = stepOf('save.need');
    const p = at(k + 1);
    expect(p.printk).toBe('swsusp: Need to copy 30 pages');
    expect(p.log.at(-1)).toBe(p.printk);
    expect(p.logTotal).toBe(p.log.length);
    expect(at(k + 2).printk).toBeNull();
  });

  it('fills enough_free_mem once it has run', () => {
    const k = stepOf('efm.check');
    expect(at(k).counters.enoughFreeMem).toBeNull();
    expect(at(k + 1).counters.enoughFreeMem).toEqual({ available: 34, needed: 27 });
  });

  it('counts bitmap bits and decodes bm_position', () => {
    const k = stepOf('cdpg.low') + 3;
    const p = at(k);
    const ref = referenceState(run, k);
    const orig = p.bitmaps.find((b) => b.slot === 'orig_bm')!;
    expect(orig.setBits).toBe(countFlag(ref.flags, Marks.BM_ORIG));
    expect(orig.setBits).toBe(30);
    expect(orig.position).toEqual({ pfn: 4, zone: 0, block: 0, chunk: 0, bit: 4 });
    expect(p.bitmaps.map((b) => b.slot)).toEqual(['orig_bm', 'copy_bm']);
    // A highmem pfn: zone 1, the second block overall.
    expect(decodePosition(orig.instance, 60)).toEqual({
      pfn: 60,
      zone: 1,
      block: 1,
      chunk: 0,
      bit: 12,
    });
  });

  it('shows a bitmap only with the pages memory_bm_create() has taken so far', () => {
    const p = at(stepOf('bmc.data') + 1); // orig_bm: its chain page and first data page
    const orig = p.bitmaps.find((b) => b.slot === 'orig_bm')!;
    expect(orig.instance.chainPfns).toEqual([14]);
    expect(orig.instance.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn))).toEqual([15]);
  });

  it('tracks the image on swap while it is written and read', () => {
    const w = stepOf('srn.low');
    const p = at(w + 1);
    expect(p.image).toMatchObject({ total: 32, metaPages: 1, written: 3, read: 0, current: 2 });
    expect(p.image.window[2]).toEqual({ index: 2, kind: 'data', pfn: 2, from: 21 });
    const r = at(stepOf('li.data', stepOf('gb.pbe')) + 1);
    expect(r.image.read).toBe(3);
    expect(r.image.current).toBe(2);
  });

  it('windows the PBE lists head first and marks restored entries', () => {
    const firstCopy = stepOf('ar.copy');
    const before = at(firstCopy);
    expect(before.restorePbList.total).toBe(9);
    expect(before.restorePbList.items[0]).toEqual({ orig: 10, copy: 22, done: false });
    const after = at(firstCopy + 2);
    expect(after.restorePbList.items.map((e) => e.done).slice(0, 3)).toEqual([true, true, false]);
    expect(after.highmemPbList.total).toBe(2);
    expect(after.highmemPbList.items.every((e) => e.done)).toBe(true);
  });

  it('lists safe_pages_list from its top', () => {
    const k = stepOf('pi.freesp');
    const p = at(k + 1);
    expect(p.safePagesList.total).toBe(p.counters.safePagesList);
    expect(p.safePagesList.items.slice(0, 2)).toEqual([30, 29]);
  });

  it('knows which kernel runs, and ends with the outcome', () => {
    expect(at(stepOf('pd.boot') + 1).side).toBe('boot kernel');
    const end = at(total);
    expect(end.side).toBe('restored kernel');
    expect(end.outcome).toBe('Restored: all 30 saved pages match');
    expect(at(total - 1).outcome).toBeNull();
  });

  it('matches saved pages against their snapshot: lost at power-off, back after restore', () => {
    const frames = (s: number) => snapshots(h.send({ v: 1, type: 'seek', step: s }))[0];
    h.send({ v: 1, type: 'seek', step: 0 });
    const boot = frames(stepOf('pd.boot') + 1).frames!;
    expect(boot.match[8]).toBe(2); // a saved page, holding the boot kernel's bytes
    expect(boot.match[40]).toBe(0); // never saved
    h.send({ v: 1, type: 'seek', step: 0 });
    const end = frames(total).frames!;
    expect(end.match[8]).toBe(1);
    expect(end.role[8]).toBe(Role.Restored);
  });
});
