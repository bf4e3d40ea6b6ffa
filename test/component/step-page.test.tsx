import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StepPage } from '../../src/ui/shell/StepPage';
import { TOTAL, createFakeStore, spies } from './fakeStore';

describe('StepPage', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('loads the preset and step of the link, then keeps the hash in step with seeks', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#preset=teaching&step=5');
    const store = createFakeStore({ status: 'loading', info: null });
    render(<StepPage store={store} />);
    expect(spies(store).load).toHaveBeenCalledWith(
      { kind: 'preset', name: 'teaching' },
      { step: 5, tag: 'teaching' },
    );
    act(() => {
      store.setState({ status: 'ready', info: createFakeStore().getState().info, step: 5 });
    });
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    // The hash is written through a throttle: wait for it rather than for time.
    await waitFor(() => expect(window.location.hash).toBe('#preset=teaching&step=6'));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
  });

  it('shows a clear message for a bad link and falls back to the default', () => {
    const store = createFakeStore();
    render(<StepPage store={store} hash="#preset=pentium-9&step=abc" syncUrl={false} />);
    expect(spies(store).load).toHaveBeenCalledWith(
      { kind: 'preset', name: 'teaching' },
      { tag: 'teaching' },
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The link asks for the scenario “pentium-9”, which does not exist; showing “teaching” instead.',
    );
    expect(screen.getByRole('region', { name: 'Page frames' })).toBeInTheDocument();
  });

  it('falls back to step 0 when the link’s step is past the end', () => {
    const store = createFakeStore({ status: 'loading', info: null });
    render(<StepPage store={store} hash="#preset=teaching&step=9999" syncUrl={false} />);
    act(() => {
      store.setState({ status: 'ready', info: createFakeStore().getState().info, step: TOTAL });
    });
    expect(spies(store).seek).toHaveBeenCalledWith(0);
    expect(screen.getByRole('alert')).toHaveTextContent(
      `The link’s step 9999 is past the end of this run (${TOTAL} steps); starting at step 0.`,
    );
  });

  it('loads another scenario from the picker', async () => {
    const user = userEvent.setup();
    const store = createFakeStore();
    render(<StepPage store={store} hash="" syncUrl={false} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'i386-4g');
    expect(spies(store).load).toHaveBeenLastCalledWith(
      { kind: 'preset', name: 'i386-4g' },
      { tag: 'i386-4g' },
    );
    expect(screen.getByText('1,048,576 frames (4 GiB)')).toBeInTheDocument();
  });

  it('a failed load after a good run says so and keeps the picker and the address on the run shown', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#preset=teaching&step=5');
    const store = createFakeStore({ step: 5 });
    render(<StepPage store={store} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'i386-4g');
    expect(window.location.hash).toBe('#preset=i386-4g&step=0');
    act(() => store.setState({ status: 'loading' }));
    act(() => store.setState({ status: 'ready', error: 'could not build the run: out of memory' }));
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
    expect(window.location.hash).toBe('#preset=teaching&step=5');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That scenario could not be run. could not build the run: out of memory Still showing “Tiny machine”.',
    );
  });

  it('embeds with &embed=1', () => {
    render(<StepPage store={createFakeStore()} hash="#embed=1" syncUrl={false} />);
    expect(screen.queryByRole('region', { name: 'Source' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Narration' })).toBeInTheDocument();
  });
});
