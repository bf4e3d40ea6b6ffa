// What the two grid renderers share: the cell's geometry, the pointer behaviour and the layout
// cache (one object per machine, whoever asks).
import { describe, expect, it, vi } from 'vitest';
import { cellInset, cellSide, GAP_FRACTION, glyphFont, markerBox } from '../../src/render/cell';
import { bindPointer } from '../../src/render/gridEvents';
import { layoutFor } from '../../src/render';

describe('cell geometry', () => {
  it('scales with the unit: the same fractions in grid units and in pixels', () => {
    for (const unit of [10, 24, 80]) {
      expect(cellSide(unit) + 2 * cellInset(unit)).toBeCloseTo(unit);
      expect(cellInset(unit) * 2).toBeCloseTo(unit * GAP_FRACTION);
      const s = cellSide(unit);
      const band = markerBox('top', s, true);
      // the band's text and the role's glyph are one size, whatever the unit
      expect(band.font).toBeCloseTo(glyphFont(s));
      expect(band.w).toBeCloseTo(s);
      expect(markerBox('badge', s, true).y + markerBox('badge', s, true).h).toBeCloseTo(s);
    }
    // the SVG grid's cell (a unit of 10) and a canvas cell of 10 px are the same shape
    expect(glyphFont(cellSide(10)) / cellSide(10)).toBeCloseTo(
      glyphFont(cellSide(37)) / cellSide(37),
    );
  });
});

describe('grid pointer events', () => {
  function setup(pfnUnder: () => number, keepFocus = false) {
    const el = document.createElement('div');
    const cb = { onSelect: vi.fn(), onHover: vi.fn() };
    const unbind = bindPointer(el, cb, { pfnAt: pfnUnder, keepFocus });
    return { el, cb, unbind };
  }

  it('hovers the frame under the pointer, clears off the frames and on leave, selects on click', () => {
    let under = 5;
    const { el, cb, unbind } = setup(() => under);
    el.dispatchEvent(new MouseEvent('pointermove', { clientX: 3, clientY: 4 }));
    expect(cb.onHover).toHaveBeenLastCalledWith({ pfn: 5, x: 3, y: 4 });
    under = -1;
    el.dispatchEvent(new MouseEvent('pointermove'));
    expect(cb.onHover).toHaveBeenLastCalledWith(null);
    under = 7;
    el.dispatchEvent(new MouseEvent('click'));
    expect(cb.onSelect).toHaveBeenCalledWith(7);
    el.dispatchEvent(new MouseEvent('pointerleave'));
    expect(cb.onHover).toHaveBeenLastCalledWith(null);
    unbind();
    cb.onSelect.mockClear();
    el.dispatchEvent(new MouseEvent('click'));
    expect(cb.onSelect).not.toHaveBeenCalled();
  });

  it('keeps keyboard focus where it is when asked (the SVG grid)', () => {
    const { el } = setup(() => 2, true);
    const down = new MouseEvent('pointerdown', { cancelable: true });
    el.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    const other = setup(() => 2, false);
    const down2 = new MouseEvent('pointerdown', { cancelable: true });
    other.el.dispatchEvent(down2);
    expect(down2.defaultPrevented).toBe(false);
  });
});

describe('layoutFor', () => {
  it('gives every caller the same layout for the same machine', () => {
    const zones = [
      { name: 'Normal', start: 0, end: 48, highmem: false, populated: true },
      { name: 'HighMem', start: 48, end: 80, highmem: true, populated: true },
    ];
    const a = layoutFor(zones, 80);
    expect(layoutFor(zones, 80)).toBe(a);
    expect(layoutFor([...zones], 80)).not.toBe(a);
    expect(layoutFor([...zones], 80)).toEqual(a);
  });
});
