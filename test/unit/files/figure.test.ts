// The exported pictures: the SVG is well-formed XML with one frame shape per frame, every text in
// it stays text (a scenario name with markup never becomes an element), and the PNG's canvas is
// twice the figure's size.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeXml,
  figureGeometry,
  figurePixels,
  figureSvg,
  FIGURE_SVG_MAX_FRAMES,
} from '../../../src/render';
import type { FigureInput } from '../../../src/render';
import { wrapText } from '../../../src/render/figure';

const HOSTILE = '<img src=x onerror=alert(1)>';

function figure(over: Partial<FigureInput> = {}): FigureInput {
  const frames = over.frames ?? 80;
  const role = new Uint8Array(frames);
  for (let i = 0; i < frames; i++) role[i] = (i * 7) % 5;
  return {
    title: `${HOSTILE} · linux-2.6.20 · step 3 of 9`,
    caption: `copy_data_page: pfn 2 is copied into pfn 40 & "${HOSTILE}"`,
    zones: [
      { name: 'Normal', start: 0, end: Math.min(48, frames), highmem: false },
      ...(frames > 48 ? [{ name: 'HighMem', start: 48, end: frames, highmem: true }] : []),
    ],
    frames,
    role,
    touched: [2, 40, -1],
    arrows: [{ from: 2, to: 40, kind: 'copy' }],
    ...over,
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('the SVG figure', () => {
  it('is XML with one frame shape per frame, the touched ones ringed, the move an arrow', () => {
    const doc = parse(figureSvg(figure()));
    expect(doc.documentElement.tagName).toBe('svg');
    expect(doc.querySelectorAll('g.frames > rect.frame')).toHaveLength(80);
    expect(doc.querySelectorAll('g.touched > rect')).toHaveLength(4); // two frames, two strokes each
    expect(doc.querySelectorAll('g.arrows > path')).toHaveLength(1);
  });

  it('keeps markup in the names as text', () => {
    const doc = parse(figureSvg(figure()));
    expect(doc.querySelector('title')?.textContent).toBe(figure().title);
    expect(doc.querySelector('desc')?.textContent).toBe(figure().caption);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(doc.querySelector('text')?.textContent).toBe(figure().title);
  });

  it('escapes any title into text that parses back to itself (control characters dropped)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (title) => {
        const doc = parse(
          figureSvg(
            figure({
              title,
              frames: 8,
              zones: [{ name: 'Normal', start: 0, end: 8, highmem: false }],
              touched: [],
              arrows: [],
            }),
          ),
        );
        const expected = title.replace(
          /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu,
          '',
        );
        expect(doc.querySelector('title')?.textContent).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('at the largest lecture size still has one shape per frame', () => {
    const doc = parse(
      figureSvg(
        figure({
          frames: FIGURE_SVG_MAX_FRAMES,
          zones: [{ name: 'Normal', start: 0, end: FIGURE_SVG_MAX_FRAMES, highmem: false }],
        }),
      ),
    );
    expect(doc.querySelectorAll('rect.frame')).toHaveLength(FIGURE_SVG_MAX_FRAMES);
  });
});

describe('the figure geometry', () => {
  it('gives the PNG twice the pixels of the figure', () => {
    const g = figureGeometry(figure());
    expect(figurePixels(figure(), 2)).toEqual({ width: g.width * 2, height: g.height * 2 });
  });

  it('draws a machine too big for shapes one pixel per frame', () => {
    const frames = 1 << 16;
    const g = figureGeometry(
      figure({ frames, zones: [{ name: 'Normal', start: 0, end: frames, highmem: false }] }),
    );
    expect(g.cell).toBe(1);
    expect(g.grid.cols * g.grid.rows).toBeGreaterThanOrEqual(frames);
  });

  it('wraps a long caption at spaces into at most three lines', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const lines = wrapText(words, 40);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines[2].endsWith('…')).toBe(true);
    expect(wrapText('short caption', 40)).toEqual(['short caption']);
  });
});
