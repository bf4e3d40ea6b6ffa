// "Paste a boot log" in the machine editor: real logs from test/fixtures/bootlogs become the
// edited machine, and the section says plainly what was read and inferred.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MachineEditor } from '../../src/ui/editor/MachineEditor';
import { newDraft } from '../../src/ui/editor/draft';
import { createShelf } from '../../src/ui/editor/machines';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/bootlogs');
const log = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

function memoryStorage(): Storage {
  const m = new Map<string, string>();
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

function renderEditor() {
  const onRun = vi.fn();
  render(
    <MachineEditor
      initial={{ draft: newDraft(), id: null }}
      onClose={() => {}}
      onRun={onRun}
      store={createShelf(memoryStorage())}
    />,
  );
  return { onRun };
}

/** Pastes `text` (fireEvent: typing a whole log key by key would take minutes) and makes it. */
async function paste(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByText('Paste a boot log'));
  fireEvent.change(screen.getByRole('textbox', { name: 'Boot log' }), { target: { value: text } });
  await user.click(screen.getByRole('button', { name: 'Make the machine' }));
  return user;
}

const result = () => {
  const box = screen.getByText('Paste a boot log').closest('details');
  if (!box) throw new Error('no boot log section');
  return within(box).getAllByRole('status')[0];
};

describe('a machine from a boot log', () => {
  it('a 64-bit log: no highmem, said plainly; DMA32 joins Normal; the notes say what was inferred', async () => {
    renderEditor();
    await paste(log('x86_64-matebook-4g.txt'));
    const out = result();
    expect(out).toHaveTextContent('A 64-bit kernel: no highmem.');
    expect(out).toHaveTextContent('DMA 4,096 pages (16 MiB) · Normal 1,511,424 pages');
    const notes = within(out)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(notes.some((n) => /DMA32 is merged into the model's Normal zone/.test(n ?? ''))).toBe(
      true,
    );
    expect(notes.some((n) => /plausible mix, not what the machine held/.test(n ?? ''))).toBe(true);
    // The editor now holds that machine.
    expect(screen.getByRole('spinbutton', { name: 'Normal size' })).toHaveValue(1511424);
    expect(screen.getByRole('checkbox', { name: 'HighMem' })).not.toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue(
      'Machine from a boot log (64-bit, 3,837 MiB RAM)',
    );
    // A whole, valid scenario: the editor's own status says it can run.
    expect(screen.getByText('Ready to run.')).toBeInTheDocument();
  });

  it('a 32-bit log with highmem keeps its HighMem zone, and Run runs it', async () => {
    const { onRun } = renderEditor();
    const user = await paste(log('i386-4.15-highmem-2g.txt'));
    expect(result()).toHaveTextContent('A 32-bit kernel with highmem: 1.13 GiB of HighMem');
    expect(screen.getByRole('checkbox', { name: 'HighMem' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'HighMem size' })).toHaveValue(296958);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(onRun).toHaveBeenCalledWith(expect.stringMatching(/^mine-/));
  });

  it('text that is no boot log gets one line saying what to paste, and the machine is kept', async () => {
    renderEditor();
    const before = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Normal size' }).value;
    await paste('hello\nthis is not a kernel log\n');
    expect(result()).toHaveTextContent(/^Not a machine: no memory layout found: paste the lines/);
    expect(screen.getByRole('spinbutton', { name: 'Normal size' })).toHaveValue(Number(before));
  });
});
