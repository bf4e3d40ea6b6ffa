/**
 * The machines the benchmark runs: three shipped presets and two generated ones of 65,536 and
 * 262,144 frames with the same proportions of in-use, page-cache and free memory, so the rows
 * show how the cost grows with the machine rather than with a different workload.
 */
import { getPreset } from '../src/core';

export interface BenchMachine {
  preset: string;
  doc: unknown;
}

const DMA_SUSPEND = 'S1 F159 X96 K1100 N4 K500 S1200 F1036';
const DMA_RESUME = 'B1 F159 X96 K1100 N4 K500 B800 F1436';
const LOWMEM_PAGES = 229376; // 896 MiB: the i386 lowmem limit

function part(total: number, share: number): number {
  return Math.floor(total * share);
}

/** In use 20%, page cache 15%, free the rest; the boot kernel uses 5%. */
function zoneLayouts(pages: number, kernel: number): { suspend: string; resume: string } {
  const rest = pages - kernel;
  const s = part(rest, 0.2);
  const c = part(rest, 0.15);
  const b = part(rest, 0.05);
  const k = kernel > 0 ? `K${kernel} ` : '';
  return {
    suspend: `${k}S${s} C${c} F${rest - s - c}`,
    resume: `${k}B${b} F${rest - b}`,
  };
}

/** An i386 machine of `frames` page frames (DMA, Normal up to 896 MiB, HighMem above). */
export function generatedMachine(frames: number): BenchMachine {
  const normal = Math.min(frames, LOWMEM_PAGES) - 4096;
  const high = frames - 4096 - normal;
  const zones: { name: string; pages: number; highmem?: boolean }[] = [
    { name: 'DMA', pages: 4096 },
    { name: 'Normal', pages: normal },
  ];
  const n = zoneLayouts(normal, 2048);
  const suspend = [DMA_SUSPEND, n.suspend];
  const resume = [DMA_RESUME, n.resume];
  if (high > 0) {
    zones.push({ name: 'HighMem', pages: high, highmem: true });
    const h = zoneLayouts(high, 0);
    suspend.push(h.suspend);
    resume.push(h.resume);
  }
  const preset = `generated-${frames}`;
  return {
    preset,
    doc: {
      format: 'swsusp-viz/scenario@1',
      name: preset,
      description: `Benchmark machine of ${frames} frames: 20% in use, 15% page cache.`,
      model: 'linux-2.6.20',
      zones,
      constants: { pagesForIo: 1024, imageSize: null },
      allocator: { policy: 'lowest-first' },
      suspend: suspend.join(' | '),
      resume: resume.join(' | '),
    },
  };
}

export function presetMachine(name: string): BenchMachine {
  const p = getPreset(name);
  if (!p) throw new Error(`unknown preset ${name}`);
  return { preset: name, doc: p.doc };
}

export function benchMachines(): BenchMachine[] {
  return [
    generatedMachine(65536),
    generatedMachine(262144),
    presetMachine('i386-1g'),
    presetMachine('i386-4g'),
    presetMachine('i386-16g-pae'),
  ];
}
