/** Screen point → page frame, by arithmetic: invert the zoom transform, then look the cell up. */
import { cellPfn } from './layout';
import type { GridLayout } from './layout';

/** A d3-zoom style transform: screen = grid × k + (x, y), one grid unit per cell. */
export interface View {
  x: number;
  y: number;
  k: number;
}

export function pointToPfn(layout: GridLayout, view: View, sx: number, sy: number): number {
  const col = Math.floor((sx - view.x) / view.k);
  const row = Math.floor((sy - view.y) / view.k);
  return cellPfn(layout, col, row);
}

/** The view that shows the whole grid centred in a `width × height` box with a margin. */
export function fitView(layout: GridLayout, width: number, height: number, margin = 8): View {
  const k = Math.max(
    1e-3,
    Math.min((width - 2 * margin) / layout.cols, (height - 2 * margin) / layout.rows),
  );
  return { k, x: (width - layout.cols * k) / 2, y: (height - layout.rows * k) / 2 };
}

/** The view that centres cell (col, row) at `k` screen pixels per cell. */
export function centreView(
  col: number,
  row: number,
  k: number,
  width: number,
  height: number,
): View {
  return { k, x: width / 2 - (col + 0.5) * k, y: height / 2 - (row + 0.5) * k };
}

/** Grid rows and columns visible in the box, clamped to the grid. */
export function visibleCells(
  layout: GridLayout,
  view: View,
  width: number,
  height: number,
): { c0: number; c1: number; r0: number; r1: number } {
  const c0 = Math.max(0, Math.floor(-view.x / view.k));
  const r0 = Math.max(0, Math.floor(-view.y / view.k));
  const c1 = Math.min(layout.cols, Math.ceil((width - view.x) / view.k));
  const r1 = Math.min(layout.rows, Math.ceil((height - view.y) / view.k));
  return { c0, c1, r0, r1 };
}
