// @vitest-environment node
// PanelData of a linux-6.12 run (today-teaching, the worked example of the 6.12 model): the
// lists, bitmaps, counters and image the panels show, checked against the run's own report.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset, kindInfo, Marks, parseScenario, simulate } from '../../src/core';
import type { Run } from '../../src/core';
import type { PanelData } from '../../src/protocol/messages';
import { countFlag, only, referenceState, snapshots, TestHarness } from './engine-fixtures';

let h: TestHarness;
let run: Run;

beforeAll(() => {
  const parsed = parseScenario(getPreset('today-teaching')!.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  run = simulate(parsed.scenario);
  h = new TestHarness();
  h.send({ v: 1, type: 'load', loadId: 1, source: { kind: 'preset', name: 'today-teaching' } });
  expect(only(h.messages, 'ready')[0].info.model).toBe('linux-6.12');
});

function at(s: number): PanelData {
  return snapshots(h.send({ v: 1, type: 'seek', step: s }))[0].panels;
}

/** Every step whose kind is `key` of the linux-6.12 catalogue. */
function stepsOf(key: string): number[] {
  const out: number[] = [];
  const line = run.trace.columns.line;
  for (let i = 0; i < run.trace.steps; i++) if (kindInfo(line[i]).name === `6.${key}`) out.push(i);
  if (out.length === 0) throw new Error(`no ${key} step`);
  return out;
}

describe('linux-6.12 panels', () => {
  it('shows safe_pages_list after memory_bm_recycle() as the pages swsusp_arch_resume() pops', () => {
    const recycled = stepsOf('swfRecycle');
    const p = at(recycled[recycled.length - 1] + 1);
    const arch = run.linux612!.resume!.archPfns;
    expect(p.safePagesList.total).toBe(run.linux612!.resume!.recycledPages);
    expect(p.counters.safePagesList).toBe(p.safePagesList.total);
    // get_safe_page() pops from the top: the list, top first, is the order the arch code takes.
    expect(p.safePagesList.items.slice(0, arch.length)).toEqual(arch);
  });

  it('shows the reserve left on safe_pages_list once the loading is done', () => {
    const first = stepsOf('sarPage')[0];
    const p = at(first);
    const left = run.linux612!.resume!.safeListLeft + run.linux612!.resume!.archPfns.length;
    expect(p.safePagesList.total).toBe(left);
    for (const pfn of p.safePagesList.items) expect(pfn).toBeGreaterThanOrEqual(0);
  });

  it('lists every live radix-tree bitmap with its set bits, and bm_position as leaf and bit', () => {
    const mask = {
      orig_bm: Marks.BM_ORIG,
      copy_bm: Marks.BM_COPY,
      safe_highmem_bm: Marks.BM_SAFE_HIGH,
      forbidden_pages_map: Marks.NS,
      free_pages_map: Marks.NSF,
      zero_bm: Marks.BM_ZERO,
      tmp: Marks.BM_TMP,
    };
    const copy = stepsOf('cdpgLow')[3];
    const p = at(copy + 1);
    const slots = p.bitmaps.map((b) => b.slot);
    for (const s of ['orig_bm', 'copy_bm', 'zero_bm', 'forbidden_pages_map', 'free_pages_map'])
      expect(slots).toContain(s);
    const ref = referenceState(run, copy + 1);
    for (const b of p.bitmaps) {
      expect(b.setBits).toBe(countFlag(ref.flags, mask[b.slot]));
      expect(b.instance.rtree).toBeDefined();
    }
    // copy_data_pages() walks orig_bm and copy_bm together: both positions are at their pfns.
    const orig = p.bitmaps.find((b) => b.slot === 'orig_bm')!;
    const args = run.trace.columns;
    expect(orig.position?.pfn).toBe(args.p0[copy]);
    const leaf = orig.instance.zones[orig.position!.zone].blocks[orig.position!.block];
    expect(orig.position!.pfn).toBeGreaterThanOrEqual(leaf.startPfn);
    expect(orig.position!.pfn).toBeLessThan(leaf.endPfn);
  });

  it('gives the Counters panel the preallocation arithmetic the report prints', () => {
    const done = stepsOf('hpmDone')[0];
    const before = at(stepsOf('hpmCount')[0]).counters.preallocation!;
    expect(before.count).toBeNull();
    const c = at(done + 1).counters.preallocation!;
    const pre = run.linux612!.suspend.preallocation!;
    expect(c).toMatchObject({
      saveable: pre.saveable,
      count: pre.count,
      maxSize: pre.maxSize,
      targetSize: pre.targetSize,
      path: pre.path,
      minimumImageSize: pre.minimumImageSize,
      shrinkRequest: pre.shrinkRequest,
      allocNormal: pre.allocNormal,
      allocHighmem: pre.allocHighmem,
      freedUnnecessary: pre.freedUnnecessary,
      allocated: pre.allocated,
    });
  });

  it('puts the zero pages among the data pages of the Image panel, with no data page', () => {
    const zero = run.linux612!.suspend.zeroPfns;
    expect(zero.length).toBeGreaterThan(0);
    const written = run.trace.tables.image.findIndex((x) => x.kind === 'data');
    // The state after the first data page is written: the window starts at the header.
    const first = run.trace.columns.line.findIndex(
      (_, i) => run.trace.columns.phase[i] === 1 && at(i + 1).image.written === written + 1,
    );
    const p = at(first + 1);
    expect(p.image.window[0].index).toBe(0);
    expect(p.image.zero?.total).toBe(zero.length);
    const data = p.image.window.filter((x) => x.kind === 'data').map((x) => x.pfn);
    const toEnd = p.image.window.length === p.image.total;
    const last = data[data.length - 1];
    expect(p.image.zero!.pfns).toEqual(zero.filter((z) => toEnd || z < last));
    for (const z of p.image.zero!.pfns) expect(data).not.toContain(z);
  });
});
