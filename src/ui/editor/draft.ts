/**
 * The machine being edited: every field of a `swsusp-viz/scenario@1` document in the shape the
 * form edits (all three zones, each present or not; sizes in pages), and the conversions to and
 * from documents and per-frame letters.
 */
import { FORMAT, parseLayout, parseScenario, RESUME_LETTERS, SUSPEND_LETTERS } from '../../core';
import type { ModelId, Policy, ZoneName, ZoneSpec } from '../../core';

export interface ZoneDraft {
  name: ZoneName;
  present: boolean;
  pages: number;
}

export interface Draft {
  name: string;
  description: string;
  model: ModelId;
  zones: ZoneDraft[];
  pagesForIo: number;
  /** null: no limit. */
  imageSize: number | null;
  /** null: unlimited swap. */
  swapPages: number | null;
  policy: Policy;
  seed: number;
  suspend: string;
  resume: string;
}

export type Side = 'suspend' | 'resume';

export const LETTERS: Readonly<Record<Side, string>> = {
  suspend: SUSPEND_LETTERS,
  resume: RESUME_LETTERS,
};
const LOWMEM_ONLY = 'KN';
const HIGHMEM_ONLY = 'R';
/** Letters that sit at the same pfns on both sides (same kernel binary, same firmware map). */
export const FIXED = 'KNX';

/** 4 KiB pages per MiB. */
export const PAGES_PER_MIB = 256;

export const ZONE_NAMES: readonly ZoneName[] = ['DMA', 'Normal', 'HighMem'];

export function zonesOf(d: Pick<Draft, 'zones'>): ZoneSpec[] {
  return d.zones
    .filter((z) => z.present)
    .map((z) => ({ name: z.name, pages: z.pages, highmem: z.name === 'HighMem' }));
}

export function totalPages(zones: readonly ZoneSpec[]): number {
  return zones.reduce((s, z) => s + z.pages, 0);
}

/** The scenario document of a draft (what is saved, and what the engine loads). */
export function docFromDraft(d: Draft): Record<string, unknown> {
  return {
    format: FORMAT,
    name: d.name,
    description: d.description,
    model: d.model,
    zones: zonesOf(d).map((z) => (z.highmem ? { ...z } : { name: z.name, pages: z.pages })),
    constants: {
      pagesForIo: d.pagesForIo,
      imageSize: d.imageSize,
      ...(d.swapPages === null ? {} : { swapPages: d.swapPages }),
    },
    allocator: d.policy === 'random' ? { policy: d.policy, seed: d.seed } : { policy: d.policy },
    suspend: d.suspend,
    resume: d.resume,
  };
}

function field(doc: Record<string, unknown>, key: string): unknown {
  return doc[key];
}

/** A draft from a scenario document, read through the core's validator (so defaults apply). */
export function draftFromDoc(doc: unknown): Draft | null {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return null;
  const s = parsed.scenario;
  const raw = (doc ?? {}) as Record<string, unknown>;
  return {
    name: s.name,
    description: s.description,
    model: s.model,
    zones: ZONE_NAMES.map((name) => {
      const z = s.zones.find((x) => x.name === name);
      return { name, present: !!z, pages: z?.pages ?? (name === 'DMA' ? 16 : 32) };
    }),
    pagesForIo: s.pagesForIo,
    imageSize: s.imageSize,
    swapPages: s.swapPages,
    policy: s.policy,
    seed: s.seed,
    suspend: typeof field(raw, 'suspend') === 'string' ? s.suspendLayout : '',
    resume: typeof field(raw, 'resume') === 'string' ? s.resumeLayout : '',
  };
}

export interface LayoutProblem {
  message: string;
  /** Offset of the first wrong character (may equal the text's length: "at the end"). */
  index: number;
  length: number;
}

export type LetterResult =
  { ok: true; letters: Uint8Array } | { ok: false; problem: LayoutProblem };

/** One side's layout as one letter code per frame, or the problem at its character. */
export function lettersOf(side: Side, text: string, zones: readonly ZoneSpec[]): LetterResult {
  const r = parseLayout(side, text, zones, LETTERS[side], LOWMEM_ONLY, HIGHMEM_ONLY);
  if (!r.ok)
    return {
      ok: false,
      problem: { message: r.error.message, index: r.error.index, length: r.error.length },
    };
  const letters = new Uint8Array(totalPages(zones));
  for (const runs of r.zones)
    for (const run of runs)
      letters.fill(run.letter.charCodeAt(0), run.start, run.start + run.count);
  return { ok: true, letters };
}

/** Run-length text of per-frame letters, one segment per zone: "N2 K6 S6 F34 | R1 S18 F13". */
export function encodeRuns(letters: Uint8Array, zones: readonly ZoneSpec[]): string {
  const segments: string[] = [];
  let start = 0;
  for (const z of zones) {
    const runs: string[] = [];
    let i = start;
    const end = start + z.pages;
    while (i < end) {
      let j = i + 1;
      while (j < end && letters[j] === letters[i]) j++;
      const n = j - i;
      runs.push(`${String.fromCharCode(letters[i])}${n}`);
      i = j;
    }
    segments.push(runs.join(' '));
    start = end;
  }
  return segments.join(' | ');
}

/**
 * A layout carried over to new zone sizes: each zone keeps its frames from the start, cut at the
 * new end or filled with free frames. Returns null when the old text was not a valid layout.
 */
export function refit(
  side: Side,
  text: string,
  from: readonly ZoneSpec[],
  to: readonly ZoneSpec[],
): string | null {
  const old = lettersOf(side, text, from);
  if (!old.ok) return null;
  const out = new Uint8Array(totalPages(to)).fill(70 /* F */);
  let dst = 0;
  for (const z of to) {
    let src = 0;
    const prev = from.find((x) => x.name === z.name);
    for (const x of from) {
      if (x === prev) break;
      src += x.pages;
    }
    if (prev) out.set(old.letters.subarray(src, src + Math.min(prev.pages, z.pages)), dst);
    dst += z.pages;
  }
  return encodeRuns(out, to);
}

/** Where a letter may go: null if allowed, else the sentence why not. */
export function letterRule(letter: string, zone: ZoneSpec): string | null {
  if (zone.highmem && LOWMEM_ONLY.includes(letter))
    return `${letter} is only allowed in lowmem zones (DMA, Normal)`;
  if (!zone.highmem && HIGHMEM_ONLY.includes(letter))
    return `${letter} is only allowed in the HighMem zone`;
  return null;
}

/** The teaching machine's shape, the starting point of a new machine. */
export function newDraft(): Draft {
  return {
    name: 'My machine',
    description: '',
    model: 'linux-2.6.20',
    zones: [
      { name: 'DMA', present: false, pages: 16 },
      { name: 'Normal', present: true, pages: 48 },
      { name: 'HighMem', present: true, pages: 32 },
    ],
    pagesForIo: 2,
    imageSize: null,
    swapPages: null,
    policy: 'lowest-first',
    seed: 1,
    suspend: 'N2 K6 S6 F34 | R1 S18 F13',
    resume: 'N2 K6 B3 F37 | R1 B2 F29',
  };
}
