import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { formatHash, parseHash } from '../../src/app/urlHash';
import { TOTAL, createFakeStore, spies } from './fakeStore';

const presets = ['teaching', 'i386-4g'];

describe('URL hash', () => {
  it('reads preset, step and embed', () => {
    expect(parseHash('#preset=i386-4g&step=40&embed=1', presets, 'teaching')).toEqual({
      state: { preset: 'i386-4g', model: null, step: 40, embed: true },
      problems: [],
    });
    expect(parseHash('', presets, 'teaching').state).toEqual({
      preset: 'teaching',
      model: null,
      step: null,
      embed: false,
    });
    expect(parseHash('#model=linux-2.6.20', presets, 'teaching').state.model).toBe('linux-2.6.20');
  });

  it('turns bad values into sentences and defaults', () => {
    const r = parseHash('#preset=nope&step=-3&embed=maybe&model=linux-9', presets, 'teaching');
    expect(r.state).toEqual({ preset: 'teaching', model: null, step: null, embed: false });
    expect(r.problems).toEqual([
      'The link asks for the scenario “nope”, which does not exist; showing “teaching” instead.',
      'The link’s step “-3” is not a step number; starting at step 0.',
      'The link’s model “linux-9” is not one of linux-2.6.20, linux-2.6.17, linux-6.12; using the scenario’s own.',
      'The link’s embed value “maybe” is not 1 or 0; showing the full page.',
    ]);
  });

  it('writes the state back', () => {
    expect(formatHash({ preset: 'teaching', model: null, step: 40, embed: false })).toBe(
      '#preset=teaching&step=40',
    );
    expect(formatHash({ preset: 'teaching', model: 'linux-2.6.20', step: 0, embed: true })).toBe(
      '#preset=teaching&model=linux-2.6.20&step=0&embed=1',
    );
  });
});

describe('App', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('loads the preset and step of the link, then keeps the hash in step with seeks', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#preset=teaching&step=5');
    const store = createFakeStore({ status: 'loading', info: null });
    render(<App store={store} />);
    expect(spies(store).load).toHaveBeenCalledWith(
      { kind: 'preset', name: 'teaching' },
      { step: 5, tag: 'teaching' },
    );
    act(() => {
      store.setState({ status: 'ready', info: createFakeStore().getState().info, step: 5 });
    });
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(window.location.hash).toBe('#preset=teaching&step=6');
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
  });

  it('shows a clear message for a bad link and falls back to the default', () => {
    const store = createFakeStore();
    render(<App store={store} hash="#preset=pentium-9&step=abc" syncUrl={false} />);
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
    render(<App store={store} hash="#preset=teaching&step=9999" syncUrl={false} />);
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
    render(<App store={store} hash="" syncUrl={false} />);
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
    render(<App store={store} />);
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
    render(<App store={createFakeStore()} hash="#embed=1" syncUrl={false} />);
    expect(screen.queryByRole('region', { name: 'Source' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Narration' })).toBeInTheDocument();
  });
});
