// The machine editor's pieces: run-length text, refitting to new zones, the seeded random machine,
// undo/redo, the machine shelf in local storage, and the layout field's marked character.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/core';
import {
  docFromDraft,
  encodeRuns,
  lettersOf,
  newDraft,
  refit,
  zonesOf,
} from '../../src/ui/editor/draft';
import { DEFAULT_MIX, generateLayouts } from '../../src/ui/editor/generate';
import { historyReducer } from '../../src/ui/editor/history';
import type { History } from '../../src/ui/editor/history';
import { LayoutField } from '../../src/ui/editor/LayoutField';
import { createShelf, machineKey, STORAGE_KEY } from '../../src/ui/editor/machines';

const zones = zonesOf(newDraft());

function memoryStorage(init: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(init));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('editor draft', () => {
  it('encodes letters as runs and reads them back', () => {
    const r = lettersOf('suspend', 'N2 K6 S6 F34 | R1 S18 F13', zones);
    expect(r.ok).toBe(true);
    if (r.ok) expect(encodeRuns(r.letters, zones)).toBe('N2 K6 S6 F34 | R1 S18 F13');
  });

  it('refits a layout to new zone sizes, keeping frames from the start', () => {
    const to = zonesOf({
      zones: [
        { name: 'DMA', present: true, pages: 4 },
        { name: 'Normal', present: true, pages: 10 },
        { name: 'HighMem', present: true, pages: 34 },
      ],
    });
    expect(refit('suspend', 'N2 K6 S6 F34 | R1 S18 F13', zones, to)).toBe(
      'F4 | N2 K6 S2 | R1 S18 F15',
    );
    expect(refit('suspend', 'N2 K6 S6 F0', zones, to)).toBeNull();
  });

  it('a new draft is a valid scenario', () => {
    expect(parseScenario(docFromDraft(newDraft())).ok).toBe(true);
  });
});

describe('random machine', () => {
  it('is the same for the same seed and shares, valid, and follows the shares', () => {
    const big = zonesOf({
      zones: [
        { name: 'DMA', present: false, pages: 16 },
        { name: 'Normal', present: true, pages: 4096 },
        { name: 'HighMem', present: true, pages: 4096 },
      ],
    });
    const a = generateLayouts(big, DEFAULT_MIX, 7);
    expect(generateLayouts(big, DEFAULT_MIX, 7)).toEqual(a);
    expect(generateLayouts(big, DEFAULT_MIX, 8)).not.toEqual(a);
    const doc = { ...docFromDraft(newDraft()), zones: big, ...a };
    expect(parseScenario(doc)).toMatchObject({ ok: true });
    const sus = lettersOf('suspend', a.suspend, big);
    if (!sus.ok) throw new Error(sus.problem.message);
    const count = (c: string) => sus.letters.filter((x) => x === c.charCodeAt(0)).length;
    // Free 50 : saveable 30 in the mix; clumps make it approximate.
    expect(count('F') / count('S')).toBeGreaterThan(1.1);
    expect(count('F') / count('S')).toBeLessThan(2.6);
  });
});

describe('undo and redo', () => {
  it('groups edits of one field and undoes them in one step', () => {
    let h: History<string> = { past: [], present: 'a', future: [], group: null };
    h = historyReducer(h, { type: 'set', value: 'ab', group: 'name' });
    h = historyReducer(h, { type: 'set', value: 'abc', group: 'name' });
    h = historyReducer(h, { type: 'set', value: 'X', group: null });
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe('abc');
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe('a');
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toBe('abc');
  });
});

describe('machine shelf', () => {
  it('keeps machines across shelves on the same storage', () => {
    const storage = memoryStorage();
    const a = createShelf(storage);
    const doc = docFromDraft(newDraft());
    expect(a.save({ id: 'abc', savedAt: 'now', doc })).toBeNull();
    const b = createShelf(storage);
    expect(b.get(machineKey('abc'))?.doc).toEqual(doc);
    expect(b.rename(machineKey('abc'), 'Renamed')).toBeNull();
    expect(createShelf(storage).get(machineKey('abc'))?.doc.name).toBe('Renamed');
    b.remove(machineKey('abc'));
    expect(createShelf(storage).list()).toEqual([]);
  });

  it('sets a corrupt value aside with a message instead of throwing', () => {
    const shelf = createShelf(memoryStorage({ [STORAGE_KEY]: '{"format":"nope"' }));
    expect(shelf.list()).toEqual([]);
    expect(shelf.problem()).toMatch(/could not be read/);
  });

  it('says so when the browser refuses storage', () => {
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const shelf = createShelf(full);
    expect(shelf.save({ id: 'x1', savedAt: 'now', doc: {} })).toMatch(
      /storage for this page is full/,
    );
    expect(shelf.list()).toHaveLength(1);
  });
});

describe('layout field', () => {
  it('marks the wrong character and says what is wrong', () => {
    const text = 'N2 K6 S6 F0 F34 | R1 S18 F13';
    const r = lettersOf('suspend', text, zones);
    if (r.ok) throw new Error('expected a problem');
    render(
      <LayoutField label="Suspend layout" value={text} problem={r.problem} onChange={() => {}} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('run 4 ("F0")');
    expect(document.querySelector('mark')?.textContent).toBe('0');
    expect(screen.getByLabelText('Suspend layout')).toHaveAttribute('aria-invalid', 'true');
    const area = screen.getByLabelText<HTMLTextAreaElement>('Suspend layout');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect([area.selectionStart, area.selectionEnd]).toEqual([10, 11]);
  });
});
