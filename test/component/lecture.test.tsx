import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../src/core';
import type { InvariantRow } from '../../src/protocol/messages';
import { prefs, THEME_KEY } from '../../src/ui/lecture/prefs';
import { predictStore } from '../../src/ui/predict/predictStore';
import { createFakeStore, fakePanels, spies } from './fakeStore';
import { renderPage } from './renderPage';

function resetLecture(): void {
  prefs.setState({ presentation: false, predict: false, helpOpen: false, theme: 'system' });
  localStorage.clear();
  predictStore.getState().reset();
}

beforeEach(resetLecture);
afterEach(resetLecture);

const rows: InvariantRow[] = [
  {
    id: 'counts-at-copy',
    statement: 'Counts match at copy time.',
    status: 'holds',
    relied: true,
    failedAt: null,
    detail: null,
  },
  {
    id: 'restore-loop',
    statement: 'The restore loop reads only safe frames.',
    status: 'fails',
    relied: false,
    failedAt: 30,
    detail: 'it reads pfn 0, which is not a safe frame.',
  },
  {
    id: 'safe-homes',
    statement: 'Safe homes cover demand.',
    status: 'pending',
    relied: false,
    failedAt: null,
    detail: null,
  },
];

const choice: Question = {
  kind: 'load-path',
  step: 5,
  prompt: 'Will pfn 3 load in place or through a PBE?',
  answer: { type: 'choice', choices: ['In place', 'Through a PBE'], correct: 1 },
  subject: [3],
  reveal: 'Pfn 3 loads through a PBE.',
};

const frame: Question = {
  kind: 'copy-destination',
  step: 6,
  prompt: 'Where will the copy of pfn 2 go? Click a frame.',
  answer: { type: 'frame', pfn: 4 },
  subject: [2],
  reveal: 'The copy of pfn 2 goes to pfn 4.',
};

/** A fake store whose state 5 asks `choice` and state 6 asks `frame`. */
function predictingStore() {
  const store = createFakeStore({ step: 5, panels: fakePanels(5, { questions: [choice] }) });
  const s = spies(store);
  const goto = (step: number) =>
    store.setState({
      step,
      panels: fakePanels(step, { questions: step === 5 ? [choice] : step === 6 ? [frame] : [] }),
    });
  s.move.mockImplementation((_unit, dir) => goto(store.getState().step + dir));
  s.seek.mockImplementation((step) => goto(step));
  return store;
}

describe('help overlay', () => {
  it('opens with ?, lists every key and closes with Esc', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keys' });
    for (const key of ['Space', '[', ']', '−', '+', 'f', '?', 'Esc']) {
      expect(within(dialog).getAllByText(key, { selector: 'kbd' }).length).toBeGreaterThan(0);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens from its button and closes with Close; keys do not step the run while open', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.click(screen.getByRole('button', { name: 'Keys ?' }));
    const dialog = screen.getByRole('dialog', { name: 'Keys' });
    await user.keyboard('{ArrowRight}');
    expect(spies(store).move).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('invariants panel', () => {
  it('shows each invariant, the one the step relies on, and a failure with its step', () => {
    const store = createFakeStore({ panels: fakePanels(3, { invariants: rows }), step: 3 });
    renderPage(store);
    const panel = screen.getByRole('region', { name: 'Invariants' });
    const items = within(panel).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveAttribute('aria-current', 'step');
    expect(items[0]).toHaveTextContent('holds at this step · this step relies on it');
    expect(items[1]).toHaveClass('inv-fails');
    expect(items[1]).toHaveTextContent('Fails at step 31: it reads pfn 0');
    expect(items[2]).toHaveTextContent('not relied on yet');
    expect(panel).toHaveTextContent('1 failing');
  });

  it('is left out of presentation mode', async () => {
    const user = userEvent.setup();
    renderPage(createFakeStore({ panels: fakePanels(3, { invariants: rows }), step: 3 }));
    await user.keyboard('f');
    expect(screen.queryByRole('region', { name: 'Invariants' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Narration' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Kernel log' })).toBeNull();
    await user.keyboard('F');
    expect(screen.getByRole('region', { name: 'Invariants' })).toBeInTheDocument();
  });
});

describe('predict mode', () => {
  it('asks before the step, reveals with it and keeps the score', async () => {
    const user = userEvent.setup();
    const store = predictingStore();
    renderPage(store);
    const toggle = screen.getByRole('button', { name: 'Predict' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const card = screen.getByRole('region', { name: 'Prediction' });
    expect(card).toHaveTextContent(choice.prompt);
    expect(card).toHaveTextContent('Score 0 of 0');
    await user.click(within(card).getByRole('button', { name: 'Through a PBE' }));
    expect(within(card).getByRole('button', { name: 'Through a PBE' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.keyboard('{ArrowRight}');
    expect(card).toHaveTextContent('✓ Right. Pfn 3 loads through a PBE.');
    expect(card).toHaveTextContent('Score 1 of 1');
    // State 6 asks where a copy goes: a frame typed into Frame answers it.
    expect(card).toHaveTextContent(frame.prompt);
    const input = screen.getByRole('spinbutton', { name: 'Frame number' });
    await user.type(input, '7{Enter}');
    expect(spies(store).inspect).not.toHaveBeenCalledWith(7);
    expect(card).toHaveTextContent('Your answer: pfn 7.');
    act(() => store.getState().move('step', 1));
    expect(card).toHaveTextContent(
      '✗ Not this time. You said pfn 7. The copy of pfn 2 goes to pfn 4.',
    );
    expect(card).toHaveTextContent('Score 1 of 2');
  });

  it('counts a question revealed without an answer apart, and pauses playback on a question', () => {
    const store = predictingStore();
    store.setState({ step: 4, panels: fakePanels(4), playing: true });
    renderPage(store);
    act(() => prefs.getState().togglePredict());
    act(() => store.getState().move('step', 1));
    expect(spies(store).pause).toHaveBeenCalled();
    act(() => store.getState().move('step', 1));
    const card = screen.getByRole('region', { name: 'Prediction' });
    expect(card).toHaveTextContent('Not answered. Pfn 3 loads through a PBE.');
    expect(card).toHaveTextContent('Score 0 of 0 · 1 shown without an answer');
  });

  it('takes the answer by its number from the keyboard, not from a text field', async () => {
    const user = userEvent.setup();
    renderPage(predictingStore());
    await user.keyboard('p');
    const card = screen.getByRole('region', { name: 'Prediction' });
    const pbe = within(card).getByRole('button', { name: 'Through a PBE' });
    expect(pbe).toHaveTextContent('2Through a PBE');
    // A digit typed into Frame stays there.
    await user.type(screen.getByRole('spinbutton', { name: 'Frame number' }), '2');
    expect(pbe).toHaveAttribute('aria-pressed', 'false');
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('3'); // there is no third answer
    expect(pbe).toHaveAttribute('aria-pressed', 'false');
    await user.keyboard('2');
    expect(pbe).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('1'); // one answer per question
    expect(within(card).getByRole('button', { name: 'In place' })).toBeDisabled();
    await user.keyboard('{ArrowRight}');
    expect(card).toHaveTextContent('Score 1 of 1');
  });

  it('asks only the kinds chosen', async () => {
    const user = userEvent.setup();
    renderPage(predictingStore());
    await user.keyboard('p');
    const card = screen.getByRole('region', { name: 'Prediction' });
    await user.click(within(card).getByText('Ask about…'));
    await user.click(within(card).getByRole('checkbox', { name: 'in place or through a PBE' }));
    expect(card).toHaveTextContent('No question at this step');
  });
});

describe('keys never trap', () => {
  it('Space plays even on a focused button, and arrows on a select step the run', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    const forward = screen.getByRole('button', { name: 'Step forward' });
    forward.focus();
    await user.keyboard(' ');
    expect(spies(store).play).toHaveBeenCalledTimes(1);
    expect(spies(store).move).not.toHaveBeenCalled();
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    speed.focus();
    fireEvent.keyDown(speed, { key: 'ArrowRight' });
    expect(spies(store).move).toHaveBeenCalledWith('step', 1);
    expect(spies(store).setRate).not.toHaveBeenCalled();
  });

  it('− and + change the speed one notch; a chosen speed releases the focus', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.keyboard('+');
    expect(store.getState().rate).toBe(15);
    await user.keyboard('-');
    await user.keyboard('-');
    expect(store.getState().rate).toBe(4);
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    await user.selectOptions(speed, '2');
    expect(speed).not.toHaveFocus();
  });

  it('t switches the theme and remembers it', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.keyboard('t');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(screen.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('t');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('the skip link takes the focus to Play', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to the controls' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Play' })).toHaveFocus();
  });
});
