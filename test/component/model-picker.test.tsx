import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StepPage } from '../../src/ui/shell/StepPage';
import { createFakeStore, spies } from './fakeStore';

describe('the Model picker of the step page', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('reloads the scenario under the model picked, lets go of the focus and writes model= in the address', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#preset=teaching&step=5');
    const store = createFakeStore();
    render(<StepPage store={store} />);
    const picker = screen.getByRole('combobox', { name: 'Model' });
    // The fake run is a 2.6.20 run: the picker shows it.
    expect(picker).toHaveValue('linux-2.6.20');
    expect(Array.from((picker as HTMLSelectElement).options).map((o) => o.textContent)).toEqual([
      'Linux 2.6.17',
      'Linux 2.6.20',
      'Linux 6.12',
    ]);
    await user.selectOptions(picker, 'linux-6.12');
    expect(spies(store).load).toHaveBeenLastCalledWith(
      { kind: 'preset', name: 'teaching' },
      { model: 'linux-6.12', tag: 'teaching' },
    );
    // Keyboard-safe: the arrows step the run again, not the select.
    expect(picker).not.toHaveFocus();
    expect(picker).toHaveValue('linux-6.12');
    await waitFor(() =>
      expect(window.location.hash).toBe('#preset=teaching&model=linux-6.12&step=0'),
    );
  });

  it('opens a link’s model, and a scenario picked afterwards under its own model', async () => {
    const user = userEvent.setup();
    const store = createFakeStore();
    render(<StepPage store={store} hash="#preset=teaching&model=linux-2.6.17" syncUrl={false} />);
    expect(spies(store).load).toHaveBeenLastCalledWith(
      { kind: 'preset', name: 'teaching' },
      { model: 'linux-2.6.17', tag: 'teaching' },
    );
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveValue('linux-2.6.17');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'today-teaching');
    // No model: the engine runs the preset's own (linux-6.12 for today-teaching).
    expect(spies(store).load).toHaveBeenLastCalledWith(
      { kind: 'preset', name: 'today-teaching' },
      { tag: 'today-teaching' },
    );
  });
});
