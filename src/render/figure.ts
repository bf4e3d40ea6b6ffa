/**
 * The page-frame grid as a picture for slides and papers: a title, the zones with their labels,
 * one cell per frame in its role's colour (with its glyph where the cell is big enough), the
 * frames the step touched ringed, and a legend of the roles present. The same layout drawn two
 * ways: as a standalone SVG document (text, every piece of it escaped) and onto a 2D canvas (for
 * PNG, at any pixel ratio; machines too big for one element per frame are drawn one pixel per
 * frame).
 */
import { ROLE_NAMES } from '../core';
import { ARROW_COLOURS, arrowCurve, shorten } from './arrows';
import type { Arrow, Point } from './arrows';
import { zoneLabel } from './gridTypes';
import { chooseColumns, computeLayout, pfnCell } from './layout';
import type { GridLayout, ZoneLike } from './layout';
import { countRoles } from './paint';
import {
  HIGHLIGHT_DARK,
  HIGHLIGHT_LIGHT,
  ROLE_STYLES,
  ROLE_WORDS,
  ZONE_BG,
  ZONE_LABEL,
  roleStyle,
} from './palette';
import { formatCount } from './units';

/** Up to this many frames the SVG figure has one element per frame (the lecture sizes). */
export const FIGURE_SVG_MAX_FRAMES = 4096;

export interface FigureInput {
  /** First line: "teaching · linux-2.6.20 · step 130 of 463". */
  title: string;
  /** Second line: what the step did (the narration). */
  caption: string;
  zones: readonly ZoneLike[];
  frames: number;
  /** Role id per frame. */
  role: Uint8Array;
  /** Frames the step touched (-1 entries are ignored). */
  touched: readonly number[];
  /** The step's moves (copies, loads, swaps …), drawn as arrows where cells are big enough. */
  arrows?: readonly Arrow[];
}

/** Where everything of a figure goes, in CSS pixels. */
export interface FigureGeometry {
  width: number;
  height: number;
  /** Cell size: one frame. */
  cell: number;
  grid: GridLayout;
  /** Top-left corner of the grid. */
  gridX: number;
  gridY: number;
  /** Top of the legend. */
  legendY: number;
  legendRows: number;
  /** The caption, broken into lines that fit the width. */
  caption: string[];
}

const MARGIN = 24;
const TITLE_SIZE = 20;
const CAPTION_SIZE = 14;
const LABEL_SIZE = 13;
const CAPTION_LINE = CAPTION_SIZE + 5;
/** Caption lines at most; the rest is cut with an ellipsis. */
const CAPTION_LINES = 3;
const LEGEND_ROW = 22;
const LEGEND_COLUMN = 210;
const MIN_WIDTH = 640;
/** Below this cell size glyphs are not drawn (they would not read). */
const GLYPH_MIN_CELL = 14;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Roles present in the figure, in role order, with their counts. */
export function legendItems(role: Uint8Array): { role: number; name: string; count: number }[] {
  const counts = countRoles(role, ROLE_STYLES.length);
  const out: { role: number; name: string; count: number }[] = [];
  counts.forEach((count, r) => {
    if (count > 0) out.push({ role: r, name: ROLE_NAMES[r] ?? `role ${r}`, count });
  });
  return out;
}

/**
 * `text` in lines of about `chars` characters, broken at spaces (no font metrics: SVG has none
 * before it is drawn), at most CAPTION_LINES of them.
 */
export function wrapText(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= CAPTION_LINES) return lines;
  const kept = lines.slice(0, CAPTION_LINES);
  kept[CAPTION_LINES - 1] = `${kept[CAPTION_LINES - 1].slice(0, chars - 1)}…`;
  return kept;
}

/** The figure's layout: lecture-sized cells (one CSS pixel per frame for big machines). */
export function figureGeometry(input: FigureInput): FigureGeometry {
  const big = input.frames > FIGURE_SVG_MAX_FRAMES;
  const cols = chooseColumns(input.frames, big ? 1 : 2);
  const cell = big ? 1 : Math.max(6, Math.min(32, Math.floor(960 / cols)));
  const gapRows = Math.ceil((LABEL_SIZE + 12) / cell);
  const grid = computeLayout(input.zones, input.frames, cols, gapRows);
  const width = Math.max(MIN_WIDTH, cols * cell + 2 * MARGIN);
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN) / LEGEND_COLUMN));
  const legendRows = Math.ceil(legendItems(input.role).length / perRow);
  // About 7.5 pixels per character of the caption's size.
  const caption = wrapText(input.caption, Math.floor((width - 2 * MARGIN) / 7.5));
  const gridY = MARGIN + TITLE_SIZE + 8 + caption.length * CAPTION_LINE + 8;
  const legendY = gridY + grid.rows * cell + 16;
  return {
    width,
    height: legendY + legendRows * LEGEND_ROW + MARGIN,
    cell,
    grid,
    gridX: MARGIN,
    gridY,
    legendY,
    legendRows,
    caption,
  };
}

/**
 * Text for XML: the five special characters (and a carriage return) escaped, characters XML cannot
 * hold dropped.
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // A bare carriage return would read back as a line feed.
      .replace(/\r/g, '&#13;')
  );
}

const px = (n: number) => Number(n.toFixed(2));

/**
 * The figure as a standalone SVG document (no scripts, no external references). One `<rect>` per
 * frame in `<g class="frames">`, so the figure is meant for up to FIGURE_SVG_MAX_FRAMES frames.
 */
export function figureSvg(input: FigureInput): string {
  const g = figureGeometry(input);
  const { cell, grid } = g;
  const out: string[] = [];
  const title = escapeXml(input.title);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="figure-title figure-caption" font-family='${FONT}'>`,
    `<title id="figure-title">${title}</title>`,
    `<desc id="figure-caption">${escapeXml(input.caption)}</desc>`,
    `<rect width="${g.width}" height="${g.height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="600" fill="#111111">${title}</text>`,
    ...g.caption.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${MARGIN + TITLE_SIZE + 8 + CAPTION_SIZE + i * CAPTION_LINE}" font-size="${CAPTION_SIZE}" fill="#30343b">${escapeXml(line)}</text>`,
    ),
    `<g transform="translate(${g.gridX} ${g.gridY})">`,
  );
  for (const z of grid.zones) {
    out.push(
      `<text x="0" y="${px(z.rowStart * cell - 8)}" font-size="${LABEL_SIZE}" fill="${ZONE_LABEL}">${escapeXml(zoneLabel(z))}</text>`,
      `<rect x="-2" y="${px(z.rowStart * cell - 2)}" width="${grid.cols * cell + 4}" height="${z.rows * cell + 4}" fill="${ZONE_BG}"/>`,
    );
  }
  const glyphs = cell >= GLYPH_MIN_CELL;
  const frames: string[] = [];
  const letters: string[] = [];
  for (let pfn = 0; pfn < input.frames; pfn++) {
    const c = pfnCell(grid, pfn);
    if (!c) continue;
    const st = roleStyle(input.role[pfn]);
    const x = c.col * cell;
    const y = c.row * cell;
    frames.push(
      `<rect class="frame" x="${x + 0.5}" y="${y + 0.5}" width="${cell - 1}" height="${cell - 1}" fill="${st.fill}"/>`,
    );
    if (glyphs && st.glyph)
      letters.push(
        `<text x="${px(x + cell / 2)}" y="${px(y + cell / 2)}" fill="${st.ink}">${escapeXml(st.glyph)}</text>`,
      );
  }
  out.push(`<g class="frames">${frames.join('')}</g>`);
  if (letters.length)
    out.push(
      `<g font-size="${px(cell * 0.5)}" text-anchor="middle" dominant-baseline="central" aria-hidden="true">${letters.join('')}</g>`,
    );
  const rings: string[] = [];
  for (const pfn of new Set(input.touched)) {
    const c = pfn >= 0 ? pfnCell(grid, pfn) : null;
    if (!c) continue;
    const x = c.col * cell;
    const y = c.row * cell;
    rings.push(
      `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" stroke="${HIGHLIGHT_DARK}" stroke-width="3"/>`,
      `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" stroke="${HIGHLIGHT_LIGHT}" stroke-width="1"/>`,
    );
  }
  if (rings.length) out.push(`<g class="touched" fill="none">${rings.join('')}</g>`);
  const arrows = arrowShapes(input, g).map(
    (a) =>
      `<path d="${a.d}" stroke="${a.colour}" stroke-width="2.5" fill="none"/><polygon points="${a.head.map((p) => `${px(p.x)},${px(p.y)}`).join(' ')}" fill="${a.colour}"/>`,
  );
  if (arrows.length) out.push(`<g class="arrows">${arrows.join('')}</g>`);
  out.push('</g>');
  out.push(`<g class="legend" font-size="${LABEL_SIZE}" fill="#111111">`);
  legendPlaces(input, g).forEach(({ x, y, item }) => {
    const st = roleStyle(item.role);
    out.push(
      `<rect x="${x}" y="${y}" width="16" height="16" fill="${st.fill}" stroke="#30343b" stroke-width="0.5"/>`,
      `<text x="${x + 22}" y="${y + 13}">${escapeXml(`${item.name} (${formatCount(item.count)})`)}</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** The step's arrows in grid pixels: the curve, its end and a filled head. */
function arrowShapes(input: FigureInput, g: FigureGeometry) {
  if (g.cell < 10) return [];
  const centre = (pfn: number): Point | null => {
    const c = pfn >= 0 ? pfnCell(g.grid, pfn) : null;
    return c ? { x: (c.col + 0.5) * g.cell, y: (c.row + 0.5) * g.cell } : null;
  };
  const out: { d: string; a: Point; c: Point; b: Point; head: Point[]; colour: string }[] = [];
  for (const arrow of input.arrows ?? []) {
    const a = centre(arrow.from);
    const to = centre(arrow.to);
    if (!a || !to || arrow.from === arrow.to) continue;
    const { c } = arrowCurve(a, to);
    const b = shorten(c, to, g.cell * 0.35);
    const dx = b.x - c.x;
    const dy = b.y - c.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const tip = { x: b.x + ux * 4, y: b.y + uy * 4 };
    const back = { x: b.x - ux * 8, y: b.y - uy * 8 };
    const head = [
      tip,
      { x: back.x - uy * 5, y: back.y + ux * 5 },
      { x: back.x + uy * 5, y: back.y - ux * 5 },
    ];
    const curve = arrowCurve(a, b);
    out.push({ d: curve.d, a, c: curve.c, b, head, colour: ARROW_COLOURS[arrow.kind] });
  }
  return out;
}

function legendPlaces(input: FigureInput, g: FigureGeometry) {
  const perRow = Math.max(1, Math.floor((g.width - 2 * MARGIN) / LEGEND_COLUMN));
  return legendItems(input.role).map((item, i) => ({
    item,
    x: MARGIN + (i % perRow) * LEGEND_COLUMN,
    y: g.legendY + Math.floor(i / perRow) * LEGEND_ROW,
  }));
}

/** The canvas size in device pixels for drawing the figure at `scale` (2 for slides). */
export function figurePixels(input: FigureInput, scale: number): { width: number; height: number } {
  const g = figureGeometry(input);
  return { width: Math.round(g.width * scale), height: Math.round(g.height * scale) };
}

/**
 * Draws the figure onto `ctx` (a canvas of figurePixels(input, scale)), the same picture as
 * figureSvg. Big machines are painted one CSS pixel per frame through an image.
 */
export function paintFigure(
  ctx: CanvasRenderingContext2D,
  input: FigureInput,
  scale: number,
): void {
  const g = figureGeometry(input);
  const { cell, grid } = g;
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, g.width, g.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#111111';
  ctx.font = `600 ${TITLE_SIZE}px ${FONT}`;
  ctx.fillText(input.title, MARGIN, MARGIN + TITLE_SIZE);
  ctx.fillStyle = '#30343b';
  ctx.font = `${CAPTION_SIZE}px ${FONT}`;
  g.caption.forEach((line, i) =>
    ctx.fillText(line, MARGIN, MARGIN + TITLE_SIZE + 8 + CAPTION_SIZE + i * CAPTION_LINE),
  );
  ctx.translate(g.gridX, g.gridY);
  ctx.font = `${LABEL_SIZE}px ${FONT}`;
  for (const z of grid.zones) {
    ctx.fillStyle = ZONE_LABEL;
    ctx.fillText(zoneLabel(z), 0, z.rowStart * cell - 8);
    ctx.fillStyle = ZONE_BG;
    ctx.fillRect(-2, z.rowStart * cell - 2, grid.cols * cell + 4, z.rows * cell + 4);
  }
  if (cell === 1) paintPixels(ctx, input, grid);
  else paintCells(ctx, input, grid, cell);
  for (const a of arrowShapes(input, g)) {
    ctx.strokeStyle = a.colour;
    ctx.fillStyle = a.colour;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(a.a.x, a.a.y);
    ctx.quadraticCurveTo(a.c.x, a.c.y, a.b.x, a.b.y);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(a.head[0].x, a.head[0].y);
    ctx.lineTo(a.head[1].x, a.head[1].y);
    ctx.lineTo(a.head[2].x, a.head[2].y);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
  ctx.save();
  ctx.scale(scale, scale);
  ctx.font = `${LABEL_SIZE}px ${FONT}`;
  ctx.textBaseline = 'alphabetic';
  legendPlaces(input, g).forEach(({ x, y, item }) => {
    ctx.fillStyle = roleStyle(item.role).fill;
    ctx.fillRect(x, y, 16, 16);
    ctx.strokeStyle = '#30343b';
    ctx.lineWidth = 0.5;
    ctx.strokeRect(x, y, 16, 16);
    ctx.fillStyle = '#111111';
    ctx.fillText(`${item.name} (${formatCount(item.count)})`, x + 22, y + 13);
  });
  ctx.restore();
}

function paintCells(
  ctx: CanvasRenderingContext2D,
  input: FigureInput,
  grid: GridLayout,
  cell: number,
): void {
  const glyphs = cell >= GLYPH_MIN_CELL;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `${cell * 0.5}px ${FONT}`;
  for (let pfn = 0; pfn < input.frames; pfn++) {
    const c = pfnCell(grid, pfn);
    if (!c) continue;
    const st = roleStyle(input.role[pfn]);
    ctx.fillStyle = st.fill;
    ctx.fillRect(c.col * cell + 0.5, c.row * cell + 0.5, cell - 1, cell - 1);
    if (glyphs && st.glyph) {
      ctx.fillStyle = st.ink;
      ctx.fillText(st.glyph, c.col * cell + cell / 2, c.row * cell + cell / 2);
    }
  }
  for (const pfn of new Set(input.touched)) {
    const c = pfn >= 0 ? pfnCell(grid, pfn) : null;
    if (!c) continue;
    for (const [colour, width] of [
      [HIGHLIGHT_DARK, 3],
      [HIGHLIGHT_LIGHT, 1],
    ] as const) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.strokeRect(c.col * cell, c.row * cell, cell, cell);
    }
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}

/** One pixel per frame, zone by zone, scaled up without smoothing. */
function paintPixels(ctx: CanvasRenderingContext2D, input: FigureInput, grid: GridLayout): void {
  for (const z of grid.zones) {
    const w = grid.cols;
    const h = z.rows;
    const image = ctx.createImageData(w, h);
    const words = new Uint32Array(image.data.buffer);
    words.fill(ROLE_WORDS[0] & 0x00ffffff);
    for (let pfn = z.start; pfn < z.end; pfn++)
      words[pfn - z.start] = ROLE_WORDS[input.role[pfn]] ?? ROLE_WORDS[0];
    const tile = document.createElement('canvas');
    tile.width = w;
    tile.height = h;
    tile.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(tile, 0, z.rowStart, w, h);
  }
}
