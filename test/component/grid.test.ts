import { zoomTransform } from 'd3';
import { describe, expect, it, vi } from 'vitest';
import { ROLE_COUNT, Marks, Role } from '../../src/core';
import {
  OVERLAYS,
  createCanvasGrid,
  createSvgGrid,
  layoutFor,
  rendererFor,
} from '../../src/render';
import type { GridData, OverlayKey } from '../../src/render';
import { fitView, pointToPfn } from '../../src/render/hitTest';
import { cellPfn, computeLayout, pfnCell } from '../../src/render/layout';
import { buildOverlayLut, fadeWords, paintFrames } from '../../src/render/paint';
import { ROLE_STYLES, ROLE_WORDS, gridColours, inkFor, rgbaWord } from '../../src/render/palette';
import { COLOURS, DARK } from '../../src/render/tokens';
import { fakeFrames, fakeInfo, stubCanvas } from './fakeStore';

const zones = fakeInfo().zones;
const layout = computeLayout(zones, 16, 4, 1);

function data(over: Partial<GridData> = {}): GridData {
  return {
    layout,
    frames: fakeFrames(),
    version: 1,
    overlays: new Set<OverlayKey>(),
    bootSide: false,
    touched: [],
    arrows: [],
    selected: null,
    ...over,
  };
}

describe('layout', () => {
  it('stacks zones with a label band each and keeps pfn order', () => {
    const l = computeLayout(zones, 16, 4, 1);
    expect(l.zones.map((z) => [z.labelRow, z.rowStart, z.rows])).toEqual([
      [0, 1, 3],
      [4, 5, 2],
    ]);
    expect(l.rows).toBe(7);
    expect(pfnCell(l, 0)).toEqual({ col: 0, row: 1 });
    expect(pfnCell(l, 9)).toEqual({ col: 1, row: 3 });
    expect(pfnCell(l, 10)).toEqual({ col: 0, row: 5 });
    for (let p = 0; p < 16; p++) {
      const c = pfnCell(l, p)!;
      expect(cellPfn(l, c.col, c.row)).toBe(p);
    }
    expect(cellPfn(l, 0, 0)).toBe(-1); // label band
    expect(cellPfn(l, 2, 3)).toBe(-1); // past the end of Normal
    expect(cellPfn(l, 4, 1)).toBe(-1); // outside the columns
  });

  it('picks SVG up to 4096 frames, canvas above, 1024 columns for 4 GiB', () => {
    expect(rendererFor(80)).toBe('svg');
    expect(rendererFor(4096)).toBe('svg');
    expect(rendererFor(4097)).toBe('canvas');
    expect(layoutFor(zones, 80).cols).toBe(16);
    const big = layoutFor(
      [
        { name: 'DMA', start: 0, end: 4096, highmem: false },
        { name: 'Normal', start: 4096, end: 229376, highmem: false },
        { name: 'HighMem', start: 229376, end: 1048576, highmem: true },
      ],
      1048576,
    );
    expect(big.cols).toBe(1024);
    expect(big.zones.map((z) => z.rows)).toEqual([4, 220, 800]);
  });
});

describe('hit testing', () => {
  it('inverts the view transform', () => {
    const l = computeLayout(zones, 16, 4, 1);
    const v = { x: 10, y: 20, k: 8 };
    expect(pointToPfn(l, v, 10 + 8 * 2 + 1, 20 + 8 * 1 + 7)).toBe(2);
    expect(pointToPfn(l, v, 10 + 8 * 1 + 4, 20 + 8 * 6 + 4)).toBe(15);
    expect(pointToPfn(l, v, 5, 25)).toBe(-1);
    const fit = fitView(l, 200, 100, 0);
    expect(fit.k).toBeCloseTo(100 / 7);
    expect(fit.x).toBeCloseTo((200 - 4 * fit.k) / 2);
  });
});

describe('palette', () => {
  it('gives every role its own colour and glyph, with readable ink', () => {
    expect(ROLE_STYLES).toHaveLength(ROLE_COUNT);
    expect(new Set(ROLE_STYLES.map((s) => s.fill)).size).toBe(ROLE_COUNT);
    const glyphs = ROLE_STYLES.map((s) => s.glyph).filter(Boolean);
    expect(new Set(glyphs).size).toBe(ROLE_COUNT - 1);
    expect(inkFor('#111111')).toBe('#ffffff');
    expect(inkFor('#f3f2ee')).toBe('#000000');
  });

  it('packs colours as little-endian RGBA words', () => {
    expect(rgbaWord('#0072b2')).toBe(0xffb27200);
  });
});

describe('pixel painting', () => {
  it('writes one word per frame at its grid cell, overlays over faded roles', () => {
    const l = computeLayout(zones, 16, 4, 1);
    const pix = new Uint32Array(l.cols * l.rows);
    const f = fakeFrames();
    paintFrames(pix, l, f, ROLE_WORDS, null);
    expect(pix[0]).toBe(0); // label band stays transparent
    expect(pix[4 * 1 + 0]).toBe(ROLE_WORDS[Role.Kernel]);
    expect(pix[4 * 1 + 2]).toBe(ROLE_WORDS[Role.Saveable]);
    expect(pix[4 * 5 + 0]).toBe(ROLE_WORDS[Role.Saveable]); // pfn 10, first HighMem row
    const lut = buildOverlayLut(new Set<OverlayKey>(['orig']), false);
    const faded = fadeWords(ROLE_WORDS, 0.7);
    paintFrames(pix, l, f, faded, lut);
    expect(pix[4 + 2]).toBe(rgbaWord('#000000')); // pfn 2 has its orig_bm bit
    expect(pix[4 + 0]).toBe(faded[Role.Kernel]);
    expect(lut[Marks.NSF]).toBe(0);
    expect(buildOverlayLut(new Set<OverlayKey>(['safety']), true)[Marks.NSF]).not.toBe(0);
  });

  it('follows the dark theme: black marks in its ink, faded roles towards its ground', () => {
    const dark = buildOverlayLut(new Set<OverlayKey>(['orig']), false, 'dark');
    expect(dark[Marks.BM_ORIG]).toBe(rgbaWord(DARK.ink));
    const ground = gridColours('dark').ground;
    const full = fadeWords(ROLE_WORDS, 1, ground);
    expect(full[Role.Saveable]).toBe(rgbaWord(ground));
    expect(fadeWords(ROLE_WORDS, 0, ground)[Role.Saveable]).toBe(ROLE_WORDS[Role.Saveable]);
    expect(gridColours('dark').zoneLow).toBe(DARK.zoneLow);
    expect(gridColours('light').zoneLabel).toBe(COLOURS.zoneLabel);
  });
});

describe('SVG grid', () => {
  it('draws one labelled cell per frame with overlays, rings and arrows', () => {
    const host = document.createElement('div');
    const onSelect = vi.fn();
    const onHover = vi.fn();
    const grid = createSvgGrid(host, { onSelect, onHover });
    grid.update(data({ overlays: new Set<OverlayKey>(['orig', 'marks']) }));
    const cells = host.querySelectorAll('.cell');
    expect(cells).toHaveLength(16);
    expect(cells[2].getAttribute('aria-label')).toBe('pfn 2, Normal, S: saveable, orig_bm');
    expect(cells[2].querySelector('rect')?.getAttribute('fill')).toBe(
      ROLE_STYLES[Role.Saveable].fill,
    );
    expect(cells[2].querySelector('.cell-glyph')?.textContent).toBe('S');
    const marks = (i: number) =>
      [...cells[i].querySelectorAll('.cell-mark')].map((m) => m.textContent);
    // orig_bm is a bar on the left edge (no text); the flags a band of text across the top.
    const layer = (i: number) => cells[i].children[2];
    const bar = layer(2).querySelector('rect');
    expect(bar?.getAttribute('fill')).toBe(OVERLAYS.find((o) => o.key === 'orig')?.colour);
    expect(bar?.getAttribute('x')).toBe('0');
    expect(Number(bar?.getAttribute('width'))).toBeLessThan(2);
    expect(marks(2)).toEqual([]);
    expect(marks(3)).toEqual(['NSF']);
    expect(marks(4)).toEqual(['NS']);
    // The band's text is as large as the role glyph (4.4 units, 12 px at 1280×720), and the glyph
    // moves below the band.
    expect(Number(layer(3).querySelector('text')?.getAttribute('font-size'))).toBeGreaterThan(4.4);
    const glyphY = (i: number) => Number(cells[i].querySelector('.cell-glyph')?.getAttribute('y'));
    expect(glyphY(3)).toBeGreaterThan(glyphY(2) + 2);
    expect(host.querySelector('.zone-label')?.textContent).toBe(
      'Normal · lowmem · pfn 0–9 · 40 KiB',
    );

    grid.update(
      data({
        version: 2,
        touched: [2, 4, -1],
        arrows: [{ from: 2, to: 4, kind: 'copy' }],
        selected: 10,
      }),
    );
    expect(marks(2)).toEqual([]);
    expect(host.querySelectorAll('.ring-touched')).toHaveLength(2);
    expect(host.querySelectorAll('.ring-selected')).toHaveLength(1);
    const arrow = host.querySelector('.arrow-copy');
    expect(arrow?.getAttribute('marker-end')).toMatch(/^url\(#grid\d+-arrow-copy\)$/);
    expect(arrow?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+ Q/);
    expect(host.querySelectorAll('.cell')[2]).toBe(cells[2]); // same layout: cells are kept

    cells[5].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onSelect).toHaveBeenCalledWith(5);
    cells[6].dispatchEvent(
      new MouseEvent('pointermove', { bubbles: true, clientX: 3, clientY: 4 }),
    );
    expect(onHover).toHaveBeenLastCalledWith({ pfn: 6, x: 3, y: 4 });
    grid.destroy();
    expect(host.childElementCount).toBe(0);
  });

  it('hatches unsafe frames only on the boot kernel side', () => {
    const host = document.createElement('div');
    const grid = createSvgGrid(host, { onSelect: vi.fn(), onHover: vi.fn() });
    grid.update(data({ overlays: new Set<OverlayKey>(['safety']) }));
    expect(host.querySelectorAll('rect[fill$="-hatch)"]')).toHaveLength(0);
    grid.update(data({ overlays: new Set<OverlayKey>(['safety']), bootSide: true }));
    expect(host.querySelectorAll('rect[fill$="-hatch)"]')).toHaveLength(1);
    grid.destroy();
  });

  it('gives each grid its own pattern and marker ids, so two grids can share a page', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    const ga = createSvgGrid(a, { onSelect: vi.fn(), onHover: vi.fn() });
    const gb = createSvgGrid(b, { onSelect: vi.fn(), onHover: vi.fn() });
    const ids = (h: HTMLElement) => [...h.querySelectorAll('defs [id]')].map((e) => e.id);
    expect(ids(a).length).toBeGreaterThan(0);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    ga.destroy();
    gb.destroy();
  });
});

describe('canvas grid', () => {
  it('hit-tests a click through the fitted view and names itself', () => {
    stubCanvas();
    const host = document.createElement('div');
    document.body.appendChild(host);
    const onSelect = vi.fn();
    const grid = createCanvasGrid(host, { onSelect, onHover: vi.fn() });
    const d = data();
    grid.update(d);
    const canvas = host.querySelector('canvas')!;
    expect(canvas.getAttribute('aria-label')).toMatch(/^Page frames: 16 frames in 2 zones/);
    // The renderer's own view, as d3-zoom keeps it on the element.
    const v = zoomTransform(canvas);
    expect(v.k).toBeGreaterThan(1);
    const at = pfnCell(d.layout, 13)!;
    canvas.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        clientX: v.x + (at.col + 0.5) * v.k,
        clientY: v.y + (at.row + 0.5) * v.k,
      }),
    );
    expect(onSelect).toHaveBeenCalledWith(13);
    expect(pointToPfn(d.layout, v, v.x + 0.5 * v.k, v.y + 0.5 * v.k)).toBe(-1); // label band
    grid.zoomToPfn(15);
    const z = zoomTransform(canvas);
    const c15 = pfnCell(d.layout, 15)!;
    expect(pointToPfn(d.layout, z, 400, 240)).toBe(15);
    expect(z.k).toBeGreaterThanOrEqual(28);
    expect(c15.row).toBe(6);
    grid.destroy();
    host.remove();
  });
});
