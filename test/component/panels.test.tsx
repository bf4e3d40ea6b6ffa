import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOTAL, createFakeStore, fakePanels } from './fakeStore';
import { renderPage } from './renderPage';

const region = (name: string) => screen.getByRole('region', { name });

describe('page regions', () => {
  it('has every named region', () => {
    renderPage();
    for (const name of [
      'Page frames',
      'Narration',
      'Source',
      'Memory bitmaps',
      'PBE lists',
      'Image',
      'Counters',
      'Kernel log',
    ])
      expect(region(name)).toBeInTheDocument();
  });

  it('embed mode keeps only the grid, the narration and the controls', () => {
    renderPage(createFakeStore(), true);
    expect(region('Page frames')).toBeInTheDocument();
    expect(region('Narration')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeInTheDocument();
    for (const name of ['Source', 'Counters', 'Memory bitmaps', 'Kernel log'])
      expect(screen.queryByRole('region', { name })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Scenario' })).toBeNull();
  });
});

describe('narration', () => {
  it('is a polite live region that follows the step', async () => {
    const user = userEvent.setup();
    renderPage();
    const n = region('Narration');
    expect(n).toHaveAttribute('aria-live', 'polite');
    expect(n).toHaveTextContent('Press Play');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(n).toHaveTextContent('copy_data_page copies pfn 2 into pfn 4 (step 1).');
    expect(within(n).getByText('suspend')).toBeInTheDocument();
  });

  it('shows the outcome in words at the end of the run only', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.queryByText(/Restored: all 4 saved pages match/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to end' }));
    const outcome = within(region('Narration')).getByRole('status');
    expect(outcome).toHaveTextContent('Restored: all 4 saved pages match their snapshot.');
    expect(outcome).toHaveClass('outcome-ok');
  });

  it('marks a failed run', () => {
    renderPage(
      createFakeStore({
        step: TOTAL,
        info: {
          ...createFakeStore().getState().info!,
          outcome: 'suspend-failed',
          outcomeText: 'Suspend failed: swsusp: Not enough free memory',
        },
      }),
    );
    expect(within(region('Narration')).getByRole('status')).toHaveClass('outcome-failed');
  });
});

describe('source', () => {
  it('lists the current function with its file and marks the current line', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(region('Source')).toHaveTextContent('No kernel code has run yet.');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    const src = region('Source');
    expect(within(src).getByText('copy_data_page()')).toBeInTheDocument();
    expect(src).toHaveTextContent('kernel/power/snapshot.c');
    const items = within(src).getAllByRole('listitem');
    expect(items.length).toBe(3);
    expect(items[2]).toHaveAttribute('aria-current', 'step');
    expect(items[2]).toHaveTextContent('do_copy_page(page_address(dst), page_address(src))');
  });
});

describe('counters', () => {
  it('shows numbers with units and the enough_free_mem bar', () => {
    renderPage();
    const c = region('Counters');
    const row = within(c).getByText('L, saveable lowmem').closest('div')!;
    expect(row).toHaveTextContent('2');
    expect(row).toHaveTextContent('8 KiB');
    expect(
      within(c).getByRole('img', { name: /enough_free_mem: needs 4 pages/ }),
    ).toHaveAccessibleName(
      'enough_free_mem: needs 4 pages (16 KiB), 6 pages (24 KiB) free: enough',
    );
    expect(c).toHaveTextContent('allocated_unsafe_pages3');
  });

  it('says when memory is short', () => {
    const base = fakePanels(1);
    renderPage(
      createFakeStore({
        step: 1,
        panels: {
          ...base,
          counters: { ...base.counters, enoughFreeMem: { available: 28, needed: 32 } },
        },
      }),
    );
    expect(region('Counters')).toHaveTextContent('✗ not enough');
  });
});

describe('memory bitmaps', () => {
  it('draws zone_bitmap → bm_block → bits with bm_position', () => {
    renderPage();
    const b = region('Memory bitmaps');
    expect(b).toHaveTextContent('orig_bm');
    expect(b).toHaveTextContent('zone_bitmap Normal · pfn 0–9');
    expect(b).toHaveTextContent('zone_bitmap HighMem · pfn 10–15');
    const block0 = within(b).getByRole('img', { name: /bm_block 0/ });
    expect(block0).toHaveAccessibleName('bm_block 0: pfn 0–9, 2 of 10 bits set');
    expect(block0.querySelectorAll('.bit')).toHaveLength(10);
    expect(block0.querySelectorAll('.bit-on')).toHaveLength(2);
    expect(block0.querySelector('.bit-pos')).toBe(block0.querySelectorAll('.bit')[3]);
    expect(b).toHaveTextContent('bm_position: Normal, block 0, chunk 0, bit 3 → pfn 3');
  });

  it('says when no bitmap exists yet, and when none is live any more', () => {
    const base = fakePanels(0);
    const { unmount } = renderPage(
      createFakeStore({
        panels: { ...base, bitmaps: [], counters: { ...base.counters, enoughFreeMem: null } },
      }),
    );
    expect(region('Memory bitmaps')).toHaveTextContent('No memory bitmap exists yet');
    unmount();
    renderPage(createFakeStore({ panels: fakePanels(0, { bitmaps: [], phase: 5 }) }));
    expect(region('Memory bitmaps')).toHaveTextContent('No memory bitmap is live at this step.');
  });
});

describe('PBE lists', () => {
  it('draws restore_pblist as nodes to NULL with its total and what is left out', () => {
    renderPage();
    const p = region('PBE lists');
    const list = within(p).getByRole('list', { name: 'restore_pblist, 3 entries' });
    const nodes = within(list).getAllByRole('listitem');
    expect(nodes.map((n) => n.textContent)).toEqual([
      'orig 2copy 8✓',
      'orig 3copy 9',
      '… 1 more',
      'NULL',
    ]);
    expect(nodes[0]).toHaveClass('node-done');
    expect(p).toHaveTextContent('highmem_pblist = NULL');
    expect(p).toHaveTextContent('safe_pages_list 1 page');
  });
});

describe('image', () => {
  it('shows header, meta and data pages and the one in flight', () => {
    renderPage();
    const img = region('Image');
    expect(img).toHaveTextContent('6 pages (24 KiB)');
    expect(img).toHaveTextContent('1 header · 1 meta · 4 data');
    const slots = within(img).getByRole('list', { name: 'Image pages on swap' });
    const current = slots.querySelector('[aria-current="step"]');
    expect(current).toHaveTextContent('#2pfn 2');
    expect(
      within(img).getByRole('progressbar', { name: 'written: 3 of 6 pages' }),
    ).toBeInTheDocument();
  });

  it('waits for swsusp_write before there is an image', () => {
    const base = fakePanels(0);
    renderPage(
      createFakeStore({ panels: { ...base, image: { ...base.image, written: 0, current: null } } }),
    );
    expect(region('Image')).toHaveTextContent('No image on swap yet');
  });
});

describe('kernel log', () => {
  it('lists the printk lines and marks the one this step printed', () => {
    const store = createFakeStore();
    renderPage(store);
    const log = region('Kernel log');
    expect(within(log).getAllByRole('listitem')).toHaveLength(2);
    act(() => {
      store.setState({
        step: 3,
        panels: fakePanels(3, {
          printk: 'swsusp: critical section: done (4 pages copied)',
          log: ['a', 'b', 'swsusp: critical section: done (4 pages copied)'],
          logTotal: 250,
        }),
      });
    });
    expect(log).toHaveTextContent('… 247 earlier lines');
    expect(within(log).getByText(/critical section/)).toHaveClass('log-new');
  });
});
