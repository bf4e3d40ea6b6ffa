/** What both grid renderers draw and report: the one behaviour behind two drawing techniques. */
import type { Arrow } from './arrows';
import type { GridLayout, ZoneBlock } from './layout';
import type { OverlaySet } from './overlays';
import type { FrameColumns } from './paint';
import type { Theme } from './tokens';
import { formatCount, pagesToBytes } from './units';

export interface GridData {
  layout: GridLayout;
  frames: FrameColumns;
  /** Bumped whenever `frames` changed in place. */
  version: number;
  overlays: OverlaySet;
  /** True while the boot kernel runs: NSF then means "unsafe". */
  bootSide: boolean;
  /** Frames the current step touched (-1 entries are ignored). */
  touched: readonly number[];
  arrows: readonly Arrow[];
  /** The inspected frame. */
  selected: number | null;
  /** The page's theme: the canvas paints the zones and labels in its colours (default light). */
  theme?: Theme;
}

export interface HoverInfo {
  pfn: number;
  /** Client (viewport) coordinates of the pointer or the focused cell. */
  x: number;
  y: number;
}

export interface GridCallbacks {
  onSelect: (pfn: number) => void;
  onHover: (hover: HoverInfo | null) => void;
  /** Keyboard focus leaves the grid with Escape. */
  onEscape?: () => void;
}

export interface GridRenderer {
  update(data: GridData): void;
  /** Bring `pfn` into view, large enough to read (canvas: zoom in on it). */
  zoomToPfn(pfn: number): void;
  zoomBy(factor: number): void;
  /** Show the whole machine. */
  fit(): void;
  destroy(): void;
}

export interface ZoneLabelParts {
  name: string;
  kind: 'lowmem' | 'highmem';
  /** "pfn 0–47" */
  range: string;
  /** "192 KiB" */
  size: string;
}

export function zoneLabelParts(z: ZoneBlock): ZoneLabelParts {
  return {
    name: z.name,
    kind: z.highmem ? 'highmem' : 'lowmem',
    range: `pfn ${formatCount(z.start)}–${formatCount(z.end - 1)}`,
    size: pagesToBytes(z.end - z.start),
  };
}

/** "Normal · lowmem · pfn 0–47 · 192 KiB" */
export function zoneLabel(z: ZoneBlock): string {
  const p = zoneLabelParts(z);
  return `${p.name} · ${p.kind} · ${p.range} · ${p.size}`;
}

/**
 * Reports a grid draw as a User Timing measure for `npm run bench:browser` (read with a
 * PerformanceObserver; the page keeps no entries).
 */
export function measureDraw(name: string, start: number, frames: number, end?: number): void {
  if (typeof performance.measure !== 'function') return;
  try {
    performance.measure(name, { start, end: end ?? performance.now(), detail: { frames } });
    // Observers have the entry already; keep the timeline buffer from growing during long plays.
    performance.clearMeasures(name);
  } catch {
    // Old engines without the options form: timing is optional.
  }
}
