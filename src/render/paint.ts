/**
 * Pure pixel painting for the canvas renderer: one 32-bit RGBA word per frame, laid out in grid
 * space (layout.ts), so the whole machine is a `cols × rows` image. No canvas here, so it runs and
 * is tested in Node.
 */
import type { GridLayout } from './layout';
import { overviewColour } from './overlays';
import type { OverlaySet } from './overlays';
import { rgbaWord } from './palette';
import { DARK } from './tokens';
import type { Theme } from './tokens';

export interface FrameColumns {
  role: Uint8Array;
  flags: Uint8Array;
  match: Uint8Array;
}

/**
 * Overlay colour per (match, flags) pair: index `match * 256 + flags`; 0 = not marked. On the dark
 * theme's ground the black mark (orig_bm) is drawn in the theme's ink, so it still stands out.
 */
export function buildOverlayLut(
  overlays: OverlaySet,
  bootSide: boolean,
  theme: Theme = 'light',
): Uint32Array {
  const lut = new Uint32Array(3 * 256);
  if (overlays.size === 0) return lut;
  for (let m = 0; m < 3; m++)
    for (let f = 0; f < 256; f++) {
      const c = overviewColour(f, m, overlays, bootSide);
      if (c) lut[m * 256 + f] = rgbaWord(theme === 'dark' && c === '#000000' ? DARK.ink : c);
    }
  return lut;
}

/**
 * The role words blended towards `ground` (white unless given) by `amount` (0 … 1), for frames an
 * overlay leaves unmarked: they recede into the page's ground in either theme.
 */
export function fadeWords(words: Uint32Array, amount: number, ground = '#ffffff'): Uint32Array {
  const g = parseInt(ground.slice(1), 16);
  const target = (shift: number): number => {
    // Words are ABGR (little-endian RGBA bytes): red at bit 0, blue at bit 16.
    if (shift === 0) return (g >> 16) & 255;
    if (shift === 8) return (g >> 8) & 255;
    return g & 255;
  };
  return words.map((w) => {
    const ch = (shift: number): number => {
      const c = (w >>> shift) & 255;
      return Math.round(c + (target(shift) - c) * amount) << shift;
    };
    return ((255 << 24) | ch(16) | ch(8) | ch(0)) >>> 0;
  });
}

/**
 * Fills `pix` (length cols × rows) with one word per frame. With an overlay table, a marked frame
 * takes its overlay colour and an unmarked one `roleWords` (pass faded words for contrast).
 * Cells outside every zone are left as they are (transparent when `pix` starts zeroed).
 */
export function paintFrames(
  pix: Uint32Array,
  layout: GridLayout,
  frames: FrameColumns,
  roleWords: Uint32Array,
  overlayLut: Uint32Array | null,
): void {
  const { role, flags, match } = frames;
  for (const z of layout.zones) {
    const base = z.rowStart * layout.cols - z.start;
    const end = Math.min(z.end, role.length);
    if (overlayLut) {
      for (let p = z.start; p < end; p++) {
        const o = overlayLut[(match[p] << 8) | flags[p]];
        pix[base + p] = o !== 0 ? o : roleWords[role[p]];
      }
    } else {
      for (let p = z.start; p < end; p++) pix[base + p] = roleWords[role[p]];
    }
  }
}

/** Count of frames per role, for the legend. */
export function countRoles(role: Uint8Array, roleCount: number): Uint32Array {
  const counts = new Uint32Array(roleCount);
  for (let i = 0; i < role.length; i++) counts[role[i]]++;
  return counts;
}
