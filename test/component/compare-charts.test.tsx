/**
 * The "Why 2.6.20" charts on real core data: the image ceiling of the i386 1 GiB and 4 GiB
 * machines (ceilingAt / ceilingSweep) and the metadata cost (metadataSweep / breakEven), drawn by
 * the framework-free d3 factories into jsdom.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ceilingAt, ceilingSweep, i386Machine } from '../../src/core';
import {
  ceilingData,
  createCeilingChart,
  createLineChart,
  legacyBound,
  metadataData,
  pagesToMiB,
  valueAt,
} from '../../src/render/charts';
import { ChartFigure } from '../../src/ui/compare/ChartFigure';
import { WhySection } from '../../src/ui/compare/WhySection';

const m1 = i386Machine(262144);
const m4 = i386Machine(1048576);

/** Text of each match; a label wrapped over several tspans reads as one line. */
function texts(root: Element, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((e) => {
    const spans = [...e.querySelectorAll('tspan')];
    return spans.length > 0 ? spans.map((t) => t.textContent).join(' ') : (e.textContent ?? '');
  });
}

describe('image ceiling data', () => {
  it('caps 2.6.17 near half of lowmem, about 445 MiB, whatever the RAM', () => {
    for (const m of [m1, m4]) {
      const d = ceilingData(m, 'x');
      expect(d.legacyCeiling).toBe(113958);
      expect(pagesToMiB(d.legacyCeiling)).toBeCloseTo(445.1, 1);
      // the cover letter's arithmetic, (lowmem − nosave − PAGES_FOR_IO) / (2 + 1/341), lands on the same page
      expect(legacyBound(m)).toBe(d.legacyCeiling);
    }
  });

  it('finds where each kernel stops being able to suspend on 4 GiB', () => {
    const d = ceilingData(m4, 'i386 4 GiB');
    expect(d.legacyFailsFrom).toBe(109996);
    expect(ceilingAt(m4, 109995).legacy).toBeGreaterThan(0);
    expect(ceilingAt(m4, 109996).legacy).toBe(0);
    expect(d.modernFailsFrom).toBe(522090);
    expect(ceilingAt(m4, 522089).modern).toBeGreaterThan(0);
    expect(ceilingAt(m4, 522090).modern).toBe(0);
    // the drop points are added to the sweep, which stays in highmem order
    const hs = d.points.map((p) => p.highmem);
    expect(hs).toEqual([...hs].sort((a, b) => a - b));
    expect(hs).toContain(109995);
    expect(hs).toContain(109996);
    // every point is the core's own number
    for (const p of d.points) expect(p).toEqual(ceilingAt(m4, p.highmem));
  });

  it('has no drop on 1 GiB, where both kernels always suspend', () => {
    const d = ceilingData(m1, 'i386 1 GiB');
    expect(d.legacyFailsFrom).toBeNull();
    expect(d.modernFailsFrom).toBeNull();
    const sweep = ceilingSweep(m1, 128);
    expect(d.points).toEqual(sweep);
  });
});

describe('ceiling chart', () => {
  it('draws the three kernels’ lines, labelled, with axes in MiB and the 2.6.17 ceiling marked', () => {
    const d = ceilingData(m1, 'i386 1 GiB');
    render(
      <ChartFigure
        title="Image ceiling, i386 1 GiB"
        create={(host, id) => createCeilingChart(host, d, id)}
        caption={<p>caption text</p>}
      />,
    );
    const img = screen.getByRole('img', { name: 'Image ceiling, i386 1 GiB' });
    expect(img).toHaveAccessibleDescription('caption text');
    expect(screen.getByRole('heading', { name: 'Image ceiling, i386 1 GiB' })).toBeInTheDocument();
    expect(texts(img, '.chart-end-label')).toEqual(['2.6.17', '2.6.20', '6.12']);
    expect(texts(img, '.chart-axis-label')).toEqual([
      'Saveable highmem (MiB)',
      'Largest image (MiB)',
    ]);
    expect(texts(img, '.chart-rule-label')).toEqual([
      '2.6.17 ceiling ≈ 445 MiB (about ½ of lowmem)',
    ]);
    // x runs over the machine's 128 MiB of highmem
    const xTicks = texts(img, '.chart-axis-x .tick text');
    expect(xTicks[0]).toBe('0');
    expect(xTicks[xTicks.length - 1]).toBe('120');
    expect(img.querySelectorAll('path.chart-line')).toHaveLength(3);
    expect(img.querySelector('.chart-line-legacy')?.getAttribute('stroke-dasharray')).toBeTruthy();
  });

  it('reads out both kernels at the pointer', () => {
    const d = ceilingData(m1, 'i386 1 GiB');
    const host = document.createElement('div');
    document.body.appendChild(host);
    const chart = createCeilingChart(host, d);
    const hit = host.querySelector('.chart-hit');
    if (!hit) throw new Error('no hit area');
    // jsdom has no layout: the plot starts at x = 0 of the page and is 640 px minus margins wide
    const plotWidth = Number(hit.getAttribute('width'));
    fireEvent.pointerMove(hit, { clientX: plotWidth / 2, clientY: 10 });
    const lines = texts(host, '.chart-readout text');
    expect(lines[0]).toBe('Saveable highmem (MiB): 64');
    expect(lines[1]).toMatch(/^2\.6\.17: 44[34]$/);
    expect(lines[2]).toBe('2.6.20: 510');
    chart.destroy();
    expect(host.querySelector('svg')).toBeNull();
    host.remove();
  });
});

describe('line chart helpers', () => {
  it('interpolates, and takes the later point of a vertical step', () => {
    const pts = [
      { x: 0, y: 10 },
      { x: 10, y: 20 },
      { x: 10, y: 0 },
      { x: 20, y: 0 },
    ];
    expect(valueAt(pts, 5)).toBe(15);
    expect(valueAt(pts, 9)).toBe(19);
    expect(valueAt(pts, 10)).toBe(0);
    expect(valueAt(pts, 15)).toBe(0);
    expect(valueAt(pts, 25)).toBeNull();
  });

  it('updates in place', () => {
    const host = document.createElement('div');
    const spec = {
      ariaLabel: 'A',
      x: { label: 'x', max: 10, format: String },
      y: { label: 'y', max: 10, format: String },
      series: [{ id: 'a', label: 'first', colour: '#000', points: [{ x: 0, y: 1 }] }],
    };
    const chart = createLineChart(host, spec);
    chart.update({ ...spec, ariaLabel: 'B' });
    expect(host.querySelectorAll('svg')).toHaveLength(1);
    expect(host.querySelector('svg')?.getAttribute('aria-label')).toBe('B');
    chart.destroy();
  });
});

describe('metadata cost', () => {
  it('breaks even near 2% of the frames on both machines', () => {
    const d = metadataData(
      [
        { label: 'i386 1 GiB', zonePages: m1.zonePages },
        { label: 'i386 4 GiB', zonePages: m4.zonePages },
      ],
      131072,
    );
    expect(d.machines.map((m) => [m.breakEven, m.bitmapBytes, m.bitmapPages])).toEqual([
      [5502, 66016, 20],
      [21966, 263584, 68],
    ]);
    for (const m of d.machines) {
      expect(m.breakEvenFraction).toBeGreaterThan(0.019);
      expect(m.breakEvenFraction).toBeLessThan(0.022);
      // below the break-even the list is cheaper, above it the bitmaps
      const below = m.points.find((p) => p.imagePages > 0 && p.imagePages < m.breakEven);
      const above = m.points.find((p) => p.imagePages > m.breakEven);
      expect(below && below.pbeBytes < below.bitmapBytes).toBe(true);
      expect(above && above.pbeBytes > above.bitmapBytes).toBe(true);
    }
  });
});

describe('Why 2.6.20 section', () => {
  it('renders the three charts by name, with their numbers in the captions', () => {
    render(<WhySection preset="teaching" />);
    const section = screen.getByRole('region', { name: 'Why 2.6.20' });
    for (const name of ['Image ceiling, i386 1 GiB', 'Image ceiling, i386 4 GiB', 'Metadata cost'])
      expect(within(section).getByRole('img', { name })).toBeInTheDocument();

    const four = screen.getByRole('img', { name: 'Image ceiling, i386 4 GiB' });
    expect(texts(four, '.chart-band-label')).toEqual([
      '2.6.17 cannot suspend',
      'both fail: no room for the copies',
    ]);
    expect(texts(four, '.chart-rule-label')).toEqual([
      '2.6.17 ceiling ≈ 445 MiB',
      '2.6.17 fails from 430 MiB of highmem',
      '2.6.20 fails from 2,039 MiB',
    ]);
    expect(four).toHaveAccessibleDescription(/From 430 MiB of saveable highmem it cannot suspend/);

    const meta = screen.getByRole('img', { name: 'Metadata cost' });
    expect(texts(meta, '.chart-end-label')).toEqual([
      'PBE list (2.6.17)',
      'bitmaps, 1 GiB',
      'bitmaps, 4 GiB',
    ]);
    expect(texts(meta, '.chart-rule-label')).toEqual([
      'break-even, 1 GiB: 5,502 pages = 21.5 MiB (2.1%)',
      'break-even, 4 GiB: 21,966 pages = 85.8 MiB (2.1%)',
    ]);

    // the numbers under the 4 GiB chart: highmem levels 0, ⅛, ¼, ½, all
    const table = within(four.closest('figure') as HTMLElement).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Saveable highmem0 MiB400 MiB800 MiB1,600 MiB3,200 MiB',
      '2.6.17 largest image445 MiB437 MiBfailsfailsfails',
      '2.6.20 largest image446 MiB846 MiB1,246 MiB2,046 MiBfails',
      // 6.12 is capped by max_size, about half of the 4 GiB (2,043.7 MiB here)
      '6.12 largest image445 MiB845 MiB1,245 MiB2,044 MiBfails',
    ]);
  });

  it('shows the “400 kilobytes” arithmetic and says it must mean megabytes', () => {
    render(<WhySection preset="teaching" />);
    const note = screen.getByRole('complementary', {
      name: '“400 kilobytes” must mean 400 megabytes',
    });
    expect(note).toHaveTextContent('(229,280 − 4 − 1,024) / 2.003 = 228,252 / 2.003');
    expect(note).toHaveTextContent('≈ 113,958 pages ≈ 445 MiB, whatever the RAM.');
    expect(note).toHaveTextContent('400 kilobytes would be 100 pages');
    expect(note).toHaveTextContent('the mail must mean megabytes');
  });

  it('links the presets where 2.6.17 fails and 2.6.20 succeeds to the compare view', () => {
    render(<WhySection preset="teaching" />);
    const list = screen.getByRole('list', {
      name: 'Machines where 2.6.17 fails and 2.6.20 succeeds',
    });
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#view=compare&preset=teaching',
      '#view=compare&preset=i386-4g-anon',
    ]);
    expect(links[0]).toHaveAttribute('aria-current', 'true');
  });
});
