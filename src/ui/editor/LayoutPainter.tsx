import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { LETTER_ROLE } from '../../core/roles';
import type { ZoneSpec } from '../../core';
import { roleStyle } from '../../render';
import { formatCount } from '../../render/units';

/** Painting frame by frame stops being useful (and drawable as cells) beyond this many frames. */
export const PAINT_MAX = 65_536;
const WIDTH = 560;
const TARGET_HEIGHT = 300;
const LABEL = 16;

export interface PainterGeometry {
  cell: number;
  cols: number;
  /** Top of each zone's first row of cells. */
  tops: number[];
  height: number;
}

export function painterGeometry(zones: readonly ZoneSpec[]): PainterGeometry {
  const frames = zones.reduce((s, z) => s + z.pages, 0);
  const cell = Math.max(3, Math.min(24, Math.floor(Math.sqrt((WIDTH * TARGET_HEIGHT) / frames))));
  const cols = Math.floor(WIDTH / cell);
  const tops: number[] = [];
  let y = 0;
  for (const z of zones) {
    tops.push(y + LABEL);
    y += LABEL + Math.ceil(z.pages / cols) * cell + 4;
  }
  return { cell, cols, tops, height: y };
}

/** The pfn under a point of the canvas, or null. */
export function pfnAt(
  zones: readonly ZoneSpec[],
  g: PainterGeometry,
  x: number,
  y: number,
): number | null {
  let start = 0;
  for (let i = 0; i < zones.length; i++) {
    const top = g.tops[i];
    const rows = Math.ceil(zones[i].pages / g.cols);
    if (y >= top && y < top + rows * g.cell && x >= 0 && x < g.cols * g.cell) {
      const k = Math.floor((y - top) / g.cell) * g.cols + Math.floor(x / g.cell);
      return k < zones[i].pages ? start + k : null;
    }
    start += zones[i].pages;
  }
  return null;
}

interface Props {
  label: string;
  zones: readonly ZoneSpec[];
  /** One letter code per frame, or null while the layout text is invalid. */
  letters: Uint8Array | null;
  /** Paints `pfns` with the brush; `stroke` groups the calls of one drag into one undo step. */
  onPaint: (pfns: number[], stroke: number) => void;
}

let strokes = 0;

/**
 * A layout drawn as a grid of frames, one block per zone, painted with the brush by clicking or
 * dragging (or with the arrow keys and Space). Cells show the letter's colour and, when big
 * enough, the letter.
 */
export function LayoutPainter({ label, zones, letters, onPaint }: Props) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const g = useMemo(() => painterGeometry(zones), [zones]);
  const frames = zones.reduce((s, z) => s + z.pages, 0);
  const [cursor, setCursor] = useState(0);
  const stroke = useRef<{ id: number; last: number | null } | null>(null);
  const tooBig = frames > PAINT_MAX;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || tooBig) return;
    const dpr = globalThis.devicePixelRatio || 1;
    c.width = WIDTH * dpr;
    c.height = g.height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, g.height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    let start = 0;
    zones.forEach((z, i) => {
      ctx.fillStyle = '#444';
      ctx.fillText(
        `${z.name} · pfn ${formatCount(start)}–${formatCount(start + z.pages - 1)}`,
        0,
        g.tops[i] - LABEL / 2,
      );
      for (let k = 0; k < z.pages; k++) {
        const x = (k % g.cols) * g.cell;
        const y = g.tops[i] + Math.floor(k / g.cols) * g.cell;
        const code = letters ? letters[start + k] : 0;
        const letter = String.fromCharCode(code);
        const style = roleStyle(LETTER_ROLE[letter] ?? 0);
        ctx.fillStyle = letters ? style.fill : '#eeeeee';
        ctx.fillRect(x, y, g.cell - (g.cell > 4 ? 1 : 0), g.cell - (g.cell > 4 ? 1 : 0));
        if (letters && g.cell >= 12) {
          ctx.fillStyle = style.ink;
          ctx.textAlign = 'center';
          ctx.fillText(letter, x + g.cell / 2, y + g.cell / 2);
          ctx.textAlign = 'left';
        }
      }
      start += z.pages;
    });
    // The keyboard cursor.
    let s = 0;
    for (let i = 0; i < zones.length; i++) {
      if (cursor < s + zones[i].pages) {
        const k = cursor - s;
        ctx.strokeStyle = '#000';
        ctx.lineWidth = 2;
        ctx.strokeRect(
          (k % g.cols) * g.cell + 1,
          g.tops[i] + Math.floor(k / g.cols) * g.cell + 1,
          g.cell - 2,
          g.cell - 2,
        );
        break;
      }
      s += zones[i].pages;
    }
  }, [zones, letters, g, cursor, tooBig]);

  if (tooBig)
    return (
      <p className="editor-note">
        {formatCount(frames)} frames are too many to paint one by one (up to{' '}
        {formatCount(PAINT_MAX)}); type the runs or use the random machine.
      </p>
    );

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return pfnAt(zones, g, e.clientX - r.left, e.clientY - r.top);
  };
  const paintTo = (pfn: number) => {
    const s = stroke.current;
    if (!s) return;
    // Fill the gap between two pointer events so a fast drag leaves no holes.
    const from = s.last ?? pfn;
    const lo = Math.min(from, pfn);
    const hi = Math.max(from, pfn);
    const cells: number[] = [];
    if (hi - lo <= g.cols) for (let p = lo; p <= hi; p++) cells.push(p);
    else cells.push(pfn);
    s.last = pfn;
    setCursor(pfn);
    onPaint(cells, s.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -g.cols,
      ArrowDown: g.cols,
    };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      setCursor((c) => Math.max(0, Math.min(frames - 1, c + moves[e.key])));
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      strokes += 1;
      onPaint([cursor], strokes);
    }
  };

  return (
    <canvas
      ref={canvas}
      className="editor-painter"
      style={{ width: WIDTH, height: g.height }}
      tabIndex={0}
      role="img"
      aria-label={`${label}: click or drag to paint frames with the brush; arrow keys move, Space paints (frame ${cursor})`}
      onPointerDown={(e) => {
        if (!letters) return;
        const pfn = at(e);
        if (pfn === null) return;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        strokes += 1;
        stroke.current = { id: strokes, last: null };
        paintTo(pfn);
      }}
      onPointerMove={(e) => {
        if (!stroke.current) return;
        const pfn = at(e);
        if (pfn !== null && pfn !== stroke.current.last) paintTo(pfn);
      }}
      onPointerUp={() => {
        stroke.current = null;
      }}
      onPointerCancel={() => {
        stroke.current = null;
      }}
      onKeyDown={onKeyDown}
    />
  );
}
