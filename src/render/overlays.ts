/**
 * The overlays the grid can draw on top of the role colours: the bits of the three memory
 * bitmaps, the NS / NSF page flags, "unsafe" (PageNosaveFree on the boot kernel's side) and whether
 * a saved pfn holds its snapshot-time content. Pure: both renderers ask these functions what to
 * draw, so SVG and canvas show the same thing.
 */
import { Marks } from '../core';
import { COLOURS } from './tokens';

export type OverlayKey = 'orig' | 'copy' | 'safeHigh' | 'marks' | 'safety' | 'match';

export interface OverlayDef {
  key: OverlayKey;
  label: string;
  /** One sentence for the tooltip of the toggle. */
  hint: string;
  colour: string;
}

export const OVERLAYS: readonly OverlayDef[] = [
  {
    key: 'orig',
    label: 'orig_bm',
    hint: 'Bit set in orig_bm: the pfn is saved in the image (a bar on the left edge).',
    colour: '#000000',
  },
  {
    key: 'copy',
    label: 'copy_bm',
    hint: 'Bit set in copy_bm: the frame holds (or will hold) a copy (a bar on the right edge).',
    colour: '#0057a8',
  },
  {
    key: 'safeHigh',
    label: 'safe_highmem_bm',
    hint: 'Bit set in safe_highmem_bm: a safe highmem page for image data (a bar on the bottom edge).',
    colour: '#007a5a',
  },
  {
    key: 'marks',
    label: 'NS / NSF',
    hint: 'PageNosave (NS) and PageNosaveFree (NSF) page flags, written across the top of the frame.',
    colour: '#5b2a86',
  },
  {
    key: 'safety',
    label: 'unsafe',
    hint: 'On resume, NSF marks an unsafe frame: the image wants it back. Hatched in red.',
    colour: COLOURS.bad,
  },
  {
    key: 'match',
    label: 'matches snapshot',
    hint: 'A saved pfn whose frame holds its snapshot-time content (✓) or other content (✗).',
    colour: COLOURS.ok,
  },
];

export type OverlaySet = ReadonlySet<OverlayKey>;

/**
 * Where a marker sits in its cell: the three bitmaps as bars on the left, right and bottom edges,
 * the page flags as a band across the top, the snapshot match as a badge on the left, "unsafe"
 * as a hatch over the whole cell. The bars carry no text, so the texts (band, badge and the role's
 * glyph) can be as large as the cell's own glyph.
 */
export type MarkerSlot = 'left' | 'right' | 'bottom' | 'badge' | 'top' | 'hatch';

export interface Marker {
  slot: MarkerSlot;
  text: string;
  colour: string;
}

const MISMATCH = COLOURS.bad;

function def(key: OverlayKey): OverlayDef {
  return OVERLAYS.find((o) => o.key === key) ?? OVERLAYS[0];
}

/** `flags` as the names of the set marks, for tooltips and the inspector. */
export function markNames(flags: number): string[] {
  const out: string[] = [];
  if (flags & Marks.NS) out.push('NS');
  if (flags & Marks.NSF) out.push('NSF');
  if (flags & Marks.BM_ORIG) out.push('orig_bm');
  if (flags & Marks.BM_COPY) out.push('copy_bm');
  if (flags & Marks.BM_SAFE_HIGH) out.push('safe_highmem_bm');
  if (flags & Marks.IMAGE_PFN) out.push('image pfn');
  if (flags & Marks.IN_PAGEDIR) out.push('in pagedir');
  return out;
}

/** True when the frame counts as unsafe: NSF while the boot kernel runs. */
export function isUnsafe(flags: number, bootSide: boolean): boolean {
  return bootSide && (flags & Marks.NSF) !== 0;
}

/** The markers one frame shows for the active overlays, in drawing order. */
export function markersFor(
  flags: number,
  match: number,
  overlays: OverlaySet,
  bootSide: boolean,
): Marker[] {
  const out: Marker[] = [];
  if (overlays.has('safety') && isUnsafe(flags, bootSide))
    out.push({ slot: 'hatch', text: '', colour: def('safety').colour });
  if (overlays.has('orig') && flags & Marks.BM_ORIG)
    out.push({ slot: 'left', text: '', colour: def('orig').colour });
  if (overlays.has('copy') && flags & Marks.BM_COPY)
    out.push({ slot: 'right', text: '', colour: def('copy').colour });
  if (overlays.has('safeHigh') && flags & Marks.BM_SAFE_HIGH)
    out.push({ slot: 'bottom', text: '', colour: def('safeHigh').colour });
  if (overlays.has('match') && match !== 0)
    out.push({
      slot: 'badge',
      text: match === 1 ? '✓' : '✗',
      colour: match === 1 ? def('match').colour : MISMATCH,
    });
  if (overlays.has('marks')) {
    const ns = (flags & Marks.NS) !== 0;
    const nsf = (flags & Marks.NSF) !== 0;
    if (ns || nsf)
      out.push({
        slot: 'top',
        text: ns && nsf ? 'NS·F' : ns ? 'NS' : 'NSF',
        colour: def('marks').colour,
      });
  }
  return out;
}

/**
 * The one colour a frame takes in the whole-machine view, where a frame is a pixel: the first
 * marker's colour, or null when no active overlay marks it.
 */
export function overviewColour(
  flags: number,
  match: number,
  overlays: OverlaySet,
  bootSide: boolean,
): string | null {
  if (overlays.size === 0) return null;
  const m = markersFor(flags, match, overlays, bootSide);
  return m.length > 0 ? m[0].colour : null;
}
