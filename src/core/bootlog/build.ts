/**
 * A machine from a boot log: the zones the kernel printed (or inferred from the e820 map or
 * /proc/zoneinfo), the holes between RAM ranges as X, the kernel image where the kernel loads,
 * and a plausible, deterministic mix of in-use, page-cache and free pages. Every guess is said in
 * the notes.
 */
import { MAX_TOTAL_PAGES } from '../constants';
import { mulberry32 } from '../rng';
import { parseScenario } from '../scenario/parse';
import { FORMAT } from '../scenario/schema';
import type { ScenarioDocument, ZoneName } from '../scenario/types';
import { readFacts } from './facts';
import type { BootFacts, KernelZone, PfnRange } from './facts';

export type BootLogResult =
  | {
      ok: true;
      doc: ScenarioDocument;
      notes: string[];
      /** The kernel's word size as read from the log: a 64-bit kernel has no highmem. */
      bits: 32 | 64;
    }
  | { ok: false; error: string };

/** i386: lowmem ends at 896 MiB (`MAXMEM` with the default 128 MiB vmalloc reserve). */
const I386_LOWMEM_END = 229376;
/** The DMA zone: the first 16 MiB. */
const DMA_END = 4096;
/** Default kernel image when the log has no `Memory:` line: 4 MiB. */
const DEFAULT_KERNEL_PAGES = 1024;
/** Target number of runs per zone: enough texture to look real, short enough to read. */
const RUNS_PER_ZONE = 240;

const mib = (pages: number) => Math.round(pages / 256).toLocaleString('en-US');
const fmt = (n: number) => n.toLocaleString('en-US');

interface ModelZone {
  name: ZoneName;
  start: number;
  end: number;
}

function sortMerge(ranges: PfnRange[]): PfnRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: PfnRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Zones laid end to end from /proc/zoneinfo, which gives sizes but (before 4.x) no addresses. */
function zonesFromZoneinfo(
  f: BootFacts,
  notes: string[],
): { zones: KernelZone[]; ram: PfnRange[] } {
  const zones: KernelZone[] = [];
  const ram: PfnRange[] = [];
  let cursor = 0;
  const placed = f.zoneinfo.filter((z) => z.spanned > 0);
  for (const z of placed) {
    let start = z.startPfn ?? cursor;
    // x86: DMA is the first 16 MiB and DMA32 ends at 4 GiB, whatever their holes.
    if (z.startPfn === undefined && z.name === 'DMA' && z.spanned <= DMA_END)
      start = DMA_END - z.spanned;
    if (z.startPfn === undefined && z.name === 'DMA32' && cursor <= DMA_END) start = DMA_END;
    const end = start + z.spanned;
    zones.push({ name: z.name, start, end });
    // Present pages first, the absent ones as one hole at the zone's end.
    ram.push({ start, end: start + Math.min(z.present, z.spanned) });
    cursor = end;
  }
  if (placed.length > 0) {
    notes.push(
      placed.some((z) => z.startPfn === undefined)
        ? '/proc/zoneinfo gives zone sizes, not addresses: the zones are laid end to end (DMA in the first 16 MiB), and each zone\'s "spanned − present" frames are one hole (X) at its end.'
        : '/proc/zoneinfo gives each zone\'s start_pfn and size; its "spanned − present" frames are one hole (X) at the zone\'s end.',
    );
  }
  return { zones, ram };
}

/** Zones inferred from RAM alone (an e820 map): i386 or x86_64 boundaries. */
function zonesFromRam(ram: PfnRange[], bits: 32 | 64, f: BootFacts, notes: string[]): KernelZone[] {
  const end = ram[ram.length - 1].end;
  const zones: KernelZone[] = [{ name: 'DMA', start: 0, end: Math.min(DMA_END, end) }];
  if (bits === 64) {
    if (end > DMA_END) zones.push({ name: 'Normal', start: DMA_END, end });
    notes.push(
      'No zone lines in the log: zones inferred from the RAM map for x86_64 (DMA below 16 MiB, everything above it one lowmem zone).',
    );
    return zones;
  }
  const lowEnd = f.lowRamEnd ?? I386_LOWMEM_END;
  if (end > DMA_END) zones.push({ name: 'Normal', start: DMA_END, end: Math.min(end, lowEnd) });
  if (end > lowEnd) zones.push({ name: 'HighMem', start: lowEnd, end });
  notes.push(
    `No zone lines in the log: zones inferred from the RAM map for i386 (DMA below 16 MiB, Normal to ${mib(lowEnd)} MiB, HighMem above).`,
  );
  return zones;
}

/** 32 or 64 bits, and why. */
function wordSize(
  f: BootFacts,
  zones: KernelZone[],
  ram: PfnRange[],
): { bits: 32 | 64; why: string } {
  const names = new Set([...zones.map((z) => z.name), ...f.zoneinfo.map((z) => z.name)]);
  if (names.has('DMA32')) return { bits: 64, why: 'it has a DMA32 zone' };
  if (names.has('HighMem') || f.emptyZones.includes('HighMem'))
    return { bits: 32, why: 'it has a HighMem zone' };
  if (f.highmemKernel || f.thirtyTwoBit) return { bits: 32, why: 'it reports LOWMEM/HIGHMEM' };
  if (f.sixtyFourBit) return { bits: 64, why: 'its kernel is x86_64' };
  const top = ram.length > 0 ? ram[ram.length - 1].end : 0;
  const zoneTop = zones.reduce((m, z) => Math.max(m, z.end), 0);
  if (Math.max(top, zoneTop) > 1 << 20)
    return { bits: 64, why: 'it has RAM above 4 GiB and no HighMem zone' };
  return { bits: 32, why: 'nothing says 64-bit, and the model is an i386 machine' };
}

/** Kernel zones onto the model's DMA, Normal and HighMem. */
function modelZones(zones: KernelZone[], bits: 32 | 64, notes: string[]): ModelZone[] {
  const out: ModelZone[] = [];
  const add = (name: ZoneName, z: KernelZone) => {
    const last = out[out.length - 1];
    if (last && last.name === name) last.end = Math.max(last.end, z.end);
    else out.push({ name, start: z.start, end: z.end });
  };
  const sorted = [...zones].filter((z) => z.name !== 'Device').sort((a, b) => a.start - b.start);
  const merged: string[] = [];
  for (const z of sorted) {
    if (z.name === 'DMA') add('DMA', z);
    else if (bits === 64) {
      add('Normal', z);
      if (z.name !== 'Normal') merged.push(z.name);
    } else if (
      z.name === 'HighMem' ||
      (z.name === 'Movable' && out.some((o) => o.name === 'Normal'))
    )
      add('HighMem', z);
    else add('Normal', z);
  }
  if (bits === 64) {
    notes.push(
      `A 64-bit kernel maps all of memory directly, so this machine has no highmem: ${merged.length > 0 ? `${[...new Set(merged)].join(' and ')} ${merged.length > 1 ? 'are' : 'is'} merged into` : 'everything above DMA is'} the model's Normal zone (lowmem). The model keeps i386 sizes (4-byte longs, 12-byte PBEs), so its metadata counts are those of a 32-bit kernel of this size.`,
    );
  }
  return out;
}

/** Splits [start, end) into RAM runs and hole runs. */
function ramPieces(
  start: number,
  end: number,
  ram: PfnRange[],
): { start: number; end: number; ram: boolean }[] {
  const out: { start: number; end: number; ram: boolean }[] = [];
  let at = start;
  for (const r of ram) {
    if (r.end <= at) continue;
    if (r.start >= end) break;
    const s = Math.max(r.start, at);
    if (s > at) out.push({ start: at, end: s, ram: false });
    const e = Math.min(r.end, end);
    out.push({ start: s, end: e, ram: true });
    at = e;
  }
  if (at < end) out.push({ start: at, end, ram: false });
  return out;
}

class Runs {
  private parts: string[] = [];
  private letter = '';
  private count = 0;
  push(letter: string, count: number): void {
    if (count <= 0) return;
    if (letter === this.letter) {
      this.count += count;
      return;
    }
    this.flush();
    this.letter = letter;
    this.count = count;
  }
  private flush(): void {
    if (this.count > 0)
      this.parts.push(this.count === 1 ? this.letter : `${this.letter}${this.count}`);
  }
  text(): string {
    this.flush();
    this.letter = '';
    this.count = 0;
    return this.parts.join(' ');
  }
}

interface Mix {
  /** Letters with their shares of the zone's free-to-use RAM. */
  letters: [string, number][];
}

/** Fills `count` RAM frames with chunks of letters in the mix's shares, deterministically. */
function fill(runs: Runs, count: number, mix: Mix, chunk: number, rand: () => number): void {
  let left = count;
  while (left > 0) {
    const size = Math.min(left, Math.max(1, Math.round(chunk * (0.5 + rand()))));
    let u = rand();
    let letter = mix.letters[mix.letters.length - 1][0];
    for (const [l, share] of mix.letters) {
      if (u < share) {
        letter = l;
        break;
      }
      u -= share;
    }
    runs.push(letter, size);
    left -= size;
  }
}

const SUSPEND_LOW: Mix = {
  letters: [
    ['S', 0.3],
    ['C', 0.2],
    ['F', 0.5],
  ],
};
const SUSPEND_HIGH: Mix = {
  letters: [
    ['S', 0.25],
    ['C', 0.3],
    ['F', 0.45],
  ],
};
const BOOT: Mix = {
  letters: [
    ['B', 0.06],
    ['F', 0.94],
  ],
};

export function scenarioFromBootLog(text: string): BootLogResult {
  if (typeof text !== 'string' || text.trim() === '')
    return {
      ok: false,
      error: 'the boot log is empty; paste the kernel messages (dmesg) of a machine',
    };
  const f = readFacts(text);
  const notes: string[] = [];

  let kernelZones = f.zones;
  let ram = sortMerge(f.nodeRam.length > 0 ? f.nodeRam : f.e820Ram);
  let source: string;
  if (kernelZones.length > 0) {
    source = f.oldZoneFormat ? 'the "Zone PFN ranges" lines' : 'the "Zone ranges" lines';
  } else if (f.zoneinfo.some((z) => z.spanned > 0)) {
    const zi = zonesFromZoneinfo(f, notes);
    kernelZones = zi.zones;
    if (ram.length === 0) ram = sortMerge(zi.ram);
    source = '/proc/zoneinfo';
  } else if (ram.length > 0) {
    source = f.nodeRam.length > 0 ? 'the early memory node ranges' : 'the e820 map';
  } else {
    return {
      ok: false,
      error:
        'no memory layout found: paste the lines after "Zone ranges:" and "Early memory node ranges" (or "BIOS-provided physical RAM map", or /proc/zoneinfo with its spanned and present lines)',
    };
  }

  const { bits, why } = wordSize(f, kernelZones, ram);
  if (kernelZones.length === 0) kernelZones = zonesFromRam(ram, bits, f, notes);
  const ramSource =
    f.nodeRam.length > 0
      ? 'the early memory node ranges'
      : f.e820Ram.length > 0
        ? 'the e820 map'
        : undefined;
  const from =
    ramSource !== undefined && ramSource !== source ? `${source} and ${ramSource}` : source;
  notes.unshift(`Read from ${from}; taken as a ${bits}-bit kernel because ${why}.`);
  if (ram.length === 0) {
    ram = sortMerge(kernelZones.map((z) => ({ start: z.start, end: z.end })));
    notes.push('No RAM map in the log: every frame of every zone is taken as RAM.');
  }

  if (f.nodes.size > 1)
    notes.push(
      `The log shows ${f.nodes.size} NUMA nodes; the model has one, so their memory is taken together.`,
    );
  let zones = modelZones(kernelZones, bits, notes);
  if (!zones.some((z) => z.name === 'Normal')) {
    return { ok: false, error: 'the log has no Normal (lowmem) zone; the model needs one' };
  }

  // The model's machine starts at pfn 0 with no gap between zones: frames outside the kernel's
  // zones become holes. A machine whose RAM starts high (ARM, MIPS) is counted from its first zone.
  const base = zones[0].start < DMA_END ? 0 : zones[0].start;
  if (base > 0)
    notes.push(
      `The first zone starts at pfn ${fmt(base)}; the model counts this machine's frames from there (its pfn 0).`,
    );
  for (let i = 0; i < zones.length; i++) {
    zones[i].start = i === 0 ? base : zones[i - 1].end;
    zones[i].end = Math.max(zones[i].end, zones[i].start);
  }
  zones = zones.filter((z) => z.end > z.start);
  const top = zones[zones.length - 1].end;
  if (top - base > MAX_TOTAL_PAGES) {
    const cut = base + MAX_TOTAL_PAGES;
    notes.push(
      `The zones span ${fmt(top - base)} frames (${mib(top - base)} MiB); the model holds at most 16 GiB, so frames from pfn ${fmt(cut)} on are left out.`,
    );
    zones = zones.filter((z) => z.start < cut).map((z) => ({ ...z, end: Math.min(z.end, cut) }));
  }
  const ramTop = ram[ram.length - 1].end;
  if (
    bits === 32 &&
    ramTop > zones[zones.length - 1].end &&
    !zones.some((z) => z.name === 'HighMem')
  ) {
    notes.push(
      `The kernel was built without highmem: the ${fmt(ramTop - zones[zones.length - 1].end)} pages of RAM above ${mib(zones[zones.length - 1].end)} MiB are unused, so they are not in the model.`,
    );
  }

  // The kernel image: at 1 MiB on 2.6-era kernels, at 16 MiB (CONFIG_PHYSICAL_START) since.
  const kernelPages = f.kernelKiB ? Math.ceil(f.kernelKiB / 4) : DEFAULT_KERNEL_PAGES;
  const loadAt = f.oldZoneFormat ? 256 : DMA_END;
  notes.push(
    f.kernelKiB
      ? `Kernel image: ${fmt(kernelPages)} pages (code, data, init and bss from the "Memory:" line) at ${f.oldZoneFormat ? '1' : '16'} MiB, with its __nosave page after it.`
      : `Kernel image: 4 MiB assumed (no "Memory:" line) at ${f.oldZoneFormat ? '1' : '16'} MiB, with its __nosave page after it.`,
  );
  notes.push(
    'In-use (S), page-cache (C) and free (F) pages are a plausible mix, not what the machine held: lowmem 30% / 20% / 50%, highmem 25% / 30% / 45%; the boot kernel at resume uses 6% (B). Holes in the RAM map are X.',
  );

  const rand = mulberry32(0x5eed);
  const susp: string[] = [];
  const resu: string[] = [];
  let kernelLeft = kernelPages + 1;
  for (const z of zones) {
    const pieces = ramPieces(z.start, z.end, ram);
    const sRuns = new Runs();
    const rRuns = new Runs();
    const chunk = Math.max(4, Math.round((z.end - z.start) / RUNS_PER_ZONE));
    const highmem = z.name === 'HighMem';
    for (const p of pieces) {
      if (!p.ram) {
        sRuns.push('X', p.end - p.start);
        rRuns.push('X', p.end - p.start);
        continue;
      }
      let at = p.start;
      // The kernel image sits in lowmem RAM at or after its load address.
      if (!highmem && kernelLeft > 0 && p.end > loadAt) {
        const kStart = Math.max(at, loadAt);
        const before = kStart - at;
        if (before > 0) {
          fill(sRuns, before, SUSPEND_LOW, chunk, rand);
          fill(rRuns, before, BOOT, chunk, rand);
        }
        const room = p.end - kStart;
        const k = Math.min(room, kernelLeft);
        const image = Math.min(k, kernelLeft - 1);
        sRuns.push('K', image);
        rRuns.push('K', image);
        if (k > image) {
          sRuns.push('N', 1);
          rRuns.push('N', 1);
        }
        kernelLeft -= k;
        at = kStart + k;
      }
      const rest = p.end - at;
      fill(sRuns, rest, highmem ? SUSPEND_HIGH : SUSPEND_LOW, chunk, rand);
      fill(rRuns, rest, BOOT, chunk, rand);
    }
    susp.push(sRuns.text());
    resu.push(rRuns.text());
  }
  if (kernelLeft > 0)
    notes.push(
      'There was not enough lowmem RAM after the load address for the whole kernel image.',
    );

  const total = zones.reduce((s, z) => s + (z.end - z.start), 0);
  const ramPages = zones.reduce(
    (s, z) =>
      s + ramPieces(z.start, z.end, ram).reduce((t, p) => t + (p.ram ? p.end - p.start : 0), 0),
    0,
  );
  if (total > 262144)
    notes.push(`A big machine (${fmt(total)} frames): building its trace takes a few seconds.`);

  const doc: ScenarioDocument = {
    format: FORMAT,
    name: `Machine from a boot log (${bits}-bit, ${mib(ramPages)} MiB RAM)`,
    description: `Imported from ${source}. ${zones.map((z) => `${z.name} ${fmt(z.end - z.start)} pages`).join(', ')}. The page mix is invented; the zones and holes are the machine's.`,
    model: 'linux-2.6.20',
    zones: zones.map((z) =>
      z.name === 'HighMem'
        ? { name: z.name, pages: z.end - z.start, highmem: true }
        : { name: z.name, pages: z.end - z.start },
    ),
    suspend: susp.join(' | '),
    resume: resu.join(' | '),
  };
  const check = parseScenario(doc);
  if (!check.ok)
    return { ok: false, error: `could not make a valid machine from this log: ${check.error}` };
  return { ok: true, doc, notes, bits };
}
