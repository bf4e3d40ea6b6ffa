/** Numbers with units, as the page shows them. Pages are 4 KiB (i386). */
import { PAGE_SIZE } from '../core';

const nf = new Intl.NumberFormat('en-GB');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return nf.format(n);
}

/** A byte count in the largest binary unit that keeps it ≥ 1 ("48 KiB", "3.5 GiB"). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = Number.isInteger(v) ? nf.format(v) : v.toFixed(v < 10 ? 2 : 1).replace(/\.?0+$/, '');
  return `${text} ${units[u]}`;
}

/** "12 pages (48 KiB)"; "1 page (4 KiB)". */
export function formatPages(pages: number): string {
  return `${formatCount(pages)} ${pages === 1 ? 'page' : 'pages'} (${formatBytes(pages * PAGE_SIZE)})`;
}

/** The size of `pages` frames alone: "192 KiB". */
export function pagesToBytes(pages: number): string {
  return formatBytes(pages * PAGE_SIZE);
}

/** A content word as the inspector shows it: 0x0000abcd. */
export function formatWord(w: number): string {
  return `0x${(w >>> 0).toString(16).padStart(8, '0')}`;
}
