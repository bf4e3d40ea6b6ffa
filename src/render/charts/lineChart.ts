/**
 * A small framework-free line chart on d3: linear axes with units, labelled lines (a label at the
 * end of each line, so no fact depends on colour), reference rules, shaded bands and a hover
 * readout. The SVG is drawn at the host's pixel width with the page's font size, so the text stays
 * as large as the page's on a laptop and on a projector; it redraws when the host is resized.
 */
import { axisBottom, axisLeft, line, pointer, scaleLinear, select } from 'd3';
import type { Selection } from 'd3';

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  id: string;
  /** Drawn at the end of the line and in the readout. */
  label: string;
  colour: string;
  /** SVG stroke-dasharray, for telling lines apart without colour. */
  dash?: string;
  points: readonly ChartPoint[];
}

/** A reference line across the plot: vertical at an x value or horizontal at a y value. */
export interface ChartRule {
  axis: 'x' | 'y';
  value: number;
  label: string;
  colour?: string;
  /**
   * Where a horizontal rule's label goes: above the line at the right (default), or below it,
   * starting at x value `from` (0 when absent).
   */
  place?: 'above-right' | 'below';
  from?: number;
}

/** A shaded x range with a label inside (e.g. "2.6.17 cannot suspend"). */
export interface ChartBand {
  x0: number;
  x1: number;
  label: string;
}

export interface ChartAxis {
  label: string;
  max: number;
  format: (v: number) => string;
}

export interface LineChartSpec {
  /** The accessible name of the chart (role="img"). */
  ariaLabel: string;
  /** The id of an element that describes the chart in words and numbers. */
  describedBy?: string;
  x: ChartAxis;
  y: ChartAxis;
  series: readonly ChartSeries[];
  rules?: readonly ChartRule[];
  bands?: readonly ChartBand[];
}

export interface ChartHandle {
  update(spec: LineChartSpec): void;
  destroy(): void;
}

/** Width used when the host has no layout (jsdom, a hidden host). */
export const DEFAULT_WIDTH = 640;
const DEFAULT_FONT = 14;
const SVG_NS = 'http://www.w3.org/2000/svg';

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
type G = Selection<SVGGElement, unknown, null, undefined>;

/** Rough text width in px: enough to reserve room for labels without measuring (jsdom has no layout). */
export function textWidth(text: string, font: number): number {
  return text.length * font * 0.58;
}

/** Words packed into lines no wider than `width` px (a long word gets a line of its own). */
export function wrapWords(text: string, width: number, font: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, font) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The series' y at x, interpolated between its points (null outside them). */
export function valueAt(points: readonly ChartPoint[], x: number): number | null {
  if (points.length === 0 || x < points[0].x || x > points[points.length - 1].x) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x <= x) lo = mid;
    else hi = mid;
  }
  const a = points[lo];
  const b = points[hi];
  // Two points at one x (a vertical step): the later one.
  if (b.x === a.x || x === a.x) return a.y;
  if (x === b.x) return b.y;
  return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/** End labels placed at their lines' last y, pushed apart so they never overlap. */
function placeEndLabels(ys: number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let prev = -Infinity;
  for (const o of order) {
    const y = Math.max(o.y, prev + gap, top);
    out[o.i] = y;
    prev = y;
  }
  // If the last one fell off the bottom, push the stack back up.
  let over = prev - bottom;
  for (let k = order.length - 1; k >= 0 && over > 0; k--) {
    const i = order[k].i;
    out[i] -= over;
    const next = k > 0 ? out[order[k - 1].i] : -Infinity;
    over = next + gap - out[i];
  }
  return out;
}

export function createLineChart(host: HTMLElement, initial: LineChartSpec): ChartHandle {
  let spec = initial;
  const svgNode = document.createElementNS(SVG_NS, 'svg');
  svgNode.setAttribute('class', 'chart');
  host.appendChild(svgNode);
  const svg: Svg = select(svgNode);
  let hoverX: number | null = null;

  const draw = () => {
    const width = Math.max(280, host.clientWidth || DEFAULT_WIDTH);
    const font = parseFloat(getComputedStyle(host).fontSize) || DEFAULT_FONT;
    const height = Math.round(Math.min(30 * font, Math.max(17 * font, width * 0.58)));
    const endLabelRoom = Math.max(...spec.series.map((s) => textWidth(s.label, font)), 0) + 10;
    const m = {
      top: font * 1.2,
      right: Math.max(font, endLabelRoom),
      bottom: font * 3.3,
      left: font * 4.6,
    };
    const w = Math.max(10, width - m.left - m.right);
    const h = Math.max(10, height - m.top - m.bottom);
    const x = scaleLinear().domain([0, spec.x.max]).range([0, w]);
    const y = scaleLinear().domain([0, spec.y.max]).range([h, 0]).nice();

    svg
      .attr('role', 'img')
      .attr('aria-label', spec.ariaLabel)
      .attr('width', width)
      .attr('height', height)
      .attr('viewBox', `0 0 ${width} ${height}`)
      .style('font-size', `${font}px`);
    if (spec.describedBy) svg.attr('aria-describedby', spec.describedBy);
    else svg.attr('aria-describedby', null);
    svg.selectAll('*').remove();
    const root: G = svg.append('g').attr('transform', `translate(${m.left},${m.top})`);

    // Bands under everything else.
    const bands = root.append('g').attr('class', 'chart-bands');
    for (const b of spec.bands ?? []) {
      const x0 = x(b.x0);
      const x1 = x(Math.min(b.x1, spec.x.max));
      if (x1 <= x0) continue;
      bands
        .append('rect')
        .attr('class', 'chart-band')
        .attr('x', x0)
        .attr('y', 0)
        .attr('width', x1 - x0)
        .attr('height', h);
      const cx = (x0 + x1) / 2;
      const t = bands
        .append('text')
        .attr('class', 'chart-band-label')
        .attr('x', cx)
        .attr('y', h * 0.72)
        .attr('text-anchor', 'middle');
      const lines = wrapWords(b.label, Math.max(x1 - x0 - 12, font * 4), font);
      lines.forEach((l, i) =>
        t
          .append('tspan')
          .attr('x', cx)
          .attr('dy', i === 0 ? `${-(lines.length - 1) * 0.6}em` : '1.2em')
          .text(l),
      );
    }

    // Axes and grid lines.
    const yTicks = Math.max(3, Math.round(h / (font * 3.2)));
    const xTicks = Math.max(3, Math.round(w / (font * 6.5)));
    root
      .append('g')
      .attr('class', 'chart-grid')
      .call(
        axisLeft(y)
          .ticks(yTicks)
          .tickSize(-w)
          .tickFormat(() => ''),
      )
      .call((g) => g.select('.domain').remove());
    root
      .append('g')
      .attr('class', 'chart-axis chart-axis-x')
      .attr('transform', `translate(0,${h})`)
      .call(
        axisBottom(x)
          .ticks(xTicks)
          .tickFormat((v) => spec.x.format(Number(v))),
      );
    root
      .append('g')
      .attr('class', 'chart-axis chart-axis-y')
      .call(
        axisLeft(y)
          .ticks(yTicks)
          .tickFormat((v) => spec.y.format(Number(v))),
      );
    root
      .append('text')
      .attr('class', 'chart-axis-label')
      .attr('x', w / 2)
      .attr('y', h + font * 2.7)
      .attr('text-anchor', 'middle')
      .text(spec.x.label);
    root
      .append('text')
      .attr('class', 'chart-axis-label')
      .attr('transform', `translate(${-m.left + font * 1.05},${h / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(spec.y.label);

    // Reference rules, each label on its own row so they never overlap.
    const rules = root.append('g').attr('class', 'chart-rules');
    let row = 0;
    for (const r of spec.rules ?? []) {
      const colour = r.colour ?? '#444';
      if (r.axis === 'x') {
        if (r.value < 0 || r.value > spec.x.max) continue;
        const px = x(r.value);
        rules
          .append('line')
          .attr('class', 'chart-rule')
          .attr('x1', px)
          .attr('x2', px)
          .attr('y1', 0)
          .attr('y2', h)
          .attr('stroke', colour);
        // Right of the rule if it fits, else left of it, else as far right as the plot allows.
        const tw = textWidth(r.label, font);
        const [lx, anchor] =
          px + 5 + tw <= w
            ? [px + 5, 'start']
            : px - 5 - tw >= 0
              ? [px - 5, 'end']
              : [Math.max(0, w - tw), 'start'];
        rules
          .append('text')
          .attr('class', 'chart-rule-label')
          .attr('x', lx)
          .attr('y', font * (1 + 1.25 * row++))
          .attr('text-anchor', anchor)
          .attr('fill', colour)
          .text(r.label);
      } else {
        const py = y(r.value);
        if (py < 0 || py > h) continue;
        rules
          .append('line')
          .attr('class', 'chart-rule')
          .attr('x1', 0)
          .attr('x2', w)
          .attr('y1', py)
          .attr('y2', py)
          .attr('stroke', colour);
        const below = r.place === 'below';
        rules
          .append('text')
          .attr('class', 'chart-rule-label')
          .attr('x', below ? x(r.from ?? 0) + 4 : w - 4)
          .attr('y', below ? py + font * 1.2 : py - 5)
          .attr('text-anchor', below ? 'start' : 'end')
          .attr('fill', colour)
          .text(r.label);
      }
    }

    // The lines and their end labels.
    const path = line<ChartPoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    const lines = root.append('g').attr('class', 'chart-lines');
    const ends: number[] = [];
    for (const s of spec.series) {
      lines
        .append('path')
        .attr('class', `chart-line chart-line-${s.id}`)
        .attr('d', path([...s.points]) ?? '')
        .attr('stroke', s.colour)
        .attr('stroke-dasharray', s.dash ?? null)
        .attr('fill', 'none');
      const last = s.points[s.points.length - 1];
      ends.push(last ? y(last.y) : h);
    }
    const placed = placeEndLabels(ends, font * 1.15, font * 0.4, h);
    spec.series.forEach((s, i) => {
      const last = s.points[s.points.length - 1];
      lines
        .append('text')
        .attr('class', `chart-end-label chart-end-label-${s.id}`)
        .attr('x', (last ? x(last.x) : w) + 6)
        .attr('y', placed[i])
        .attr('dy', '0.35em')
        .attr('fill', s.colour)
        .text(s.label);
    });

    // Hover readout: a rule at the pointer and every line's value there.
    const readout = root.append('g').attr('class', 'chart-readout').style('display', 'none');
    const showReadout = (vx: number) => {
      hoverX = vx;
      const px = x(vx);
      readout.style('display', null).selectAll('*').remove();
      readout.append('line').attr('x1', px).attr('x2', px).attr('y1', 0).attr('y2', h);
      const rows = [
        `${spec.x.label}: ${spec.x.format(vx)}`,
        ...spec.series.map((s) => {
          const v = valueAt(s.points, vx);
          return `${s.label}: ${v === null ? '–' : spec.y.format(v)}`;
        }),
      ];
      const boxW = Math.max(...rows.map((r) => textWidth(r, font))) + 14;
      const boxX = px + boxW + 12 > w ? px - boxW - 8 : px + 8;
      readout
        .append('rect')
        .attr('x', boxX)
        .attr('y', font * 0.3)
        .attr('width', boxW)
        .attr('height', rows.length * font * 1.3 + 8)
        .attr('rx', 4);
      rows.forEach((r, i) =>
        readout
          .append('text')
          .attr('x', boxX + 7)
          .attr('y', font * (1.5 + 1.3 * i))
          .text(r),
      );
      for (const s of spec.series) {
        const v = valueAt(s.points, vx);
        if (v === null) continue;
        readout
          .append('circle')
          .attr('cx', px)
          .attr('cy', y(v))
          .attr('r', font * 0.3)
          .attr('fill', s.colour);
      }
    };
    root
      .append('rect')
      .attr('class', 'chart-hit')
      .attr('width', w)
      .attr('height', h)
      .attr('fill', 'transparent')
      .on('pointermove', (event: PointerEvent) => {
        const [px] = pointer(event);
        showReadout(Math.max(0, Math.min(spec.x.max, x.invert(px))));
      })
      .on('pointerleave', () => {
        hoverX = null;
        readout.style('display', 'none');
      });
    if (hoverX !== null) showReadout(hoverX);
  };

  draw();
  let lastWidth = host.clientWidth;
  let frame = 0;
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          if (host.clientWidth === lastWidth) return;
          lastWidth = host.clientWidth;
          cancelAnimationFrame(frame);
          frame = requestAnimationFrame(draw);
        })
      : null;
  observer?.observe(host);

  return {
    update(next) {
      spec = next;
      draw();
    },
    destroy() {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      svgNode.remove();
    },
  };
}
