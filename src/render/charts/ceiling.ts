/**
 * The image-ceiling chart: the largest image each kernel can make on an i386 box as the saveable
 * highmem grows (x: saveable highmem, y: largest image, both MiB). The data come from the core's
 * `ceilingAt`; where a line drops to 0 (that kernel cannot suspend at all) the exact highmem where
 * it happens is found by bisection, so the drop is drawn where it is, not between two samples.
 */
import { ceilingAt, PBES_PER_PAGE } from '../../core';
import type { CeilingMachine, CeilingPoint } from '../../core';
import { createLineChart } from './lineChart';
import type { ChartBand, ChartHandle, ChartRule, LineChartSpec } from './lineChart';
import { LEGACY_DASH, MODEL_COLOURS, RULE_COLOUR, TODAY_DASH } from './palette';
import { formatMiB, pagesToMiB } from './format';

export interface CeilingData {
  /** "i386 1 GiB" */
  machine: string;
  points: CeilingPoint[];
  highmemFrames: number;
  /** 2.6.17's largest image with no highmem to save (pages). */
  legacyCeiling: number;
  /** The arithmetic bound (lowmem − nosave − PAGES_FOR_IO) / (2 + 1/341), in pages. */
  legacyBound: number;
  /** Smallest saveable highmem (pages) at which each kernel cannot suspend at all, or null. */
  legacyFailsFrom: number | null;
  modernFailsFrom: number | null;
}

/** Pages of lowmem one image page costs 2.6.17: the page, its copy, and a 12-byte PBE. */
export const LEGACY_LOWMEM_PER_IMAGE_PAGE = 2 + 1 / PBES_PER_PAGE;

/** The ceiling arithmetic of the cover letter, on the machine's own numbers. */
export function legacyBound(m: CeilingMachine): number {
  return Math.floor(
    (m.lowmemFrames - m.nosaveLowmem - m.pagesForIo) / LEGACY_LOWMEM_PER_IMAGE_PAGE,
  );
}

type Key = 'legacy' | 'modern';

/** Smallest h in (lo, hi] where `key` is 0, given it is > 0 at lo and 0 at hi. */
function firstZero(m: CeilingMachine, key: Key, lo: number, hi: number): number {
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ceilingAt(m, mid)[key] > 0) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Sweep + the exact points around every drop to 0. */
export function ceilingData(m: CeilingMachine, machine: string, samples = 128): CeilingData {
  const base: CeilingPoint[] = [];
  for (let i = 0; i <= samples; i++)
    base.push(ceilingAt(m, Math.round((m.highmemFrames * i) / samples)));
  const extra: CeilingPoint[] = [];
  const failsFrom: Record<Key, number | null> = { legacy: null, modern: null };
  for (const key of ['legacy', 'modern'] as const) {
    for (let i = 0; i + 1 < base.length; i++) {
      if (base[i][key] > 0 && base[i + 1][key] === 0) {
        const z = firstZero(m, key, base[i].highmem, base[i + 1].highmem);
        failsFrom[key] ??= z;
        extra.push(ceilingAt(m, z - 1), ceilingAt(m, z));
      }
    }
    if (base[0][key] === 0) failsFrom[key] = 0;
  }
  const seen = new Set<number>();
  const points = [...base, ...extra]
    .sort((a, b) => a.highmem - b.highmem)
    .filter((p) => (seen.has(p.highmem) ? false : (seen.add(p.highmem), true)));
  return {
    machine,
    points,
    highmemFrames: m.highmemFrames,
    legacyCeiling: base[0].legacy,
    legacyBound: legacyBound(m),
    legacyFailsFrom: failsFrom.legacy,
    modernFailsFrom: failsFrom.modern,
  };
}

export function ceilingSpec(d: CeilingData, describedBy?: string): LineChartSpec {
  const xMax = pagesToMiB(d.highmemFrames);
  const yMax =
    Math.max(...d.points.map((p) => pagesToMiB(Math.max(p.modern, p.legacy, p.today)))) * 1.12;
  const ceiling = formatMiB(pagesToMiB(d.legacyCeiling), 0);
  const drops = d.legacyFailsFrom !== null && d.legacyFailsFrom > 0;
  const rules: ChartRule[] = [
    // Where 2.6.17 drops to nothing, the label sits under the line, right of the drop.
    drops
      ? {
          axis: 'y',
          value: pagesToMiB(d.legacyCeiling),
          label: `2.6.17 ceiling ≈ ${ceiling}`,
          colour: MODEL_COLOURS['linux-2.6.17'],
          place: 'below',
          from: pagesToMiB(d.legacyFailsFrom ?? 0),
        }
      : {
          axis: 'y',
          value: pagesToMiB(d.legacyCeiling),
          label: `2.6.17 ceiling ≈ ${ceiling} (about ½ of lowmem)`,
          colour: MODEL_COLOURS['linux-2.6.17'],
        },
  ];
  const bands: ChartBand[] = [];
  if (drops && d.legacyFailsFrom !== null) {
    const end = d.modernFailsFrom ?? d.highmemFrames;
    bands.push({
      x0: pagesToMiB(d.legacyFailsFrom),
      x1: pagesToMiB(end),
      label: '2.6.17 cannot suspend',
    });
    rules.push({
      axis: 'x',
      value: pagesToMiB(d.legacyFailsFrom),
      label: `2.6.17 fails from ${formatMiB(pagesToMiB(d.legacyFailsFrom), 0)} of highmem`,
      colour: MODEL_COLOURS['linux-2.6.17'],
    });
  }
  if (d.modernFailsFrom !== null && d.modernFailsFrom > 0) {
    bands.push({
      x0: pagesToMiB(d.modernFailsFrom),
      x1: xMax,
      label: 'both fail: no room for the copies',
    });
    rules.push({
      axis: 'x',
      value: pagesToMiB(d.modernFailsFrom),
      label: `2.6.20 fails from ${formatMiB(pagesToMiB(d.modernFailsFrom), 0)}`,
      colour: RULE_COLOUR,
    });
  }
  return {
    ariaLabel: `Image ceiling, ${d.machine}`,
    describedBy,
    x: { label: 'Saveable highmem (MiB)', max: xMax, format: (v) => formatMiB(v, 0, false) },
    y: { label: 'Largest image (MiB)', max: yMax, format: (v) => formatMiB(v, 0, false) },
    series: [
      {
        id: 'legacy',
        label: '2.6.17',
        colour: MODEL_COLOURS['linux-2.6.17'],
        dash: LEGACY_DASH,
        points: d.points.map((p) => ({ x: pagesToMiB(p.highmem), y: pagesToMiB(p.legacy) })),
      },
      {
        id: 'modern',
        label: '2.6.20',
        colour: MODEL_COLOURS['linux-2.6.20'],
        points: d.points.map((p) => ({ x: pagesToMiB(p.highmem), y: pagesToMiB(p.modern) })),
      },
      {
        id: 'today',
        label: '6.12',
        colour: MODEL_COLOURS['linux-6.12'],
        dash: TODAY_DASH,
        points: d.points.map((p) => ({ x: pagesToMiB(p.highmem), y: pagesToMiB(p.today) })),
      },
    ],
    rules,
    bands,
  };
}

export function createCeilingChart(
  host: HTMLElement,
  data: CeilingData,
  describedBy?: string,
): ChartHandle {
  return createLineChart(host, ceilingSpec(data, describedBy));
}
