/**
 * The random machine: seeded, so the same sliders and seed give the same layout. It writes an
 * explicit layout (the editor shows and keeps the text), shaped like a real one: the nosave
 * section and the kernel image low in Normal, a reserved page at the start of HighMem, and the
 * rest in clumps of free, saveable and reclaimable pages in the proportions asked for. The
 * resume side keeps K, N, X and R where they are and puts the boot kernel's pages in clumps.
 */
import { mulberry32 } from '../../core/rng';
import type { ZoneSpec } from '../../core';
import { encodeRuns, totalPages } from './draft';

/** Shares in percent (they need not add up to 100: they are weights). */
export interface Mix {
  free: number;
  saveable: number;
  reclaimable: number;
  kernel: number;
  /** Resume side: how much of the non-fixed memory the boot kernel uses. */
  boot: number;
}

export const DEFAULT_MIX: Mix = { free: 50, saveable: 30, reclaimable: 10, kernel: 10, boot: 10 };

const F = 70;
const S = 83;
const C = 67;
const K = 75;
const N = 78;
const R = 82;
const B = 66;

export function generateLayouts(
  zones: readonly ZoneSpec[],
  mix: Mix,
  seed: number,
): { suspend: string; resume: string } {
  const rand = mulberry32(seed);
  const total = totalPages(zones);
  const sus = new Uint8Array(total).fill(F);
  const weights = Math.max(1e-9, mix.free + mix.saveable + mix.reclaimable + mix.kernel);
  const lowmem = zones.filter((z) => !z.highmem).reduce((s, z) => s + z.pages, 0);
  let start = 0;
  for (const z of zones) {
    let pfn = start;
    const end = start + z.pages;
    if (z.name === 'Normal') {
      // The kernel image: one block low in Normal, its share of all lowmem, after 2 nosave pages.
      const nosave = z.pages >= 8 ? 2 : 0;
      sus.fill(N, pfn, pfn + nosave);
      pfn += nosave;
      const kernel = Math.min(end - pfn - 1, Math.round((lowmem * mix.kernel) / weights));
      if (kernel > 0) sus.fill(K, pfn, pfn + kernel);
      pfn += Math.max(0, kernel);
    } else if (z.highmem && z.pages > 1) {
      sus[pfn++] = R;
    }
    fillClumps(sus, pfn, end, rand, [
      [F, mix.free],
      [S, mix.saveable],
      [C, mix.reclaimable],
    ]);
    start = end;
  }
  const res = new Uint8Array(total).fill(F);
  for (let i = 0; i < total; i++) if ([K, N, R].includes(sus[i])) res[i] = sus[i];
  start = 0;
  for (const z of zones) {
    const end = start + z.pages;
    const boot = new Uint8Array(total).fill(F);
    fillClumps(boot, start, end, rand, [
      [F, 100 - mix.boot],
      [B, mix.boot],
    ]);
    for (let i = start; i < end; i++) if (res[i] === F) res[i] = boot[i];
    start = end;
  }
  return { suspend: encodeRuns(sus, zones), resume: encodeRuns(res, zones) };
}

/** Fills [from, to) with clumps of the letters, chosen by weight; clumps are short runs. */
function fillClumps(
  out: Uint8Array,
  from: number,
  to: number,
  rand: () => number,
  letters: [number, number][],
): void {
  const live = letters.filter(([, w]) => w > 0);
  if (live.length === 0) return;
  const sum = live.reduce((s, [, w]) => s + w, 0);
  // About 24 clumps per zone whatever its size, so the text stays short on big machines.
  const mean = Math.max(1, Math.round((to - from) / 24));
  let pfn = from;
  while (pfn < to) {
    let pick = rand() * sum;
    let letter = live[live.length - 1][0];
    for (const [l, w] of live) {
      if (pick < w) {
        letter = l;
        break;
      }
      pick -= w;
    }
    const len = Math.min(to - pfn, 1 + Math.floor(rand() * 2 * mean));
    out.fill(letter, pfn, pfn + len);
    pfn += len;
  }
}
