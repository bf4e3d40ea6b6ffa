/**
 * The compare view: phase synchronisation (pure), the link format, the seek pacer, and the whole
 * view on two real engines (inline transports) running the teaching preset under both kernels.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createInlineTransport } from '../../src/engine/transport';
import { connectEngine } from '../../src/store/connect';
import type { PhaseSpan } from '../../src/protocol/messages';
import { CompareView } from '../../src/ui/compare/CompareView';
import { createComparePair, createSeekPacer } from '../../src/ui/compare/pair';
import {
  atFirst,
  atLast,
  nextPos,
  normalisePos,
  prevPos,
  stoppedAt,
  syncPhases,
  targetFor,
} from '../../src/ui/compare/sync';
import type { SyncRun } from '../../src/ui/compare/sync';
import { createFakeStore, spies } from './fakeStore';

const span = (phase: number, name: string, start: number, end: number): PhaseSpan => ({
  phase,
  name,
  start,
  end,
});

// The teaching preset's real phase spans (RunInfo.phases) under each kernel.
const legacy: SyncRun = {
  phases: [span(0, 'suspend', 0, 6)],
  totalSteps: 6,
  outcome: 'suspend-failed',
};
const modern: SyncRun = {
  phases: [
    span(0, 'suspend', 0, 147),
    span(1, 'image', 147, 183),
    span(2, 'power-off', 183, 185),
    span(3, 'resume', 185, 406),
    span(4, 'restore', 406, 424),
    span(5, 'restored', 424, 463),
  ],
  totalSteps: 463,
  outcome: 'restored',
};

describe('phase sync', () => {
  const phases = syncPhases([legacy, modern]);

  it('moves both runs to the same proportional place in a phase', () => {
    expect(phases).toEqual([0, 1, 2, 3, 4, 5]);
    expect(targetFor(legacy, { phase: 0, frac: 0.5 }).step).toBe(3);
    expect(targetFor(modern, { phase: 0, frac: 0.5 }).step).toBe(74);
    expect(targetFor(modern, { phase: 3, frac: 0 }).step).toBe(185);
    expect(targetFor(modern, { phase: 3, frac: 1 }).step).toBe(406);
  });

  it('leaves a run that failed earlier at its end, stopped', () => {
    const t = targetFor(legacy, { phase: 1, frac: 0.3 });
    expect(t).toEqual({ step: 6, span: null, endedBefore: true });
    expect(stoppedAt(legacy, t.step)).toBe(true);
    expect(stoppedAt(legacy, 5)).toBe(false);
    expect(stoppedAt(modern, 463)).toBe(false);
  });

  it('steps phase by phase, and back to the start of the phase first', () => {
    let pos = { phase: 0, frac: 0 };
    expect(atFirst(phases, pos)).toBe(true);
    pos = nextPos(phases, pos);
    expect(pos).toEqual({ phase: 1, frac: 0 });
    expect(prevPos(phases, { phase: 1, frac: 0.4 })).toEqual({ phase: 1, frac: 0 });
    expect(prevPos(phases, pos)).toEqual({ phase: 0, frac: 0 });
    expect(nextPos(phases, { phase: 5, frac: 0.2 })).toEqual({ phase: 5, frac: 1 });
    expect(atLast(phases, { phase: 5, frac: 1 })).toBe(true);
  });

  it('snaps a position to a phase either run has', () => {
    const failedBoth = syncPhases([legacy, legacy]);
    expect(failedBoth).toEqual([0]);
    expect(normalisePos(failedBoth, { phase: 3, frac: 0.5 })).toEqual({ phase: 0, frac: 1 });
    expect(normalisePos([0, 3], { phase: 1, frac: 0.5 })).toEqual({ phase: 3, frac: 0 });
    expect(normalisePos(phases, { phase: 2, frac: 7 })).toEqual({ phase: 2, frac: 1 });
  });
});

describe('seek pacer', () => {
  it('keeps one seek in flight and sends the latest wanted step when it lands', () => {
    const store = createFakeStore();
    const seek = spies(store).seek;
    seek.mockImplementation(() => undefined); // the engine answers later
    const pacer = createSeekPacer(store, () => 0);
    pacer.want(10);
    pacer.want(20);
    pacer.want(30);
    expect(seek.mock.calls).toEqual([[10]]);
    act(() => store.setState({ step: 10 }));
    expect(seek.mock.calls).toEqual([[10], [30]]);
    act(() => store.setState({ step: 30 }));
    pacer.want(30);
    expect(seek).toHaveBeenCalledTimes(2);
    pacer.dispose();
  });

  it('resends a seek that was not answered in time', () => {
    const store = createFakeStore();
    const seek = spies(store).seek;
    seek.mockImplementation(() => undefined);
    let now = 0;
    const pacer = createSeekPacer(store, () => now);
    pacer.want(10);
    pacer.want(12);
    expect(seek).toHaveBeenCalledTimes(1);
    now = 600;
    pacer.want(12);
    expect(seek.mock.calls).toEqual([[10], [12]]);
    pacer.dispose();
  });
});

describe('compare view on two real engines', () => {
  it('runs teaching under both kernels and moves them together by phase', async () => {
    const user = userEvent.setup();
    render(
      <CompareView
        hash="#view=compare&preset=teaching"
        syncUrl={false}
        makePair={() => createComparePair(() => connectEngine(createInlineTransport()))}
      />,
    );
    const region = screen.getByRole('region', { name: 'Compare' });
    const old = within(region).getByRole('region', { name: 'Linux 2.6.17' });
    const neu = within(region).getByRole('region', { name: 'Linux 2.6.20' });
    await waitFor(() => expect(old).toHaveTextContent('suspend failed in swsusp_shrink_memory()'), {
      timeout: 10_000,
    });
    await waitFor(() => expect(neu).toHaveTextContent('✓ restored'), { timeout: 10_000 });
    expect(old.querySelector('.run-position')).toHaveTextContent('Step 0 of 6 · suspend 0/6');
    expect(neu.querySelector('.run-position')).toHaveTextContent('Step 0 of 463 · suspend 0/147');
    expect(screen.getByRole('button', { name: 'Previous phase' })).toBeDisabled();

    // the end of suspend: 2.6.17 has failed there
    const slider = screen.getByRole('slider', { name: 'Position in the phase' });
    await user.click(screen.getByRole('button', { name: 'Next phase' }));
    await waitFor(() =>
      expect(neu.querySelector('.run-position')).toHaveTextContent('Step 147 of 463 · image 0/36'),
    );
    expect(old.querySelector('.run-position')).toHaveTextContent(
      'Step 6 of 6 · ended before image',
    );
    expect(within(old).getByRole('status')).toHaveTextContent(
      '2.6.17 stopped here: swsusp_shrink_memory(): Shrinking memory failed',
    );
    expect(slider).toHaveAttribute('aria-valuetext', 'image: 0%');

    // a phase button jumps; the slider moves within the phase
    await user.click(screen.getByRole('button', { name: 'resume' }));
    await waitFor(() =>
      expect(neu.querySelector('.run-position')).toHaveTextContent(
        'Step 185 of 463 · resume 0/221',
      ),
    );
    expect(screen.getByRole('button', { name: 'resume' })).toHaveAttribute('aria-current', 'step');

    // back to suspend, half way: both runs at the middle of their own suspend
    await user.click(screen.getByRole('button', { name: 'suspend' }));
    // range inputs take no typing: change the value as the browser would
    fireEvent.change(slider, { target: { value: '500' } });
    await waitFor(() =>
      expect(neu.querySelector('.run-position')).toHaveTextContent(
        'Step 74 of 463 · suspend 74/147',
      ),
    );
    await waitFor(() =>
      expect(old.querySelector('.run-position')).toHaveTextContent('Step 3 of 6 · suspend 3/6'),
    );
    expect(within(old).queryByRole('status')).toBeNull();

    const table = screen.getByRole('table', { name: '2.6.17 vs 2.6.20' });
    expect(table).toHaveTextContent('swsusp_shrink_memory()');
    expect(table).toHaveTextContent('32 pages (128 KiB)');
  }, 30_000);
});
