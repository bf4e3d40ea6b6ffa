/** Geometry of the step arrows (source frame → destination frame), shared by both renderers. */
export type ArrowKind = 'copy' | 'bounce' | 'load' | 'swap' | 'restore';

/** A move the step made, from one frame to another. */
export interface Arrow {
  /** For 'load', the pfn whose image page is read, or -1 for the header and meta pages. */
  from: number;
  to: number;
  kind: ArrowKind;
}

export const ARROW_COLOURS: Readonly<Record<ArrowKind, string>> = {
  copy: '#000000',
  bounce: '#5b2a86',
  load: '#0057a8',
  swap: '#c63b00',
  restore: '#007a5a',
};

export const ARROW_LABELS: Readonly<Record<ArrowKind, string>> = {
  copy: 'copy',
  bounce: 'via a bounce buffer',
  load: 'load from the image',
  swap: 'swap',
  restore: 'copy back',
};

export interface Point {
  x: number;
  y: number;
}

/**
 * A quadratic curve from `a` to `b` that bows to the left of the direction of travel, so that an
 * arrow and its reverse (a swap) do not overlap. Returns an SVG path and the control point.
 */
export function arrowCurve(a: Point, b: Point, bow = 0.22): { d: string; c: Point } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const off = Math.max(12, len * bow);
  const c = { x: (a.x + b.x) / 2 + (dy / len) * off, y: (a.y + b.y) / 2 - (dx / len) * off };
  const f = (n: number): string => n.toFixed(1);
  return { d: `M${f(a.x)},${f(a.y)} Q${f(c.x)},${f(c.y)} ${f(b.x)},${f(b.y)}`, c };
}

/** End point pulled back by `by` pixels along the curve's last tangent, so the head sits on the cell. */
export function shorten(c: Point, b: Point, by: number): Point {
  const dx = b.x - c.x;
  const dy = b.y - c.y;
  const len = Math.hypot(dx, dy) || 1;
  const t = Math.min(by, len / 2) / len;
  return { x: b.x - dx * t, y: b.y - dy * t };
}
