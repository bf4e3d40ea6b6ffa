import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeScenarioParam, getPreset } from '../../src/core';
import { createShelf } from '../../src/ui/editor/machines';
import { CopyLinkButton } from '../../src/ui/share/CopyLinkButton';
import { pageAddress, shareLink } from '../../src/ui/share/link';
import { EMPTY_VIEW } from '../../src/ui/shell/url';
import type { ViewState } from '../../src/ui/shell/url';

const teaching = getPreset('teaching')?.doc as Record<string, unknown>;
const view = (over: Partial<ViewState>): ViewState => ({
  ...EMPTY_VIEW,
  view: 'step',
  preset: 'teaching',
  ...over,
});

/** A shelf on an in-memory Storage holding one machine. */
function shelfWith(doc: Record<string, unknown>) {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  } as unknown as Storage;
  const shelf = createShelf(storage);
  shelf.save({ id: 'box1', savedAt: '2026-11-27T00:00:00Z', doc });
  return shelf;
}

describe('shareLink', () => {
  it('puts a machine saved here in the link, and leaves the embed’s own parameters behind', () => {
    const shelf = shelfWith({ ...teaching, name: 'Box' });
    const r = shareLink(
      view({ preset: 'mine-box1', step: 9, embed: true, origins: 'https://docs.example' }),
      'https://host.example/viz/embed.html?x=1#preset=mine-box1',
      shelf,
    );
    expect(r).toEqual({
      ok: true,
      url: `https://host.example/viz/index.html?x=1#scenario=${encodeScenarioParam({ ...teaching, name: 'Box' })}&step=9`,
    });
  });

  it('says so when the machine is gone or too big for a link', () => {
    const shelf = shelfWith(teaching);
    expect(shareLink(view({ preset: 'mine-gone' }), 'https://h.example/', shelf)).toEqual({
      ok: false,
      error: 'This machine is no longer saved in this browser, so it cannot go in a link.',
    });
    // Pseudo-random text hardly deflates: well over the limit once packed.
    let seed = 1;
    const noise = Array.from({ length: 400_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(33 + ((seed >>> 0) % 89));
    }).join('');
    const r = shareLink(
      view({ scenario: { ...teaching, description: noise } }),
      'https://h.example/',
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(
      /^This machine is too big for a link \([\d,]+ characters packed; a link holds 262,144\)\.$/,
    );
  });

  it('keeps the page’s own address, without its hash', () => {
    expect(pageAddress('file:///home/u/dist-single/swsusp-viz.html#preset=teaching')).toBe(
      'file:///home/u/dist-single/swsusp-viz.html',
    );
  });
});

/** Clicks "Copy link" and lets the clipboard's promise settle. */
async function click() {
  fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
  await act(() => Promise.resolve());
}

describe('CopyLinkButton', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('says “Copied” in a polite live region, then stops saying it', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(
      <CopyLinkButton link={() => ({ ok: true, url: 'https://h.example/#preset=teaching' })} />,
    );
    await click();
    expect(writeText).toHaveBeenCalledWith('https://h.example/#preset=teaching');
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('where copying is refused, shows the link in a focused field with all of it selected', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) },
    });
    const url = 'https://h.example/#scenario=abc&step=3';
    render(<CopyLinkButton link={() => ({ ok: true, url })} />);
    await click();
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link to this view' });
    expect(field).toHaveValue(url);
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, url.length]);
    expect(screen.getByRole('status')).toHaveTextContent('Copying was not allowed');
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says why when there is no link to copy', async () => {
    render(<CopyLinkButton link={() => ({ ok: false, error: 'This machine is too big.' })} />);
    await click();
    expect(screen.getByRole('status')).toHaveTextContent('This machine is too big.');
  });
});
