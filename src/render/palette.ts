/**
 * Colours and glyphs of the frame roles (core/roles.ts) and of the overlays. The fills start from
 * the Okabe–Ito and Paul Tol palettes, which stay apart under the common colour-vision
 * deficiencies; every role also has a short glyph drawn in the cell, so no fact depends on colour
 * alone.
 */
import { ROLE_COUNT } from '../core';
import { COLOURS, themeColours } from './tokens';
import type { Theme } from './tokens';

export interface RoleStyle {
  fill: string;
  /** Text colour that reads on `fill` (black or white, by luminance). */
  ink: string;
  glyph: string;
}

const ROLE_FILL_GLYPH: readonly [string, string][] = [
  ['#b9b9b9', 'X'], // hole
  ['#f3f2ee', ''], // free
  ['#e69f00', 'S'], // saveable
  ['#f7cf86', 'C'], // reclaimable
  ['#0072b2', 'K'], // kernel image
  ['#111111', 'N'], // nosave
  ['#7a7a7a', 'R'], // reserved
  ['#cc79a7', 'B'], // boot-kernel page
  ['#a9d8f5', 'bc'], // bitmap chain
  ['#56b4e9', 'bm'], // bitmap data
  ['#f0e442', 'bf'], // buffer
  ['#009e73', 'c'], // copy destination
  ['#9fd8c0', 'sp'], // safe page
  ['#cdeee0', 'sh'], // safe highmem page
  ['#d55e00', 'u'], // unsafe, owned
  ['#332288', 'pc'], // PBE chain
  ['#b7bde6', 'sv'], // sp_list reserve
  ['#fff5a8', 'bo'], // bounce page
  ['#117733', 'p'], // PBE copy
  ['#44aa99', 'L'], // loaded in place
  ['#aa4499', 'hs'], // save_highmem copy
  ['#882255', 'sl'], // slab page
  ['#661100', 'pd'], // pagedir page
  ['#ddaa33', '✓'], // restored
  ['#fdfdfd', '0'], // zero page
  ['#d9d2c3', 'O'], // offline
  ['#2b7fb8', 'bn'], // bitmap inner node
  ['#5a3d8a', 'ar'], // restore page table / code
];

function luminance(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
}

/** Black or white, whichever contrasts more with `hex`. */
export function inkFor(hex: string): string {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

export const ROLE_STYLES: readonly RoleStyle[] = ROLE_FILL_GLYPH.map(([fill, glyph]) => ({
  fill,
  ink: inkFor(fill),
  glyph,
}));

if (ROLE_STYLES.length !== ROLE_COUNT) throw new Error('palette: one style per role expected');

/** Style of a role id; unknown ids draw as holes. */
export function roleStyle(role: number): RoleStyle {
  return ROLE_STYLES[role] ?? ROLE_STYLES[0];
}

/** `#rrggbb` → a little-endian ABGR word, as a Uint32Array view of ImageData expects. */
export function rgbaWord(hex: string, alpha = 255): number {
  const v = parseInt(hex.slice(1), 16);
  const r = (v >> 16) & 255;
  const g = (v >> 8) & 255;
  const b = v & 255;
  return ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Role id → pixel word, for the canvas painter. */
export const ROLE_WORDS: Uint32Array = Uint32Array.from(ROLE_STYLES, (s) => rgbaWord(s.fill));

/** Outline of the frames the current step touched, drawn twice (dark under light) to read on any fill. */
export const HIGHLIGHT_DARK = '#000000';
export const HIGHLIGHT_LIGHT = '#ffffff';
/** Zone background and labels (light theme; `gridColours` gives either theme's). */
export const ZONE_BG = COLOURS.zoneLow;
export const ZONE_LABEL = COLOURS.zoneLabel;
export const SELECTED = COLOURS.focus;

/** What the canvas grid paints around the frames, in one theme (the SVG grid's CSS says the same). */
export interface GridColours {
  zoneLow: string;
  zoneHigh: string;
  zoneLabel: string;
  /** The chip behind a zone label drawn over the frames. */
  zoneChip: string;
  /** The leader line from a zone to its label. */
  leader: string;
  /** The page ground faded roles lean towards when an overlay is on. */
  ground: string;
  /** The inspected frame's ring. */
  selected: string;
}

export function gridColours(theme: Theme = 'light'): GridColours {
  const c = themeColours(theme);
  return {
    zoneLow: c.zoneLow,
    zoneHigh: c.zoneHigh,
    zoneLabel: c.zoneLabel,
    zoneChip: c.zoneChip,
    leader: c.gutter,
    ground: c.panel,
    selected: c.focus,
  };
}
