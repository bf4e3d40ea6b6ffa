/**
 * What a boot log says about memory, read line by line: the kernel's zone ranges (`Zone ranges:`
 * with `[mem …]`, or 2.6's `Zone PFN ranges:` with pfns), the RAM it found (`Early memory node
 * ranges`, 2.6's `early_node_map`, or the BIOS e820 map), /proc/zoneinfo's spanned and present
 * counts, the kernel's size from its `Memory:` line and hints of 32 or 64 bits. Lines are matched
 * wherever they sit, so syslog prefixes, dmesg timestamps and `> ` quotes do not matter.
 */

/** A pfn range [start, end). */
export interface PfnRange {
  start: number;
  end: number;
}

export interface KernelZone extends PfnRange {
  /** As the kernel names it: DMA, DMA32, Normal, HighMem, Movable. */
  name: string;
}

export interface ZoneInfoEntry {
  name: string;
  spanned: number;
  present: number;
  startPfn?: number;
}

export interface BootFacts {
  zones: KernelZone[];
  /** The zone-range lines came in 2.6's `Zone PFN ranges` form (the kernel loads at 1 MiB). */
  oldZoneFormat: boolean;
  /** Zones the kernel printed as `empty`. */
  emptyZones: string[];
  /** RAM from the early node map (the kernel's own view). */
  nodeRam: PfnRange[];
  /** RAM from the e820 map (`usable` entries only). */
  e820Ram: PfnRange[];
  zoneinfo: ZoneInfoEntry[];
  /** Kernel image size in KiB from the `Memory:` line (code + data + init + bss). */
  kernelKiB?: number;
  /** "NNNMB HIGHMEM available" / "low ram: 0 - 377fe000": a 32-bit highmem kernel. */
  highmemKernel: boolean;
  /** The end of lowmem in pfns when the log says it ("low ram: 0 - 377fe000"). */
  lowRamEnd?: number;
  /** "LOWMEM available" without HIGHMEM, or "Use a HIGHMEM enabled kernel": 32 bits. */
  thirtyTwoBit: boolean;
  /** x86_64 in the version line. */
  sixtyFourBit: boolean;
  /** NUMA node ids seen in the node ranges or zoneinfo. */
  nodes: Set<number>;
  /** Lines that were recognised, for the notes. */
  recognised: number;
}

const PAGE = 4096;
/** 2^53 / 4096: addresses beyond this cannot be pfns JavaScript counts exactly (never real). */
const MAX_PFN = 2 ** 41;

function hex(s: string): number {
  return Number.parseInt(s, 16);
}

/** Byte range [first, last] inclusive → pfns [ceil(first), floor(last + 1)). */
function bytesToPfns(first: number, lastInclusive: number): PfnRange | undefined {
  const start = Math.ceil(first / PAGE);
  const end = Math.floor((lastInclusive + 1) / PAGE);
  if (!(end > start) || end > MAX_PFN) return undefined;
  return { start, end };
}

const ZONE_NAME = '(DMA32|DMA|Normal|HighMem|Movable|Device)';
const MEM_ZONE = new RegExp(`\\b${ZONE_NAME}\\s+\\[mem (0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)\\]`);
const EMPTY_ZONE = new RegExp(`\\b${ZONE_NAME}\\s+empty\\s*$`);
const HEX_PFN_ZONE = new RegExp(
  `\\b${ZONE_NAME}\\s+(0x[0-9a-fA-F]+)\\s*->\\s*(0x[0-9a-fA-F]+)\\s*$`,
);
const DEC_PFN_ZONE = new RegExp(`\\b${ZONE_NAME}\\s+(\\d+)\\s*->\\s*(\\d+)\\s*$`);
const NODE_RANGE = /\bnode\s+(\d+):\s+\[mem (0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)\]/;
const OLD_NODE_HEADER = /early_node_map\[\d+\] active PFN ranges/;
const OLD_NODE_RANGE = /^\s*\d+:\s+(\d+)\s*->\s*(\d+)\s*$/;
const E820_NEW =
  /\b(?:BIOS-e820|e820|user|Xen):\s+\[mem (0x[0-9a-fA-F]+)-(0x[0-9a-fA-F]+)\]\s+usable\s*$/;
const E820_OLD = /\b(?:BIOS-e820|user):\s+([0-9a-fA-F]+)\s*-\s*([0-9a-fA-F]+)\s+\(usable\)/;
const ZONEINFO_HEAD = /\bNode\s+(\d+),\s+zone\s+(\w+)\s*$/;
const ZONEINFO_FIELD = /^\s*(spanned|present|start_pfn:)\s+(\d+)\s*$/;
const KIB = (what: string) => new RegExp(`(\\d+)[kK] ${what}\\b`);

/** Removes a syslog, journal or dmesg prefix and a quote marker, leaving the kernel's text. */
function body(line: string): string {
  let s = line.replace(/^(?:>\s*)+/, '');
  s = s.replace(/^.*?\bkernel:\s?/, '');
  s = s.replace(/^\s*(?:<\d+>)?\s*\[\s*\d+\.\d+\]\s?/, '');
  return s;
}

export function readFacts(text: string): BootFacts {
  const facts: BootFacts = {
    zones: [],
    oldZoneFormat: false,
    emptyZones: [],
    nodeRam: [],
    e820Ram: [],
    zoneinfo: [],
    highmemKernel: false,
    thirtyTwoBit: false,
    sixtyFourBit: false,
    nodes: new Set(),
    recognised: 0,
  };
  let inOldNodeMap = false;
  let current: ZoneInfoEntry | undefined;
  let lines = 0;
  for (const raw of text.split(/\r?\n/)) {
    // A pasted log, not a book: stop reading after a generous number of lines.
    if (++lines > 200_000) break;
    if (raw.length > 2000 || /^\s*#/.test(raw)) continue;
    const line = body(raw);
    let m: RegExpExecArray | null;

    if (inOldNodeMap) {
      m = OLD_NODE_RANGE.exec(line);
      if (m) {
        const start = Number(m[1]);
        const end = Number(m[2]);
        if (end > start && end <= MAX_PFN) facts.nodeRam.push({ start, end });
        facts.recognised++;
        continue;
      }
      inOldNodeMap = false;
    }
    if (OLD_NODE_HEADER.test(line)) {
      inOldNodeMap = true;
      facts.recognised++;
      continue;
    }
    if ((m = MEM_ZONE.exec(line))) {
      const r = bytesToPfns(hex(m[2]), hex(m[3]));
      if (r) facts.zones.push({ name: m[1], ...r });
      facts.recognised++;
    } else if ((m = EMPTY_ZONE.exec(line))) {
      facts.emptyZones.push(m[1]);
      facts.recognised++;
    } else if ((m = HEX_PFN_ZONE.exec(line))) {
      const start = hex(m[2]);
      const end = hex(m[3]);
      if (end > start && end <= MAX_PFN) facts.zones.push({ name: m[1], start, end });
      facts.recognised++;
    } else if ((m = DEC_PFN_ZONE.exec(line))) {
      const start = Number(m[2]);
      const end = Number(m[3]);
      if (end > start && end <= MAX_PFN) facts.zones.push({ name: m[1], start, end });
      facts.oldZoneFormat = true;
      facts.recognised++;
    } else if ((m = NODE_RANGE.exec(line))) {
      facts.nodes.add(Number(m[1]));
      const r = bytesToPfns(hex(m[2]), hex(m[3]));
      if (r) facts.nodeRam.push(r);
      facts.recognised++;
    } else if ((m = E820_NEW.exec(line))) {
      const r = bytesToPfns(hex(m[1]), hex(m[2]));
      if (r) facts.e820Ram.push(r);
      facts.recognised++;
    } else if ((m = E820_OLD.exec(line))) {
      // The old form prints an exclusive end.
      const r = bytesToPfns(hex(m[1]), hex(m[2]) - 1);
      if (r) facts.e820Ram.push(r);
      facts.recognised++;
    } else if ((m = ZONEINFO_HEAD.exec(line))) {
      facts.nodes.add(Number(m[1]));
      current = { name: m[2], spanned: 0, present: 0 };
      facts.zoneinfo.push(current);
      facts.recognised++;
      continue;
    } else if (current && (m = ZONEINFO_FIELD.exec(line))) {
      const n = Number(m[2]);
      if (Number.isSafeInteger(n) && n <= MAX_PFN) {
        if (m[1] === 'spanned') current.spanned = n;
        else if (m[1] === 'present') current.present = n;
        else current.startPfn = n;
      }
      facts.recognised++;
      continue;
    }
    if (/\d+MB HIGHMEM available/.test(line)) facts.highmemKernel = true;
    if (/LOWMEM available|Use a HIGHMEM enabled kernel|Use a PAE enabled kernel/.test(line))
      facts.thirtyTwoBit = true;
    if (/^Linux version .*x86_64/.test(line)) facts.sixtyFourBit = true;
    if ((m = /\blow ram: 0 - ([0-9a-fA-F]+)\s*$/.exec(line)))
      facts.lowRamEnd = Math.floor(hex(m[1]) / PAGE);
    if (/^Memory: \d+[kK]\/\d+[kK] available/.test(line)) {
      const code = KIB('kernel code').exec(line);
      if (code) {
        const parts = ['kernel code', 'rwdata', 'rodata', 'data', 'init', 'bss'].map((w) => {
          const p = KIB(w).exec(line);
          return p ? Number(p[1]) : 0;
        });
        facts.kernelKiB = parts.reduce((s, n) => s + n, 0);
      }
    }
  }
  return facts;
}
