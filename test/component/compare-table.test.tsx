/**
 * The compare table and its verdict, on real runs of the core: each column is the compareColumn()
 * of a preset run under one kernel model, exactly what RunInfo.compare carries to the page.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { compareColumn, getPreset, simulateDocument } from '../../src/core';
import type { CompareColumn, ModelId } from '../../src/core';
import { SummaryTable, splitFailure, verdict } from '../../src/ui/compare/SummaryTable';

function column(preset: string, model: ModelId): CompareColumn {
  const doc = getPreset(preset)?.doc;
  const r = simulateDocument(doc, { model });
  if (!r.ok) throw new Error(r.error);
  return compareColumn(r.run, r.report);
}

/** The 2.6.17 and 2.6.20 cells of the row whose header starts with `label`. */
function cells(label: string): [HTMLElement, HTMLElement] {
  const table = screen.getByRole('table', { name: '2.6.17 vs 2.6.20' });
  const header = within(table).getByRole('rowheader', { name: new RegExp(`^${label}`) });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row ${label}`);
  const tds = within(row).getAllByRole('cell');
  expect(tds).toHaveLength(2);
  return [tds[0], tds[1]];
}

describe('compare table on the teaching machine', () => {
  const legacy = column('teaching', 'linux-2.6.17');
  const modern = column('teaching', 'linux-2.6.20');

  it('shows 2.6.17 failing in swsusp_shrink_memory and 2.6.20 restoring', () => {
    render(<SummaryTable legacy={legacy} modern={modern} />);
    const table = screen.getByRole('table', { name: '2.6.17 vs 2.6.20' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Measure', '2.6.17', '2.6.20']);
    const [l, m] = cells('Outcome');
    expect(l).toHaveTextContent('suspend failed');
    expect(within(l).getByText('swsusp_shrink_memory()')).toBeInTheDocument();
    expect(l).toHaveTextContent(
      'Shrinking memory failed: shrink_all_memory() freed no pages while 17 more lowmem pages were needed',
    );
    expect(m).toHaveTextContent(/^✓ restored$/);
  });

  it('gives 2.6.20’s numbers and marks what 2.6.17 never reached', () => {
    render(<SummaryTable legacy={legacy} modern={modern} />);
    expect(cells('Image pages').map((c) => c.textContent)).toEqual([
      'not reached',
      '32 pages (128 KiB)',
    ]);
    expect(cells('Saved highmem pages')[1]).toHaveTextContent('18');
    // 5 of the 18 highmem pages are copied into lowmem: 5 / 18 = 0.28
    expect(cells('Lowmem pages per saved highmem page')[1]).toHaveTextContent('0.28');
    expect(cells('Metadata during suspend')[1]).toHaveTextContent('24 KiB (6 pages)');
    expect(cells('Metadata during resume')[1]).toHaveTextContent('40 KiB (10 pages)');
    expect(cells('PBEs on resume')[1]).toHaveTextContent('11');
    for (const label of ['Image pages', 'Metadata during suspend', 'PBEs on resume'])
      expect(cells(label)[0]).toHaveTextContent('not reached');
    expect(screen.getByText(/^Same machine:/)).toHaveTextContent(
      'Same machine: 2.6.17 cannot hibernate (it fails in swsusp_shrink_memory()); 2.6.20 writes 32 image pages and restores them.',
    );
  });

  it('says "loading" until a column arrives', () => {
    render(<SummaryTable legacy={null} modern={modern} />);
    expect(cells('Outcome')[0]).toHaveTextContent('loading…');
    expect(cells('Outcome')[1]).toHaveTextContent('restored');
    expect(screen.queryByText(/^Same machine:/)).toBeNull();
  });
});

describe('compare table when both kernels restore (needs-shrinking)', () => {
  const legacy = column('needs-shrinking', 'linux-2.6.17');
  const modern = column('needs-shrinking', 'linux-2.6.20');

  it('shows the legacy cost of highmem and its PBE list against the bitmaps', () => {
    render(<SummaryTable legacy={legacy} modern={modern} />);
    expect(cells('Outcome').map((c) => c.textContent)).toEqual(['✓ restored', '✓ restored']);
    expect(cells('Image pages').map((c) => c.textContent)).toEqual([
      '23 pages (92 KiB)',
      '35 pages (140 KiB)',
    ]);
    // 2.6.17: 10 highmem pages, each a lowmem copy and that copy's image copy, plus one slab page twice
    expect(cells('Lowmem pages per saved highmem page').map((c) => c.textContent)).toEqual([
      '2.20',
      '0.28',
    ]);
    expect(cells('Metadata during suspend').map((c) => c.textContent)).toEqual([
      '4 KiB (1 page)',
      '24 KiB (6 pages)',
    ]);
    expect(cells('PBEs on resume').map((c) => c.textContent)).toEqual(['21', '11']);
    expect(verdict(legacy, modern)).toBe(
      'Both restore. 2.6.20’s image is 35 pages to 2.6.17’s 23 (+52%). Suspend metadata: 24 KiB of bitmaps instead of a 4 KiB PBE list.',
    );
  });
});

describe('failure text', () => {
  it('splits the kernel function from the message', () => {
    expect(splitFailure('enough_free_mem: swsusp: Not enough free memory')).toEqual({
      fn: 'enough_free_mem',
      message: 'swsusp: Not enough free memory',
    });
    expect(splitFailure('no function here')).toEqual({ fn: '', message: 'no function here' });
  });
});
