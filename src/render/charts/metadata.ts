/**
 * The metadata-cost chart: bytes of suspend-side index as the image grows. 2.6.17's PBE list costs
 * 12 bytes per image page; 2.6.20's two bitmaps cost 2 bits per page frame of RAM (plus their block
 * objects) whatever the image size, so each machine's bitmap line is flat and crosses the PBE line
 * at its break-even (about 2% of the frames). Data from the core's `metadataSweep` and `breakEven`.
 */
import { breakEven, metadataSweep } from '../../core';
import type { MetadataPoint } from '../../core';
import { createLineChart } from './lineChart';
import type { ChartHandle, ChartRule, ChartSeries, LineChartSpec } from './lineChart';
import { MODEL_COLOURS, SECOND_DASH, LEGACY_DASH } from './palette';
import { formatCount } from '../units';
import { formatKiB, formatMiB, formatPercent, pagesToMiB } from './format';

export interface MetadataMachine {
  /** "i386 1 GiB" */
  label: string;
  zonePages: readonly number[];
}

export interface MetadataLine {
  label: string;
  frames: number;
  /** The sweep (PBE and bitmap bytes at each image size). */
  points: MetadataPoint[];
  bitmapBytes: number;
  bitmapPages: number;
  /** Image pages from which the PBE list costs more bytes than the two bitmaps. */
  breakEven: number;
  /** breakEven as a fraction of the machine's frames. */
  breakEvenFraction: number;
}

export interface MetadataData {
  maxImagePages: number;
  machines: MetadataLine[];
}

export function metadataData(
  machines: readonly MetadataMachine[],
  maxImagePages: number,
  samples = 64,
): MetadataData {
  return {
    maxImagePages,
    machines: machines.map((m) => {
      const points = metadataSweep(m.zonePages, maxImagePages, samples);
      const frames = m.zonePages.reduce((a, b) => a + b, 0);
      const be = breakEven(m.zonePages);
      return {
        label: m.label,
        frames,
        points,
        bitmapBytes: points[0].bitmapBytes,
        bitmapPages: points[0].bitmapPages,
        breakEven: be,
        breakEvenFraction: be / frames,
      };
    }),
  };
}

const kib = (bytes: number) => bytes / 1024;

export function metadataSpec(d: MetadataData, describedBy?: string): LineChartSpec {
  const first = d.machines[0];
  const series: ChartSeries[] = [
    {
      id: 'pbe',
      label: 'PBE list (2.6.17)',
      colour: MODEL_COLOURS['linux-2.6.17'],
      dash: LEGACY_DASH,
      points: (first?.points ?? []).map((p) => ({
        x: pagesToMiB(p.imagePages),
        y: kib(p.pbeBytes),
      })),
    },
    ...d.machines.map((m, i) => ({
      id: `bitmaps-${i}`,
      label: `bitmaps, ${m.label.replace(/^i386 /, '')}`,
      colour: MODEL_COLOURS['linux-2.6.20'],
      dash: i === 0 ? undefined : SECOND_DASH,
      points: m.points.map((p) => ({ x: pagesToMiB(p.imagePages), y: kib(p.bitmapBytes) })),
    })),
  ];
  const rules: ChartRule[] = d.machines.map((m) => ({
    axis: 'x',
    value: pagesToMiB(m.breakEven),
    label: `break-even, ${m.label.replace(/^i386 /, '')}: ${formatCount(m.breakEven)} pages = ${formatMiB(pagesToMiB(m.breakEven))} (${formatPercent(m.breakEvenFraction)})`,
  }));
  const yMax = Math.max(...series.flatMap((s) => s.points.map((p) => p.y))) * 1.05;
  return {
    ariaLabel: 'Metadata cost',
    describedBy,
    x: {
      label: 'Image size (MiB)',
      max: pagesToMiB(d.maxImagePages),
      format: (v) => formatMiB(v, 0, false),
    },
    y: {
      label: 'Suspend-side index (KiB)',
      max: yMax,
      format: (v) => formatKiB(v, 0, false),
    },
    series,
    rules,
  };
}

export function createMetadataChart(
  host: HTMLElement,
  data: MetadataData,
  describedBy?: string,
): ChartHandle {
  return createLineChart(host, metadataSpec(data, describedBy));
}
