import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOTAL, createFakeStore, spies } from './fakeStore';
import { renderPage } from './renderPage';

describe('playback controls', () => {
  it('steps forward and back with the buttons and shows "Step k of n"', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    expect(screen.getByText(`Step 0 of ${TOTAL}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Step back' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(spies(store).move).toHaveBeenCalledWith('step', 1);
    expect(screen.getByText(`Step 2 of ${TOTAL}`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(screen.getByText(`Step 1 of ${TOTAL}`)).toBeInTheDocument();
  });

  it('jumps by phase and to the start and the end', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Next phase' }));
    expect(spies(store).move).toHaveBeenLastCalledWith('phase', 1);
    expect(store.getState().step).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Go to end' }));
    expect(spies(store).seek).toHaveBeenLastCalledWith(TOTAL);
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous phase' }));
    expect(store.getState().step).toBe(39);
    await user.click(screen.getByRole('button', { name: 'Go to start' }));
    expect(store.getState().step).toBe(0);
  });

  it('toggles Play and Pause, and replays from the start at the end', async () => {
    const user = userEvent.setup();
    const { store } = renderPage(createFakeStore({ step: TOTAL }));
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(spies(store).seek).toHaveBeenCalledWith(0);
    expect(spies(store).play).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(spies(store).pause).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();
  });

  it('seeks with the Timeline slider and shows the phase bands', () => {
    const { store } = renderPage();
    const slider = screen.getByRole('slider', { name: 'Timeline' });
    expect(slider).toHaveAttribute('max', String(TOTAL));
    fireEvent.change(slider, { target: { value: '25' } });
    expect(spies(store).seek).toHaveBeenCalledWith(25);
    expect(screen.getByText(`Step 25 of ${TOTAL}`)).toBeInTheDocument();
    for (const name of ['suspend', 'image', 'power-off', 'resume', 'restore', 'restored'])
      expect(screen.getByTitle(new RegExp(`^${name}: steps`))).toBeInTheDocument();
  });

  it('sets the speed and the play unit', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '30');
    expect(spies(store).setRate).toHaveBeenCalledWith(30);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Play by' }), 'call');
    expect(spies(store).setUnit).toHaveBeenCalledWith('call');
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    expect(within(speed).getByRole('option', { name: '30 calls/s' })).toBeInTheDocument();
  });
});

describe('keyboard shortcuts', () => {
  it('maps ←/→, Shift+←/→, PageUp/PageDown, [ ], Space, Home and End', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    const s = () => store.getState();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(s().step).toBe(3);
    await user.keyboard('{ArrowLeft}');
    expect(s().step).toBe(2);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(spies(store).move).toHaveBeenLastCalledWith('call', 1);
    expect(s().step).toBe(4);
    await user.keyboard('{PageDown}');
    expect(spies(store).move).toHaveBeenLastCalledWith('phase', 1);
    await user.keyboard(']');
    expect(s().step).toBe(19);
    await user.keyboard('[[');
    expect(spies(store).move).toHaveBeenLastCalledWith('phase', -1);
    await user.keyboard('{PageUp}');
    expect(s().step).toBe(1);
    await user.keyboard('{End}');
    expect(s().step).toBe(TOTAL);
    await user.keyboard('{Home}');
    expect(s().step).toBe(0);
    await user.keyboard(' ');
    expect(s().playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    await user.keyboard(' ');
    expect(s().playing).toBe(false);
  });

  it('leaves keys alone while a form field has focus', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    const input = screen.getByRole('spinbutton', { name: 'Frame number' });
    await user.click(input);
    await user.keyboard('{ArrowRight} ');
    expect(spies(store).move).not.toHaveBeenCalled();
    expect(spies(store).play).not.toHaveBeenCalled();
  });

  it('does nothing before the run is ready', () => {
    const store = createFakeStore({ status: 'loading', info: null, panels: null, frames: null });
    renderPage(store);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    });
    expect(spies(store).move).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Building the trace');
  });
});
