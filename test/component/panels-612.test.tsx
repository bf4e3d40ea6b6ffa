/**
 * The linux-6.12 panels and compare view on real runs (inline engines): the radix-tree bitmaps
 * with bm_position, the preallocation picture, zero pages in the Image panel, and the compare of
 * 2.6.20 ↔ 6.12 with its preallocation phase and its table.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getPreset, parseScenario, simulate } from '../../src/core';
import { createInlineTransport } from '../../src/engine/transport';
import { connectEngine } from '../../src/store/connect';
import type { EngineStore } from '../../src/store/engineStore';
import { CompareView } from '../../src/ui/compare/CompareView';
import { createComparePair } from '../../src/ui/compare/pair';
import { BitmapsPanel } from '../../src/ui/panels/BitmapsPanel';
import { CountersPanel } from '../../src/ui/panels/CountersPanel';
import { ImagePanel } from '../../src/ui/panels/ImagePanel';
import { EngineProvider } from '../../src/ui/shell/EngineContext';

function todayRun() {
  const parsed = parseScenario(getPreset('today-teaching')!.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return simulate(parsed.scenario);
}

async function loaded(preset: string): Promise<EngineStore> {
  const { store } = connectEngine(createInlineTransport());
  store.getState().load({ kind: 'preset', name: preset });
  await waitFor(() => expect(store.getState().status).toBe('ready'), { timeout: 10_000 });
  return store;
}

async function seek(store: EngineStore, step: number) {
  act(() => store.getState().seek(step));
  await waitFor(() => expect(store.getState().step).toBe(step), { timeout: 10_000 });
}

describe('linux-6.12 panels', () => {
  it('draws the bitmaps as radix trees and marks bm_position as leaf and bit', async () => {
    const run = todayRun();
    const store = await loaded('today-teaching');
    // copy_data_pages(): the state after the copy of the fourth pfn
    const pairs = run.trace.tables.copyPairs;
    const src = pairs[6];
    const copyStep = Array.from({ length: run.trace.steps }, (_, i) => i).find(
      (i) => run.trace.columns.p0[i] === src && run.trace.columns.phase[i] === 0 && i > 100,
    )!;
    await seek(store, copyStep + 1);
    render(
      <EngineProvider store={store}>
        <BitmapsPanel />
      </EngineProvider>,
    );
    const panel = screen.getByRole('region', { name: 'Memory bitmaps' });
    const orig = within(panel).getByRole('article', { name: 'orig_bm' });
    expect(orig).toHaveTextContent('mem_zone_bm_rtree levels 0 · 1 leaf');
    expect(orig).toHaveTextContent('root is leaf 0 (one leaf, no inner node)');
    expect(orig).toHaveTextContent(`bm_position: cur.node = leaf 0, bit ${src} → pfn ${src}`);
    const leaves = within(orig).getByRole('list', { name: 'orig_bm leaves' });
    expect(within(leaves).getAllByRole('listitem')).toHaveLength(1);
    expect(within(leaves).getByRole('listitem')).toHaveAttribute('aria-current', 'location');
    // the basic bitmaps are there too, as the model has them
    expect(within(panel).getByRole('article', { name: 'forbidden_pages_map' })).toBeVisible();
    expect(within(panel).getByRole('article', { name: 'free_pages_map' })).toBeVisible();
    expect(within(panel).getByRole('article', { name: 'zero_bm' })).toBeVisible();
  });

  it('pictures hibernate_preallocate_memory() with the numbers the run computed', async () => {
    const run = todayRun();
    const pre = run.linux612!.suspend.preallocation!;
    const store = await loaded('today-teaching');
    // just before the freeze: the preallocation is done
    await seek(store, store.getState().info!.preallocation!.end);
    render(
      <EngineProvider store={store}>
        <CountersPanel />
      </EngineProvider>,
    );
    const figure = screen.getByRole('figure');
    expect(figure).toHaveAccessibleName(
      `hibernate_preallocate_memory(): count ${pre.count}, saveable ${pre.saveable}; max_size ${pre.maxSize}; size ${pre.targetSize}; ${pre.path} path; preallocated ${pre.allocNormal} lowmem and ${pre.allocHighmem} highmem; free_unnecessary_pages() gave back ${pre.freedUnnecessary}`,
    );
    expect(within(figure).getByRole('img', { name: /^preallocated:/ })).toHaveAccessibleName(
      `preallocated: alloc_normal (lowmem) ${pre.allocNormal}, alloc_highmem ${pre.allocHighmem}, given back by free_unnecessary_pages() ${pre.freedUnnecessary}`,
    );
    expect(figure).toHaveTextContent(`shrink: saveable ${pre.saveable} > size ${pre.targetSize}`);
  });

  it('shows each zero page in the Image panel with no data page', async () => {
    const run = todayRun();
    const store = await loaded('today-teaching');
    await seek(store, run.trace.steps);
    render(
      <EngineProvider store={store}>
        <ImagePanel />
      </EngineProvider>,
    );
    const panel = screen.getByRole('region', { name: 'Image' });
    const zero = run.linux612!.suspend.zeroPfns;
    expect(panel).toHaveTextContent(`${zero.length} zero (in the meta pages, no data page)`);
    const ghosts = panel.querySelectorAll('.slot-zero');
    expect(Array.from(ghosts, (g) => g.querySelector('.pfn')?.textContent)).toEqual(
      zero.map(String),
    );
    for (const g of ghosts) expect(g).toHaveTextContent('no data page');
  });
});

describe('compare 2.6.20 ↔ 6.12', () => {
  it('starts in preallocation, which only 6.12 has, and extends the table', async () => {
    render(
      <CompareView
        hash="#view=compare&preset=today-teaching&models=linux-2.6.20,linux-6.12"
        syncUrl={false}
        makePair={() => createComparePair(() => connectEngine(createInlineTransport()))}
      />,
    );
    const region = screen.getByRole('region', { name: 'Compare' });
    const old = within(region).getByRole('region', { name: 'Linux 2.6.20' });
    const today = within(region).getByRole('region', { name: 'Linux 6.12' });
    await waitFor(() => expect(today).toHaveTextContent('✓ restored'), { timeout: 10_000 });
    await waitFor(() => expect(old).toHaveTextContent('✓ restored'), { timeout: 10_000 });
    expect(screen.getByRole('link', { name: 'Compare 2.6.20 ↔ 6.12' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('button', { name: 'preallocation' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(old.querySelector('.run-position')).toHaveTextContent(
      'has no preallocation phase: waits here',
    );
    const notes = Array.from(document.querySelectorAll('.compare-note'), (n) => n.textContent);
    expect(notes[0]).toMatch(/^preallocation is 6\.12’s alone/);
    expect(notes[1]).toMatch(/^2\.6\.20 has no zero or offline pages/);
    const table = screen.getByRole('table', { name: '2.6.20 vs 6.12' });
    const run = todayRun();
    const zeroCells = within(within(table).getByRole('row', { name: /^Zero pages/ })).getAllByRole(
      'cell',
    );
    expect(zeroCells.map((c) => c.textContent)).toEqual([
      '—',
      String(run.linux612!.suspend.zeroPfns.length),
    ]);
    const arch = within(
      within(table).getByRole('row', { name: /^swsusp_arch_resume\(\) pages/ }),
    ).getAllByRole('cell');
    expect(arch[1]).toHaveTextContent(String(run.linux612!.resume!.archPfns.length));
  });
});
