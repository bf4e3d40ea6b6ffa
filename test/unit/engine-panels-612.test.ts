// @vitest-environment node
// PanelData of a linux-6.12 run (today-teaching, the worked example of the 6.12 model): the
// lists, bitmaps, counters and image the panels show, checked against the run's own report.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset, kindInfo, parseScenario, simulate } from '../../src/core';
import type { Run } from '../../src/core';
import type { PanelData } from '../../src/protocol/messages';
import { only, snapshots, TestHarness } from './engine-fixtures';

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
});
