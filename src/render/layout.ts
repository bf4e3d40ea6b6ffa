/**
 * Where each page frame sits in the grid. Coordinate spaces:
 * - `pfn`: the page frame number (0 … frames-1);
 * - grid space: columns and rows of cells, one cell per frame, zones stacked top to bottom, each
 *   zone preceded by a label band of `gapRows` rows;
 * - screen space: CSS pixels of the drawing, grid space × cell size (SVG) or the zoom transform
 *   (canvas).
 * Frames of a zone run left to right, top to bottom, starting at column 0 of the zone's first row,
 * so a frame never moves between steps.
 */
export interface ZoneLike {
  name: string;
  start: number;
  /** Exclusive. */
  end: number;
  highmem: boolean;
}

export interface ZoneBlock extends ZoneLike {
  /** Grid row of the label band. */
  labelRow: number;
  /** Grid row of the zone's first frame. */
  rowStart: number;
  rows: number;
}

export interface GridLayout {
  frames: number;
  cols: number;
  /** Total rows, label bands included. */
  rows: number;
  gapRows: number;
  zones: ZoneBlock[];
}

export interface Cell {
  col: number;
  row: number;
}

/** Columns for `frames` frames: a power of two, about twice as wide as tall (SVG) or square (canvas). */
export function chooseColumns(frames: number, aspect: number): number {
  const ideal = Math.sqrt(Math.max(1, frames) * aspect);
  return Math.max(8, 2 ** Math.round(Math.log2(ideal)));
}

export function computeLayout(
  zones: readonly ZoneLike[],
  frames: number,
  cols: number,
  gapRows: number,
): GridLayout {
  const list: ZoneLike[] =
    zones.length > 0 ? [...zones] : [{ name: 'memory', start: 0, end: frames, highmem: false }];
  const blocks: ZoneBlock[] = [];
  let cursor = 0;
  for (const z of list) {
    const rows = Math.max(1, Math.ceil((z.end - z.start) / cols));
    blocks.push({ ...z, labelRow: cursor, rowStart: cursor + gapRows, rows });
    cursor += gapRows + rows;
  }
  return { frames, cols, rows: cursor, gapRows, zones: blocks };
}

/** Index of the zone holding `pfn`, or -1. */
export function zoneOf(layout: GridLayout, pfn: number): number {
  const zs = layout.zones;
  for (let i = 0; i < zs.length; i++) if (pfn >= zs[i].start && pfn < zs[i].end) return i;
  return -1;
}

export function pfnCell(layout: GridLayout, pfn: number): Cell | null {
  const zi = zoneOf(layout, pfn);
  if (zi < 0) return null;
  const z = layout.zones[zi];
  const j = pfn - z.start;
  return { col: j % layout.cols, row: z.rowStart + Math.floor(j / layout.cols) };
}

/** The frame at grid cell (col, row), or -1 for a label band, a gap or outside the grid. */
export function cellPfn(layout: GridLayout, col: number, row: number): number {
  if (col < 0 || col >= layout.cols || !Number.isInteger(col) || !Number.isInteger(row)) return -1;
  for (const z of layout.zones) {
    if (row < z.rowStart || row >= z.rowStart + z.rows) continue;
    const pfn = z.start + (row - z.rowStart) * layout.cols + col;
    return pfn < z.end ? pfn : -1;
  }
  return -1;
}
