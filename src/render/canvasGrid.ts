/**
 * The canvas grid renderer, for real machines (up to millions of frames). Pipeline:
 * 1. paint.ts fills a hidden `cols × rows` image, one pixel per frame (roles, or overlay colours
 *    over faded roles), only when the data or the overlays changed;
 * 2. the visible canvas draws the part of that image in view, scaled by the d3-zoom transform
 *    (`view`: screen = grid × k + (x, y)), without smoothing once a frame is bigger than a pixel;
 * 3. on top, in screen space: zone labels, cell borders and glyphs and overlay markers when zoomed
 *    in far enough, rings round the frames of the step, the selection and the step's arrows.
 * Hit testing inverts the transform (hitTest.ts). Zoom frames are coalesced into one rAF.
 */
import { select, zoom, zoomIdentity } from 'd3';
import type { D3ZoomEvent, ZoomBehavior } from 'd3';
import { ARROW_COLOURS, arrowCurve, shorten } from './arrows';
import type { GridCallbacks, GridData, GridRenderer } from './gridTypes';
import { measureDraw, zoneLabel, zoneLabelParts } from './gridTypes';
import { centreView, fitView, pointToPfn, visibleCells } from './hitTest';
import type { View } from './hitTest';
import { cellPfn, pfnCell } from './layout';
import type { GridLayout } from './layout';
import { bindPointer } from './gridEvents';
import { cellInset, cellSide, GAP_FRACTION, glyphCentre, glyphFont, markerBox } from './cell';
import { markersFor } from './overlays';
import type { Marker } from './overlays';
import { buildOverlayLut, fadeWords, paintFrames } from './paint';
import { HIGHLIGHT_DARK, HIGHLIGHT_LIGHT, ROLE_WORDS, gridColours, roleStyle } from './palette';
import type { GridColours } from './palette';
import type { Theme } from './tokens';

/** Cell size (screen px) from which borders, then glyphs and markers, are drawn. */
const BORDER_K = 5;
const DETAIL_K = 14;
const MAX_K = 72;
/** Role words faded towards each theme's ground, for frames an overlay leaves unmarked. */
const FADED: Record<Theme, Uint32Array> = {
  light: fadeWords(ROLE_WORDS, 0.72, gridColours('light').ground),
  dark: fadeWords(ROLE_WORDS, 0.72, gridColours('dark').ground),
};
/** Room the zone labels take beside the grid (screen px). */
const LABEL_W = 170;
const FONT = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

type Ctx = CanvasRenderingContext2D;

interface Layer {
  canvas: HTMLCanvasElement;
  ctx: Ctx | null;
  image: ImageData | null;
  pix: Uint32Array | null;
  dirty: boolean;
}

function makeLayer(): Layer {
  return {
    canvas: document.createElement('canvas'),
    ctx: null,
    image: null,
    pix: null,
    dirty: true,
  };
}

function sizeLayer(layer: Layer, l: GridLayout): void {
  layer.canvas.width = l.cols;
  layer.canvas.height = l.rows;
  layer.ctx = layer.canvas.getContext('2d');
  layer.image = layer.ctx ? layer.ctx.createImageData(l.cols, l.rows) : null;
  layer.pix = layer.image ? new Uint32Array(layer.image.data.buffer) : null;
  layer.dirty = true;
}

/** Marker `m` in the cell of side `k` whose top-left corner is (x, y), in screen pixels. */
function drawMarkerAt(ctx: Ctx, m: Marker, x: number, y: number, k: number, hasTop: boolean): void {
  const s = k / 10;
  const box = markerBox(m.slot, k, hasTop);
  if (m.slot === 'hatch') {
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, k, k);
    ctx.clip();
    ctx.strokeStyle = m.colour;
    ctx.lineWidth = Math.max(1, s * 0.7);
    ctx.globalAlpha = 0.75;
    ctx.beginPath();
    for (let d = -k; d < k; d += 3 * s * 1.41) {
      ctx.moveTo(x + d, y + k);
      ctx.lineTo(x + d + k, y);
    }
    ctx.stroke();
    ctx.restore();
    ctx.strokeStyle = m.colour;
    ctx.strokeRect(x + 0.5, y + 0.5, k - 1, k - 1);
    return;
  }
  ctx.fillStyle = m.colour;
  ctx.fillRect(x + box.x, y + box.y, box.w, box.h);
  if (!m.text) return;
  ctx.fillStyle = '#ffffff';
  ctx.font = `700 ${Math.min(22, box.font)}px ${FONT}`;
  // maxWidth squeezes "NS·F" into the band rather than shrinking it.
  ctx.fillText(m.text, x + box.x + box.w / 2, y + box.y + box.h / 2 + 0.05 * s, box.w - 2 * s);
}

export function createCanvasGrid(host: HTMLElement, cb: GridCallbacks): GridRenderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'grid-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  host.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  const roles = makeLayer();
  const overview = makeLayer();

  let data: GridData | null = null;
  let layout: GridLayout | null = null;
  let view: View = { x: 0, y: 0, k: 1 };
  let width = 0;
  let height = 0;
  let userZoomed = false;
  let frame = 0;
  let overlayLut: Uint32Array | null = null;
  let lutKey = '';
  let theme: Theme = 'light';
  let colours: GridColours = gridColours(theme);

  const zoomer: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([0.05, MAX_K])
    .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      view = { x: e.transform.x, y: e.transform.y, k: e.transform.k };
      if (e.sourceEvent) userZoomed = true;
      schedule();
    });
  const sel = select(canvas);
  sel.call(zoomer);

  function setView(v: View): void {
    zoomer.transform(sel, zoomIdentity.translate(v.x, v.y).scale(v.k));
  }

  function measure(): void {
    width = host.clientWidth || 800;
    height = host.clientHeight || 480;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    // Assigning a canvas size clears it, even to the same value: only on a real change.
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }

  /** The whole machine, left-aligned with room for the zone labels on the right if it fits. */
  function fit(): void {
    if (!layout) return;
    const full = fitView(layout, width, height, 6);
    const narrow = fitView(layout, width - LABEL_W - 12, height, 6);
    const v = narrow.k >= full.k * 0.8 ? { ...narrow, x: 6 } : full;
    zoomer.scaleExtent([v.k * 0.8, Math.max(MAX_K, v.k)]);
    zoomer.translateExtent([
      [-layout.cols * 0.25, -layout.rows * 0.25],
      [layout.cols * 1.25, layout.rows * 1.25],
    ]);
    userZoomed = false;
    setView(v);
  }

  function schedule(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const t0 = performance.now();
      draw();
      measureDraw('grid:canvas-view', t0, 0);
    });
  }

  function ensureLayer(layer: Layer, lut: Uint32Array | null): void {
    if (!layer.dirty || !data || !layer.pix || !layer.ctx || !layer.image || !layout) return;
    const t0 = performance.now();
    paintFrames(layer.pix, layout, data.frames, lut ? FADED[theme] : ROLE_WORDS, lut);
    const t1 = performance.now();
    layer.ctx.putImageData(layer.image, 0, 0);
    layer.dirty = false;
    measureDraw('grid:fill', t0, layout.frames, t1);
    measureDraw('grid:put', t1, layout.frames);
  }

  function drawZones(c: Ctx, l: GridLayout): void {
    const k = view.k;
    for (const z of l.zones) {
      const x = view.x - 3;
      const y = view.y + z.rowStart * k - 3;
      c.fillStyle = z.highmem ? colours.zoneHigh : colours.zoneLow;
      c.fillRect(x, y, l.cols * k + 6, z.rows * k + 6);
    }
  }

  /** Zone labels: beside the zones when the grid leaves room on the right, else above them. */
  function drawLabels(c: Ctx, l: GridLayout): void {
    const k = view.k;
    const right = view.x + l.cols * k + 12;
    const beside = width - right >= LABEL_W;
    c.textAlign = 'left';
    c.textBaseline = 'alphabetic';
    let prev = -Infinity;
    for (const z of l.zones) {
      const top = view.y + z.rowStart * k;
      const bottom = top + z.rows * k;
      if (bottom < 0 || top > height) continue;
      const parts = zoneLabelParts(z);
      if (beside) {
        const y = Math.max(top + 11, prev + 24, 14);
        c.strokeStyle = colours.leader;
        c.lineWidth = 1;
        c.beginPath();
        c.moveTo(right - 9, top + 0.5);
        c.lineTo(right - 3, y - 4);
        c.stroke();
        c.fillStyle = colours.zoneLabel;
        c.font = `700 13px ${FONT}`;
        c.fillText(`${parts.name} · ${parts.kind}`, right, y);
        c.font = `400 12px ${FONT}`;
        c.fillText(parts.range, right, y + 15);
        c.fillText(parts.size, right, y + 29);
        prev = y + 29;
      } else {
        const y = Math.max(Math.min(Math.max(top - 7, 16), bottom - 4), prev + 17);
        const text = zoneLabel(z);
        const x = Math.max(view.x, 6);
        c.font = `600 13px ${FONT}`;
        const w = c.measureText(text).width;
        c.globalAlpha = 0.88;
        c.fillStyle = colours.zoneChip;
        c.fillRect(x - 3, y - 13, w + 6, 17);
        c.globalAlpha = 1;
        c.fillStyle = colours.zoneLabel;
        c.fillText(text, x, y);
        prev = y;
      }
    }
  }

  function drawBorders(c: Ctx, l: GridLayout): void {
    const k = view.k;
    const { c0, c1, r0, r1 } = visibleCells(l, view, width, height);
    c.strokeStyle = 'rgba(255,255,255,0.9)';
    c.lineWidth = Math.max(1, k * GAP_FRACTION);
    c.beginPath();
    for (const z of l.zones) {
      const zr0 = Math.max(r0, z.rowStart);
      const zr1 = Math.min(r1, z.rowStart + z.rows);
      if (zr0 >= zr1) continue;
      for (let col = c0; col <= c1; col++) {
        const x = view.x + col * k;
        c.moveTo(x, view.y + zr0 * k);
        c.lineTo(x, view.y + zr1 * k);
      }
      for (let row = zr0; row <= zr1; row++) {
        const y = view.y + row * k;
        c.moveTo(view.x + c0 * k, y);
        c.lineTo(view.x + c1 * k, y);
      }
    }
    c.stroke();
  }

  function drawDetail(c: Ctx, l: GridLayout, d: GridData): void {
    const k = view.k;
    const { c0, c1, r0, r1 } = visibleCells(l, view, width, height);
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    // The cell inside its unit, as in the SVG grid: the white border lines are the gap.
    const side = cellSide(k);
    const inset = cellInset(k);
    const glyphCss = `600 ${Math.min(22, glyphFont(side))}px ${FONT}`;
    for (let row = r0; row < r1; row++)
      for (let col = c0; col < c1; col++) {
        const pfn = cellPfn(l, col, row);
        if (pfn < 0) continue;
        const x = view.x + col * k + inset;
        const y = view.y + row * k + inset;
        const st = roleStyle(d.frames.role[pfn]);
        const ms = markersFor(d.frames.flags[pfn], d.frames.match[pfn], d.overlays, d.bootSide);
        const hasTop = ms.some((m) => m.slot === 'top');
        for (const m of ms) drawMarkerAt(c, m, x, y, side, hasTop);
        if (st.glyph) {
          const [gx, gy] = glyphCentre(ms, side);
          c.font = glyphCss;
          c.fillStyle = st.ink;
          c.fillText(st.glyph, x + gx, y + gy + 1);
        }
      }
  }

  function centreOf(pfn: number): { x: number; y: number } | null {
    if (!layout) return null;
    const cell = pfnCell(layout, pfn);
    if (!cell) return null;
    return { x: view.x + (cell.col + 0.5) * view.k, y: view.y + (cell.row + 0.5) * view.k };
  }

  function ringAt(c: Ctx, pfn: number, size: number, colours: [string, number][]): void {
    const p = centreOf(pfn);
    if (!p) return;
    for (const [colour, w] of colours) {
      c.strokeStyle = colour;
      c.lineWidth = w;
      c.strokeRect(p.x - size / 2, p.y - size / 2, size, size);
    }
  }

  function drawMarks(c: Ctx, d: GridData): void {
    const size = Math.max(view.k + 2, 11);
    const seen = new Set<number>();
    for (const p of d.touched) {
      if (p < 0 || seen.has(p)) continue;
      seen.add(p);
      ringAt(c, p, size, [
        [HIGHLIGHT_DARK, 4],
        [HIGHLIGHT_LIGHT, 1.5],
      ]);
    }
    if (d.selected !== null)
      ringAt(c, d.selected, Math.max(view.k + 8, 18), [
        [colours.zoneChip, 5],
        [colours.selected, 2.5],
      ]);
    for (const a of d.arrows) {
      const from = centreOf(a.from);
      const to = centreOf(a.to);
      if (!from || !to || a.from === a.to) continue;
      const { c: ctl } = arrowCurve(from, to);
      const end = shorten(ctl, to, Math.max(6, view.k * 0.3));
      const colour = ARROW_COLOURS[a.kind];
      for (const [stroke, w] of [
        ['#ffffff', 5],
        [colour, 2],
      ] as const) {
        c.strokeStyle = stroke;
        c.lineWidth = w;
        c.beginPath();
        c.moveTo(from.x, from.y);
        c.quadraticCurveTo(ctl.x, ctl.y, end.x, end.y);
        c.stroke();
      }
      const ang = Math.atan2(end.y - ctl.y, end.x - ctl.x);
      c.fillStyle = colour;
      c.beginPath();
      c.moveTo(end.x + Math.cos(ang) * 6, end.y + Math.sin(ang) * 6);
      c.lineTo(end.x + Math.cos(ang + 2.5) * 8, end.y + Math.sin(ang + 2.5) * 8);
      c.lineTo(end.x + Math.cos(ang - 2.5) * 8, end.y + Math.sin(ang - 2.5) * 8);
      c.closePath();
      c.fill();
    }
  }

  function draw(): void {
    if (!ctx || !layout || !data) return;
    const l = layout;
    const d = data;
    const dpr = canvas.width / Math.max(1, width);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawZones(ctx, l);
    const detail = view.k >= DETAIL_K;
    const useOverview = d.overlays.size > 0 && !detail;
    const layer = useOverview ? overview : roles;
    ensureLayer(layer, useOverview ? overlayLut : null);
    const { c0, c1, r0, r1 } = visibleCells(l, view, width, height);
    const tb = performance.now();
    if (c1 > c0 && r1 > r0) {
      ctx.imageSmoothingEnabled = view.k < 1;
      ctx.drawImage(
        layer.canvas,
        c0,
        r0,
        c1 - c0,
        r1 - r0,
        view.x + c0 * view.k,
        view.y + r0 * view.k,
        (c1 - c0) * view.k,
        (r1 - r0) * view.k,
      );
    }
    measureDraw('grid:blit', tb, 0);
    if (view.k >= BORDER_K) drawBorders(ctx, l);
    if (detail) drawDetail(ctx, l, d);
    drawLabels(ctx, l);
    drawMarks(ctx, d);
  }

  const unbindPointer = bindPointer(canvas, cb, {
    pfnAt: (e) => {
      if (!layout) return -1;
      const r = canvas.getBoundingClientRect();
      return pointToPfn(layout, view, e.clientX - r.left, e.clientY - r.top);
    },
  });
  const onKeyDown = (e: KeyboardEvent): void => {
    const f = e.key === '+' || e.key === '=' ? 2 : e.key === '-' ? 0.5 : 0;
    if (f) api.zoomBy(f);
    else if (e.key === '0') fit();
    else if (e.key === 'Escape') cb.onEscape?.();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  canvas.addEventListener('keydown', onKeyDown);

  const resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          const w = width;
          const h = height;
          measure();
          if (w === width && h === height) return;
          // Keep what was in the middle in the middle; an unzoomed view refits.
          if (!userZoomed) fit();
          else
            setView({
              k: view.k,
              x: view.x + (width - w) / 2,
              y: view.y + (height - h) / 2,
            });
          draw();
        });
  resize?.observe(host);
  measure();

  const api: GridRenderer = {
    update(next) {
      const t0 = performance.now();
      const newLayout = next.layout !== layout;
      if (newLayout) {
        layout = next.layout;
        sizeLayer(roles, layout);
        sizeLayer(overview, layout);
        canvas.setAttribute(
          'aria-label',
          `Page frames: ${layout.frames.toLocaleString('en-GB')} frames in ${layout.zones.length} zones. Wheel or +/- to zoom, drag to pan, click a frame to inspect it.`,
        );
      }
      const nextTheme = next.theme ?? 'light';
      if (nextTheme !== theme) {
        theme = nextTheme;
        colours = gridColours(theme);
        overview.dirty = true;
      }
      const key = `${[...next.overlays].sort().join(',')}|${next.bootSide ? 1 : 0}|${theme}`;
      if (key !== lutKey) {
        lutKey = key;
        overlayLut =
          next.overlays.size > 0 ? buildOverlayLut(next.overlays, next.bootSide, theme) : null;
        overview.dirty = true;
      }
      if (!data || data.version !== next.version || data.frames !== next.frames || newLayout) {
        roles.dirty = true;
        overview.dirty = true;
      }
      data = next;
      if (newLayout) fit();
      draw();
      measureDraw('grid:canvas', t0, next.layout.frames);
    },
    zoomToPfn(pfn) {
      if (!layout) return;
      const cell = pfnCell(layout, pfn);
      if (!cell) return;
      userZoomed = true;
      setView(centreView(cell.col, cell.row, Math.max(view.k, 28), width, height));
    },
    zoomBy(factor) {
      userZoomed = true;
      zoomer.scaleBy(sel, factor, [width / 2, height / 2]);
    },
    fit,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize?.disconnect();
      sel.on('.zoom', null);
      unbindPointer();
      canvas.removeEventListener('keydown', onKeyDown);
      canvas.remove();
      data = null;
      layout = null;
    },
  };
  return api;
}
