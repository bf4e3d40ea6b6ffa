// The header's file buttons: the Export disclosure (keyboard, names, what each button saves) and
// Open scenario file (a bad file's message, the run kept; a good file handed on to run).
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/core';
import { EngineProvider } from '../../src/ui/shell/EngineContext';
import { FileTools } from '../../src/ui/files/FileTools';
import { scenarioText } from '../../src/ui/files/scenarioFile';
import { createFakeStore, FAKE_REPORT, fakeInfo, spies, TOTAL } from './fakeStore';

/** Every download the page starts: its file name and its Blob. */
let saved: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  saved = [];
  let n = 0;
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, b);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => vi.restoreAllMocks());

function renderTools(store = createFakeStore({ step: 7 }), onOpen = vi.fn()) {
  render(
    <EngineProvider store={store}>
      <FileTools onOpenScenario={onOpen} />
    </EngineProvider>,
  );
  return { store, onOpen };
}

describe('the Export disclosure', () => {
  it('opens from the keyboard, names its buttons and closes with Escape, focus back on it', async () => {
    const user = userEvent.setup();
    renderTools();
    const toggle = screen.getByRole('button', { name: /^Export/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'Export' });
    const names = within(panel)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual([
      'PNG picture (2×, for slides)',
      'SVG picture',
      'Report (JSON, as simulate prints it)',
      'Scenario file (JSON)',
      `Step trace (JSON lines, ${TOTAL} steps)`,
    ]);
    await user.tab();
    expect(within(panel).getByRole('button', { name: /PNG/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('saves the SVG, the report, the scenario and the trace under names of scenario, model and step', async () => {
    const user = userEvent.setup();
    const { store } = renderTools();
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    for (const name of [/SVG/, /Report/, /Scenario file/, /Step trace/])
      await user.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(saved).toHaveLength(4));
    expect(saved.map((s) => s.name)).toEqual([
      'teaching_linux-2.6.20_step-7.svg',
      'teaching_linux-2.6.20_step-7.report.json',
      'teaching_linux-2.6.20_step-7.scenario.json',
      'teaching_linux-2.6.20_step-7.steps.jsonl',
    ]);
    const [svg, report, scenario, trace] = await Promise.all(saved.map((s) => s.blob.text()));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelectorAll('rect.frame')).toHaveLength(store.getState().info!.frames);
    expect(JSON.parse(report)).toEqual(FAKE_REPORT);
    expect(JSON.parse(scenario)).toMatchObject({
      format: 'swsusp-viz/scenario@1',
      model: 'linux-2.6.20',
    });
    // The fake engine answers the trace in two chunks: both are in the file, in order.
    expect(spies(store).exportText).toHaveBeenCalledWith('steps', Math.ceil(TOTAL / 2));
    expect(
      trace
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { index: number }).index),
    ).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Saved teaching_linux-2.6.20_step-7.steps.jsonl',
    );
  });

  it('offers no SVG for a machine over 4,096 frames, and says why', async () => {
    const user = userEvent.setup();
    const frames = 5000;
    const store = createFakeStore({
      info: fakeInfo({
        frames,
        zones: [{ name: 'Normal', start: 0, end: frames, highmem: false, populated: true }],
      }),
      frames: {
        role: new Uint8Array(frames),
        flags: new Uint8Array(frames),
        match: new Uint8Array(frames),
      },
    });
    renderTools(store);
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    const svg = screen.getByRole('button', { name: 'SVG picture' });
    expect(svg).toBeDisabled();
    expect(svg).toHaveAccessibleDescription(
      /offered up to 4,096 frames; this machine has 5,000\. Take the PNG\./,
    );
  });

  it('says so when the engine cannot write the report', async () => {
    const user = userEvent.setup();
    const store = createFakeStore();
    spies(store).exportText.mockImplementation(() =>
      Promise.reject(new Error('The engine crashed.')),
    );
    renderTools(store);
    await user.click(screen.getByRole('button', { name: /^Export/ }));
    await user.click(screen.getByRole('button', { name: /Report/ }));
    expect(
      await screen.findByText('Could not save the report: The engine crashed.'),
    ).toBeInTheDocument();
    expect(saved).toEqual([]);
  });
});

describe('Open scenario file', () => {
  const pick = async (file: File) => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    await act(async () => {
      await userEvent.upload(input, file);
    });
  };

  it('refuses a bad file with one line saying what to fix, and loads nothing', async () => {
    const { store, onOpen } = renderTools();
    await pick(
      new File(['{"format": "swsusp-viz/scenario@1", zones'], 'broken.json', {
        type: 'application/json',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^"broken\.json" is not valid JSON at line 1, column \d+: /);
    expect(onOpen).not.toHaveBeenCalled();
    expect(spies(store).load).not.toHaveBeenCalled();
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('hands a good file on, as a document', async () => {
    const { onOpen } = renderTools();
    const text = scenarioText({ ...(getPreset('teaching')!.doc as object), name: 'Mine' });
    await pick(new File([text], 'mine.json', { type: 'application/json' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledTimes(1));
    expect(onOpen.mock.calls[0][0]).toMatchObject({ name: 'Mine' });
    expect(onOpen.mock.calls[0][1]).toBe('mine.json');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
