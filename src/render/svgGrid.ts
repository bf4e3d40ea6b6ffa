/**
 * The SVG grid renderer, for machines up to a few thousand frames: one focusable `<g>` per frame
 * (roving tabindex, arrow keys move between frames, Enter inspects), hover reports for tooltips,
 * markers for the overlays, rings for the frames of the current step and arrows for its copies.
 * The SVG scales with its box through the viewBox, in grid units of U per cell.
 */
import { select } from 'd3';
import type { Selection } from 'd3';
import { ROLE_NAMES } from '../core';
import { ARROW_COLOURS, arrowCurve, shorten } from './arrows';
import type { ArrowKind } from './arrows';
import type { GridCallbacks, GridData, GridRenderer } from './gridTypes';
import { measureDraw, zoneLabel } from './gridTypes';
import { pfnCell, zoneOf } from './layout';
import type { GridLayout } from './layout';
import { bindPointer } from './gridEvents';
import { cellSide, glyphCentre, glyphFont, GAP_FRACTION, markerBox } from './cell';
import { OVERLAYS, markNames, markersFor } from './overlays';
import type { Marker } from './overlays';
import { HIGHLIGHT_DARK, HIGHLIGHT_LIGHT, SELECTED, ZONE_LABEL, roleStyle } from './palette';
import { COLOURS } from './tokens';

/** A grid unit (one cell and its gap) in SVG units; the cell's geometry is ./cell.ts. */
const U = 10;
const GAP = U * GAP_FRACTION;
const PAD = 3;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Zone label size in SVG units: grows with the columns so it stays readable when cells shrink. */
export function svgLabelUnits(cols: number): number {
  return Math.max(4.2, (cols * U) / 70);
}

type G = Selection<SVGGElement, unknown, null, undefined>;

interface CellCache {
  el: SVGGElement;
  rect: SVGRectElement;
  glyph: SVGTextElement;
  marks: SVGGElement;
  key: number;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, tag);
}

/** The cell's side in grid units (a cell is U with a GAP between cells). */
const CELL = cellSide(U);

function drawMarker(parent: SVGGElement, m: Marker, hatchId: string, hasTop: boolean): void {
  const box = markerBox(m.slot, CELL, hasTop);
  const r = svgEl('rect');
  r.setAttribute('x', String(box.x));
  r.setAttribute('y', String(box.y));
  r.setAttribute('width', String(box.w));
  r.setAttribute('height', String(box.h));
  if (m.slot === 'hatch') {
    r.setAttribute('fill', `url(#${hatchId})`);
    r.setAttribute('stroke', m.colour);
    r.setAttribute('stroke-width', '0.7');
    parent.appendChild(r);
    return;
  }
  r.setAttribute('fill', m.colour);
  if (!m.text) {
    parent.appendChild(r);
    return;
  }
  r.setAttribute('rx', '0.6');
  r.setAttribute('stroke', '#ffffff');
  r.setAttribute('stroke-width', '0.35');
  const t = svgEl('text');
  t.setAttribute('x', String(box.x + box.w / 2));
  t.setAttribute('y', String(box.y + box.h / 2 + 0.2));
  t.setAttribute('class', 'cell-mark');
  t.setAttribute('font-size', String(box.font));
  // "NS·F" is wider than the cell at this size: squeezed to fit rather than shrunk.
  if (m.text.length > 3) {
    t.setAttribute('textLength', String(box.w - 0.6));
    t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
  }
  t.textContent = m.text;
  parent.append(r, t);
}

function describe(layout: GridLayout, data: GridData, pfn: number): string {
  const z = layout.zones[zoneOf(layout, pfn)];
  const r = data.frames.role[pfn];
  const glyph = roleStyle(r).glyph;
  // The drawn letters are part of the name, so speech and sight name the frame alike.
  const role = `${glyph ? `${glyph}: ` : ''}${ROLE_NAMES[r] ?? 'unknown'}`;
  const marks = markNames(data.frames.flags[pfn]);
  const parts = [`pfn ${pfn}`, z ? z.name : '', role];
  if (marks.length) parts.push(marks.join(', '));
  if (data.selected === pfn) parts.push('inspected');
  return parts.filter(Boolean).join(', ');
}

function styleKey(data: GridData): number {
  let k = data.bootSide ? 1 : 0;
  for (const o of data.overlays) k |= 2 << OVERLAYS.findIndex((d) => d.key === o);
  return k;
}

/** Counts grids so each one's <defs> ids are unique when two grids share a page (compare view). */
let gridInstances = 0;

export function createSvgGrid(host: HTMLElement, cb: GridCallbacks): GridRenderer {
  const prefix = `grid${++gridInstances}`;
  const ids = { hatch: `${prefix}-hatch`, arrow: (kind: string) => `${prefix}-arrow-${kind}` };
  const svg = select(host)
    .append('svg')
    .attr('class', 'grid-svg')
    .attr('role', 'group')
    .attr('aria-roledescription', 'page frame grid')
    // Only the frames take focus (one at a time, roving), never the drawing itself.
    .attr('tabindex', -1)
    .attr('focusable', 'false')
    .attr('preserveAspectRatio', 'xMidYMid meet');
  const defs = svg.append('defs');
  const hatch = defs
    .append('pattern')
    .attr('id', ids.hatch)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 2.2)
    .attr('height', 2.2)
    .attr('patternTransform', 'rotate(45)');
  hatch
    .append('rect')
    .attr('width', 2.2)
    .attr('height', 2.2)
    .attr('fill', 'rgba(255,255,255,0.25)');
  hatch.append('rect').attr('width', 0.9).attr('height', 2.2).attr('fill', COLOURS.bad);
  for (const [kind, colour] of Object.entries(ARROW_COLOURS)) {
    defs
      .append('marker')
      .attr('id', ids.arrow(kind))
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 6)
      .attr('refY', 5)
      .attr('markerWidth', 4)
      .attr('markerHeight', 4)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('d', 'M0,0 L10,5 L0,10 z')
      .attr('fill', colour)
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 1);
  }
  const gZones: G = svg.append('g').attr('class', 'grid-zones');
  const gCells: G = svg.append('g').attr('class', 'grid-cells');
  const gRings: G = svg.append('g').attr('class', 'grid-rings').attr('pointer-events', 'none');
  const gArrows: G = svg.append('g').attr('class', 'grid-arrows').attr('pointer-events', 'none');

  let layout: GridLayout | null = null;
  let cells: CellCache[] = [];
  let last: GridData | null = null;
  let active = 0;
  let lastStyle = -1;
  const prev = { role: new Uint8Array(0), flags: new Uint8Array(0), match: new Uint8Array(0) };

  function centre(pfn: number): { x: number; y: number } | null {
    if (!layout) return null;
    const c = pfnCell(layout, pfn);
    return c ? { x: c.col * U + (U - GAP) / 2, y: c.row * U + (U - GAP) / 2 } : null;
  }

  function build(l: GridLayout): void {
    layout = l;
    const w = l.cols * U;
    const h = l.rows * U;
    svg.attr('viewBox', `${-PAD} ${-PAD} ${w + 2 * PAD} ${h + 2 * PAD}`);
    gZones.selectAll('*').remove();
    gCells.selectAll('*').remove();
    for (const z of l.zones) {
      gZones
        .append('rect')
        .attr('class', z.highmem ? 'zone-bg zone-high' : 'zone-bg zone-low')
        .attr('x', -1.2)
        .attr('y', z.rowStart * U - 1.2)
        .attr('width', w - GAP + 2.4)
        .attr('height', z.rows * U - GAP + 2.4)
        .attr('rx', 1.5);
      gZones
        .append('text')
        .attr('class', 'zone-label')
        .attr('x', -0.6)
        .attr('y', z.rowStart * U - 2.6)
        .attr('font-size', svgLabelUnits(l.cols))
        .attr('fill', ZONE_LABEL)
        .text(zoneLabel(z));
    }
    cells = [];
    const frag = document.createDocumentFragment();
    for (const z of l.zones) {
      for (let pfn = z.start; pfn < z.end; pfn++) {
        const c = pfnCell(l, pfn);
        if (!c) continue;
        const el = svgEl('g');
        el.setAttribute('class', 'cell');
        el.setAttribute('transform', `translate(${c.col * U},${c.row * U})`);
        el.setAttribute('data-pfn', String(pfn));
        el.setAttribute('role', 'button');
        el.setAttribute('tabindex', '-1');
        const rect = svgEl('rect');
        rect.setAttribute('width', String(U - GAP));
        rect.setAttribute('height', String(U - GAP));
        rect.setAttribute('rx', '0.8');
        const glyph = svgEl('text');
        glyph.setAttribute('class', 'cell-glyph');
        glyph.setAttribute('font-size', String(glyphFont(CELL)));
        glyph.setAttribute('x', String((U - GAP) / 2));
        glyph.setAttribute('y', String((U - GAP) / 2 + 0.3));
        const marks = svgEl('g');
        el.append(rect, glyph, marks);
        frag.appendChild(el);
        cells[pfn] = { el, rect, glyph, marks, key: -1 };
      }
    }
    gCells.node()?.appendChild(frag);
    active = l.zones[0]?.start ?? 0;
    cells[active]?.el.setAttribute('tabindex', '0');
    prev.role = new Uint8Array(0);
  }

  function paintCell(data: GridData, pfn: number): void {
    const c = cells[pfn];
    if (!c) return;
    const r = data.frames.role[pfn];
    const f = data.frames.flags[pfn];
    const m = data.frames.match[pfn];
    const st = roleStyle(r);
    c.rect.setAttribute('fill', st.fill);
    c.rect.setAttribute('class', r === 1 ? 'cell-bg cell-free' : 'cell-bg');
    c.glyph.textContent = st.glyph;
    c.glyph.setAttribute('fill', st.ink);
    c.marks.replaceChildren();
    const ms = markersFor(f, m, data.overlays, data.bootSide);
    const hasTop = ms.some((mk) => mk.slot === 'top');
    for (const mk of ms) drawMarker(c.marks, mk, ids.hatch, hasTop);
    const [gx, gy] = glyphCentre(ms, CELL);
    c.glyph.setAttribute('x', String(gx));
    c.glyph.setAttribute('y', String(gy + 0.3));
    c.el.setAttribute('aria-label', describe(layout as GridLayout, data, pfn));
  }

  function paintCells(data: GridData): number {
    const { role, flags, match } = data.frames;
    const sk = styleKey(data);
    const all = sk !== lastStyle || prev.role.length !== role.length;
    if (all) {
      prev.role = new Uint8Array(role.length);
      prev.flags = new Uint8Array(role.length);
      prev.match = new Uint8Array(role.length);
    }
    let n = 0;
    for (let pfn = 0; pfn < role.length; pfn++) {
      if (
        !all &&
        prev.role[pfn] === role[pfn] &&
        prev.flags[pfn] === flags[pfn] &&
        prev.match[pfn] === match[pfn]
      )
        continue;
      paintCell(data, pfn);
      prev.role[pfn] = role[pfn];
      prev.flags[pfn] = flags[pfn];
      prev.match[pfn] = match[pfn];
      n++;
    }
    lastStyle = sk;
    return n;
  }

  function ring(pfn: number, cls: string, colour: string, width: number, grow: number): void {
    if (!layout) return;
    const c = pfnCell(layout, pfn);
    if (!c) return;
    gRings
      .append('rect')
      .attr('class', cls)
      .attr('x', c.col * U - grow)
      .attr('y', c.row * U - grow)
      .attr('width', U - GAP + 2 * grow)
      .attr('height', U - GAP + 2 * grow)
      .attr('rx', 1.2)
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', width);
  }

  function paintRings(data: GridData): void {
    gRings.selectAll('*').remove();
    const touched = [...new Set(data.touched.filter((p) => p >= 0 && p < data.layout.frames))];
    for (const p of touched) ring(p, 'ring-touched-under', HIGHLIGHT_DARK, 1.6, 0.5);
    for (const p of touched) ring(p, 'ring-touched', HIGHLIGHT_LIGHT, 0.6, 0.5);
    if (data.selected !== null) ring(data.selected, 'ring-selected', SELECTED, 1.1, 1.3);
  }

  function paintArrows(data: GridData): void {
    gArrows.selectAll('*').remove();
    for (const a of data.arrows) {
      const from = centre(a.from);
      const to = centre(a.to);
      if (!from || !to || a.from === a.to) continue;
      const { c } = arrowCurve(from, to);
      const end = shorten(c, to, 2.6);
      const start = shorten(c, from, 2.2);
      const { d } = arrowCurve(start, end);
      const kind: ArrowKind = a.kind;
      gArrows
        .append('path')
        .attr('d', d)
        .attr('fill', 'none')
        .attr('stroke', '#ffffff')
        .attr('stroke-width', 1.6)
        .attr('stroke-linecap', 'round');
      gArrows
        .append('path')
        .attr('class', `arrow arrow-${kind}`)
        .attr('d', d)
        .attr('fill', 'none')
        .attr('stroke', ARROW_COLOURS[kind])
        .attr('stroke-width', 0.7)
        .attr('marker-end', `url(#${ids.arrow(kind)})`);
    }
  }

  function pfnOf(target: EventTarget | null): number {
    const el = target instanceof Element ? target.closest('.cell') : null;
    const v = el?.getAttribute('data-pfn');
    return v == null ? -1 : Number(v);
  }

  function focusCell(pfn: number): void {
    const next = cells[pfn];
    if (!next) return;
    cells[active]?.el.setAttribute('tabindex', '-1');
    active = pfn;
    next.el.setAttribute('tabindex', '0');
    next.el.focus();
  }

  const node = svg.node() as SVGSVGElement;
  const unbindPointer = bindPointer(node, cb, { pfnAt: (e) => pfnOf(e.target), keepFocus: true });
  const onFocusIn = (e: FocusEvent): void => {
    const pfn = pfnOf(e.target);
    if (pfn < 0 || !(e.target instanceof Element)) return;
    const r = e.target.getBoundingClientRect();
    cb.onHover({ pfn, x: r.right, y: r.bottom });
  };
  const onFocusOut = (): void => cb.onHover(null);
  const onKeyDown = (e: KeyboardEvent): void => {
    const pfn = pfnOf(e.target);
    if (pfn < 0 || !layout || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -layout.cols,
      ArrowDown: layout.cols,
    };
    if (e.key in moves && !e.shiftKey) {
      const next = pfn + moves[e.key];
      if (cells[next]) focusCell(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      cb.onSelect(pfn);
    } else if (e.key === 'Escape') {
      (e.target as SVGGElement).blur();
      cb.onEscape?.();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  node.addEventListener('focusin', onFocusIn);
  node.addEventListener('focusout', onFocusOut);
  node.addEventListener('keydown', onKeyDown);

  return {
    update(data) {
      const t0 = performance.now();
      if (data.layout !== layout) build(data.layout);
      const n = paintCells(data);
      if (last && last.selected !== data.selected) {
        for (const p of [last.selected, data.selected])
          if (p !== null) cells[p]?.el.setAttribute('aria-label', describe(data.layout, data, p));
      }
      paintRings(data);
      paintArrows(data);
      last = data;
      measureDraw('grid:svg', t0, n);
    },
    zoomToPfn(pfn) {
      const c = cells[pfn];
      if (!c) return;
      cells[active]?.el.setAttribute('tabindex', '-1');
      active = pfn;
      c.el.setAttribute('tabindex', '0');
      if (typeof c.el.scrollIntoView === 'function') c.el.scrollIntoView({ block: 'nearest' });
    },
    zoomBy() {
      // The SVG grid always shows every frame; zoom is the canvas renderer's.
    },
    fit() {
      if (last) paintRings(last);
    },
    destroy() {
      unbindPointer();
      node.removeEventListener('focusin', onFocusIn);
      node.removeEventListener('focusout', onFocusOut);
      node.removeEventListener('keydown', onKeyDown);
      svg.remove();
      cells = [];
      layout = null;
    },
  };
}
