/** Framework-free drawing of the page-frame grid: React creates, updates and destroys these. */
import { createCanvasGrid } from './canvasGrid';
import type { GridCallbacks, GridRenderer } from './gridTypes';
import { chooseColumns, computeLayout } from './layout';
import type { GridLayout, ZoneLike } from './layout';
import { createSvgGrid, svgLabelUnits } from './svgGrid';

/** Up to this many frames the grid is SVG (focusable cells); above it, canvas. */
export const SVG_MAX_FRAMES = 4096;

export type RendererKind = 'svg' | 'canvas';

export function rendererFor(frames: number): RendererKind {
  return frames <= SVG_MAX_FRAMES ? 'svg' : 'canvas';
}

/**
 * One layout per machine, kept while its zone list lives: every caller (the grid, its zoom
 * buttons, a compare column) gets the same object for the same zones, so a renderer sees an
 * unchanged layout as unchanged and never rebuilds for it.
 */
const layouts = new WeakMap<readonly ZoneLike[], { frames: number; layout: GridLayout }>();

/** The grid layout each renderer uses for a machine (cached by its `zones` array). */
export function layoutFor(zones: readonly ZoneLike[], frames: number): GridLayout {
  const hit = layouts.get(zones);
  if (hit && hit.frames === frames) return hit.layout;
  const layout = computeLayoutFor(zones, frames);
  layouts.set(zones, { frames, layout });
  return layout;
}

function computeLayoutFor(zones: readonly ZoneLike[], frames: number): GridLayout {
  if (rendererFor(frames) === 'svg') {
    const cols = chooseColumns(frames, 2);
    return computeLayout(zones, frames, cols, Math.max(0.9, (svgLabelUnits(cols) * 1.7) / 10));
  }
  const cols = chooseColumns(frames, 1);
  const rows = Math.ceil(frames / cols);
  return computeLayout(zones, frames, cols, Math.max(2, Math.ceil(rows * 0.035)));
}

export function createGrid(
  kind: RendererKind,
  host: HTMLElement,
  callbacks: GridCallbacks,
): GridRenderer {
  return kind === 'svg' ? createSvgGrid(host, callbacks) : createCanvasGrid(host, callbacks);
}

export { createSvgGrid, createCanvasGrid };
export type { GridCallbacks, GridData, GridRenderer, HoverInfo } from './gridTypes';
export type { Theme } from './tokens';
export { zoneLabel } from './gridTypes';
export type { GridLayout, ZoneBlock, ZoneLike } from './layout';
export { pfnCell, cellPfn, zoneOf } from './layout';
export { OVERLAYS, markNames, markersFor, isUnsafe } from './overlays';
export type { OverlayKey, OverlaySet, OverlayDef } from './overlays';
export { ROLE_STYLES, roleStyle, SELECTED } from './palette';
export { ARROW_COLOURS, ARROW_LABELS } from './arrows';
export type { Arrow, ArrowKind } from './arrows';
export { countRoles } from './paint';
export * from './units';
export {
  FIGURE_SVG_MAX_FRAMES,
  escapeXml,
  figureGeometry,
  figurePixels,
  figureSvg,
  paintFigure,
} from './figure';
export type { FigureInput } from './figure';
