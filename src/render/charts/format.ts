/** Numbers with units for the charts and their captions (4 KiB pages, binary units). */
import { PAGE_SIZE } from '../../core';

const MIB = 1024 * 1024;

export function pagesToMiB(pages: number): number {
  return (pages * PAGE_SIZE) / MIB;
}

/** 445.08 → "445.1 MiB" (digits after the point; `unit` false → "445.1"), en-GB grouping. */
export function formatMiB(mib: number, digits = 1, unit = true): string {
  const text = mib.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit ? `${text} MiB` : text;
}

/** 65.5 → "65.5 KiB"; 1536 → "1,536". */
export function formatKiB(kib: number, digits = 0, unit = true): string {
  const text = kib.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit ? `${text} KiB` : text;
}

/** 0.02099 → "2.1%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })}%`;
}
