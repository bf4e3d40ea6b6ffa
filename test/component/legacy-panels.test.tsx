// The panels in linux-2.6.17's own words, on the real engine (inline): the suspend pagedir in the
// PBE lists, the counters a step moved, and the end state explained.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getPreset, kindIds, simulateDocument } from '../../src/core';
import type { Run } from '../../src/core';
import { createInlineTransport } from '../../src/engine/transport';
import { connectEngine } from '../../src/store/connect';
import type { EngineConnection } from '../../src/store/connect';
import { CountersPanel } from '../../src/ui/panels/CountersPanel';
import { NarrationPanel } from '../../src/ui/panels/NarrationPanel';
import { PbeListsPanel } from '../../src/ui/panels/PbeListsPanel';
import { EngineProvider } from '../../src/ui/shell/EngineContext';

const region = (name: string) => screen.getByRole('region', { name });

let conn: EngineConnection | null = null;
afterEach(() => conn?.close());

/** The needs-shrinking machine under 2.6.17, its panels mounted on a real engine at `step`. */
async function mount(step: number) {
  conn = connectEngine(createInlineTransport());
  const store = conn.store;
  render(
    <EngineProvider store={store}>
      <NarrationPanel />
      <CountersPanel />
      <PbeListsPanel />
    </EngineProvider>,
  );
  act(() =>
    store.getState().load({ kind: 'preset', name: 'needs-shrinking' }, { model: 'linux-2.6.17' }),
  );
  await waitFor(() => expect(store.getState().status).toBe('ready'));
  act(() => store.getState().seek(step));
  await waitFor(() => expect(store.getState().panels?.step).toBe(step));
  return store;
}

/** The same run in the core, for the numbers the page must show. */
function coreRun() {
  const r = simulateDocument(getPreset('needs-shrinking')?.doc, {
    model: 'linux-2.6.17',
    pairs: true,
  });
  if (!r.ok) throw new Error(r.error);
  return r;
}

/** The state just after the first step `key` of 2.6.17 (the state that shows it). */
function stateAfter(run: Run, key: string): number {
  const id = kindIds('linux-2.6.17')[key];
  const i = run.trace.columns.line.indexOf(id);
  if (i < 0) throw new Error(`no ${key} step`);
  return i + 1;
}

describe('linux-2.6.17 panels', () => {
  it('draw the suspend pagedir as restore_pblist while swsusp_save fills it', async () => {
    const { run, report } = coreRun();
    const pairs = report.suspend?.copyPairs ?? [];
    // After the pagedir is linked and every address given, and a few copies made.
    const copies = 3;
    const at = stateAfter(run, 'lcdp.copy') + copies - 1;
    await mount(at);
    const pbe = region('PBE lists');
    const list = within(pbe).getByRole('list', { name: /^restore_pblist, 21 entries/ });
    const nodes = within(list)
      .getAllByRole('listitem')
      .filter((li) => /orig/.test(li.textContent ?? ''));
    // copy_data_pages has set the first orig_addresses; every PBE already has its copy page
    const lowmem = pairs.filter(([orig]) => orig < 48);
    nodes.slice(0, copies).forEach((li, e) => {
      expect(li).toHaveTextContent(`orig ${lowmem[e][0]}`);
      expect(li).toHaveTextContent(`copy ${lowmem[e][1]}`);
    });
    expect(nodes[copies]).toHaveTextContent(/orig none\s*copy \d+/);
    expect(pbe).toHaveTextContent('The suspend pagedir: alloc_pagedir() links 341 PBEs a page');
    // 2.6.17's own structures: no highmem_pblist, and safe_pages rather than safe_pages_list
    expect(pbe).toHaveTextContent('No highmem_pblist in 2.6.17');
    expect(within(pbe).queryByText('safe_pages_list')).toBeNull();
    expect(within(pbe).getAllByText('safe_pages').length).toBeGreaterThan(0);
  });

  it('marks the counters the step moved', async () => {
    const { run } = coreRun();
    await mount(stateAfter(run, 'lsave.sizes'));
    const counters = region('Counters');
    const moved = counters.querySelectorAll('.counter-moved');
    expect([...moved].map((m) => m.querySelector('dt')?.textContent)).toEqual([
      'nr_copy_pages (moved by this step)',
      'nr_meta_pages (moved by this step)',
      'image pages (moved by this step)',
    ]);
    // 2.6.17's words: no highmem copies in highmem, save_highmem's copies by name
    expect(counters).toHaveTextContent('save_highmem() copies');
    expect(counters).not.toHaveTextContent('copies high→high');
    expect(counters).not.toHaveTextContent('allocated_unsafe_pages');
  });

  it('explains the end state: image pages and the highmem pages restore_highmem brought back', async () => {
    const { run, report } = coreRun();
    await mount(run.trace.steps);
    const outcome = within(region('Narration')).getByRole('status');
    const image = report.suspend?.saveableLowmem ?? 0;
    const high = report.suspend?.saveableHighmem ?? 0;
    expect(outcome).toHaveTextContent(`Restored: all ${image + high} saved pages match`);
    expect(outcome).toHaveTextContent(
      `${image + high} = ${image} image pages (nr_copy_pages) + ${high} highmem pages.`,
    );
    // one slab page holds up to 128 highmem_page records
    expect(outcome).toHaveTextContent(
      `restore_highmem() copied the ${high} back into highmem and freed those ${high + 1} lowmem pages. So ${image - high - 1} image pages are back in their own frames and ${high} highmem pages came back through restore_highmem().`,
    );
  });
});
