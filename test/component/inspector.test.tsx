import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { spies } from './fakeStore';
import { renderPage } from './renderPage';

const inspector = () => screen.getByRole('region', { name: 'Frame inspector' });

describe('frame inspector', () => {
  it('opens a frame clicked in the grid and shows what it holds', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    const frames = screen.getByRole('region', { name: 'Page frames' });
    await user.click(within(frames).getByRole('button', { name: /^pfn 3, Normal, S: saveable/ }));
    expect(spies(store).inspect).toHaveBeenCalledWith(3);
    const ins = inspector();
    const fact = (label: string) => within(ins).getByText(label).nextElementSibling;
    expect(fact('pfn')).toHaveTextContent('3');
    expect(fact('zone')).toHaveTextContent('Normal (lowmem)');
    expect(fact('role')).toHaveTextContent('saveable');
    expect(fact('marks')).toHaveTextContent('NSF, orig_bm');
    expect(fact('content now')).toHaveTextContent('0x0000abcd');
    expect(fact('at snapshot')).toHaveTextContent('0x0000abcd');
    expect(
      within(frames).getByRole('button', { name: /^pfn 3, .*inspected$/ }),
    ).toBeInTheDocument();
  });

  it('lists the steps that touched the frame and goes to one', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.click(screen.getByRole('button', { name: /^pfn 10, HighMem, S: saveable/ }));
    const ins = inspector();
    expect(ins).toHaveTextContent('Steps that touched it (2)');
    await user.click(within(ins).getByRole('button', { name: 'Go to step 10: swsusp_write' }));
    expect(spies(store).seek).toHaveBeenCalledWith(10);
    expect(screen.getByText('Step 10 of 40')).toBeInTheDocument();
    const items = within(ins).getAllByRole('listitem');
    expect(items[1]).toHaveAttribute('aria-current', 'step'); // the touch that led to step 10
    expect(items[0]).not.toHaveAttribute('aria-current');
  });

  it('opens a frame by number, switches to the legend and back, and closes', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    expect(screen.queryByRole('region', { name: 'Frame inspector' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Legend: frame roles' })).toBeInTheDocument();
    const input = screen.getByRole('spinbutton', { name: 'Frame number' });
    await user.type(input, '99');
    expect(screen.getByRole('button', { name: 'Inspect' })).toBeDisabled();
    await user.clear(input);
    await user.type(input, '12{Enter}');
    expect(spies(store).inspect).toHaveBeenLastCalledWith(12);
    expect(inspector()).toHaveTextContent('HighMem (highmem)');
    await user.click(screen.getByRole('button', { name: 'Legend' }));
    expect(screen.queryByRole('region', { name: 'Frame inspector' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Frame inspector · pfn 12' }));
    await user.click(screen.getByRole('button', { name: 'Close the inspector' }));
    expect(spies(store).inspect).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole('region', { name: 'Frame inspector' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens a frame from a pfn in a panel', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    const pbe = screen.getByRole('region', { name: 'PBE lists' });
    await user.click(within(pbe).getAllByRole('button', { name: 'pfn 8' })[0]);
    expect(spies(store).inspect).toHaveBeenLastCalledWith(8);
  });

  it('moves between frames with the arrow keys inside the grid without stepping', async () => {
    const user = userEvent.setup();
    const { store } = renderPage();
    await user.tab();
    const cells = () => screen.getByRole('region', { name: 'Page frames' });
    // Tab order: first the overlay checkboxes, then the grid's one focusable frame.
    while (!(document.activeElement instanceof SVGElement)) await user.tab();
    expect(document.activeElement).toHaveAccessibleName(/^pfn 0,/);
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toHaveAccessibleName(/^pfn 9,/);
    await user.keyboard('{Enter}');
    expect(spies(store).inspect).toHaveBeenCalledWith(9);
    expect(spies(store).move).not.toHaveBeenCalled();
    expect(cells()).toBeInTheDocument();
  });
});
