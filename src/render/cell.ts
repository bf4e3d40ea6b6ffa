/**
 * The geometry of one cell, the same in both renderers: a grid unit holds a cell and a gap, the
 * markers and the role's glyph are laid out in the cell by fractions of its side. The SVG grid
 * works in grid units (a unit is 10), the canvas in screen pixels (a unit is the zoom's `k`).
 */
import type { Marker, MarkerSlot } from './overlays';

/** The gap between cells, as a fraction of the unit (white lines on the canvas, gaps in SVG). */
export const GAP_FRACTION = 0.06;

/** The side of the cell drawn in a unit of `unit` (grid units or pixels). */
export function cellSide(unit: number): number {
  return unit * (1 - GAP_FRACTION);
}

/** Where the cell starts in its unit: centred in the unit, half the gap on each side. */
export function cellInset(unit: number): number {
  return (unit * GAP_FRACTION) / 2;
}

/** A marker's box in a cell of side `s` (cell units or screen pixels), and its text's size. */
export interface MarkerBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Font size of the marker's text, in the same units. */
  font: number;
}

/** Text in a cell: the role's glyph, and the band's and the badge's as large (12 px at 1280×720). */
const TEXT = 0.475;
const BAND = 0.49;
const BAR = 0.15;

/** Where marker `slot` sits in a cell of side `s`, given whether the cell has a band on top. */
export function markerBox(slot: MarkerSlot, s: number, hasTop: boolean): MarkerBox {
  const font = TEXT * s;
  const b = BAND * s;
  switch (slot) {
    case 'left':
      return { x: 0, y: 0, w: BAR * s, h: s, font };
    case 'right':
      return { x: s - BAR * s, y: 0, w: BAR * s, h: s, font };
    case 'bottom':
      return { x: 0, y: s - BAR * s, w: s, h: BAR * s, font };
    case 'top':
      return { x: 0, y: 0, w: s, h: b, font };
    case 'badge':
      return { x: 0, y: hasTop ? s - b : (s - b) / 2, w: b, h: b, font };
    default:
      return { x: 0, y: 0, w: s, h: s, font };
  }
}

/** The centre of the role's glyph in a cell of side `s`: out of the way of the band and badge. */
export function glyphCentre(markers: readonly Marker[], s: number): [number, number] {
  const top = markers.some((m) => m.slot === 'top');
  const badge = markers.some((m) => m.slot === 'badge');
  const x = badge ? s * (BAND + (1 - BAND) / 2) : s / 2;
  const y = top ? s * (BAND + (1 - BAND) / 2) : s / 2;
  return [x, y];
}

/** The font size of the role's glyph in a cell of side `s`. */
export function glyphFont(s: number): number {
  return TEXT * s;
}
