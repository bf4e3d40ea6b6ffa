import { Allocator } from '../allocator';
import { BM_BITS_PER_BLOCK, divRoundUp } from '../constants';
import { contentWord, TAG_BOOT, TAG_SAVED, TAG_UNSAVED } from '../hash';
import { NS, NSF } from '../marks';
import { Reg } from '../registers';
import type { RegId } from '../registers';
import { LETTER_ROLE, Role } from '../roles';
import type { Scenario } from '../scenario/types';
import type { KindTaking } from '../source/catalogue';
import type { FrameImage } from '../state';
import { createState } from '../state';
import { Recorder } from '../trace/recorder';
import type { RecorderOptions } from '../trace/recorder';
import type { Zone } from './machine';
import { buildZones } from './machine';
import { DirtyFrames, fanOut } from './dirty';

/** How a run ended; the report's `failure`. */
export interface Failure {
  function: string;
  message: string;
  errno: number | null;
}

export class KernelFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const X = 88;

/** The kinds of one page freed by shrink_all_memory(). */
export type ShrinkKind = KindTaking<{ page: number; freed: number; asked: number }>;

/**
 * The emulated machine and the page-level primitives snapshot.c builds on (get_image_page,
 * alloc_image_page, free_image_page, the page marks). All state changes go through the Recorder,
 * so every primitive is part of a step. The allocator's free lists live here, outside the recorded
 * state: they are derived from the roles and only the generator needs them.
 */
export class Kernel {
  readonly zones: Zone[];
  readonly frames: number;
  readonly rec: Recorder;
  readonly alloc: Allocator;
  /** Reclaimable (C) pfns in ascending order, for shrink_all_memory. */
  private reclaimable: Int32Array;
  private reclaimCursor = 0;
  private readonly valid: Uint8Array;
  /** Frames changed since mark_free_pages() last walked their zone. */
  readonly markDirty: DirtyFrames;
  /** Frames changed since the saveable count last walked their zone. */
  readonly countDirty: DirtyFrames;
  /** Per zone: saveable frames at the last count; per frame: whether it was saveable then. */
  readonly saveableIn: Int32Array;
  readonly saveableAt: Uint8Array;
  /** Free lowmem / highmem when swsusp_save() counted; null until it has. */
  counted: { freeLowmem: number; freeHighmem: number } | null = null;
  /** copy_data_pages() has copied every page (the copy counts exist). */
  copiesDone = false;
  /** swsusp_save() has set nr_copy_pages and nr_meta_pages: the image's sizes exist. */
  copied = false;
  /** The boot kernel's mark_unsafe_pages() has run (allocated_unsafe_pages counts from here). */
  unsafeMarked = false;
  /** prepare_image() succeeded: get_buffer() loads data pages (loads, PBEs, chain pages exist). */
  loading = false;

  constructor(
    readonly scenario: Scenario,
    recorderOptions: RecorderOptions = {},
  ) {
    this.zones = buildZones(scenario);
    this.frames = scenario.suspend.length;
    const state = createState(this.frames);
    const free = new Uint8Array(this.frames);
    const recl: number[] = [];
    this.valid = new Uint8Array(this.frames);
    for (let pfn = 0; pfn < this.frames; pfn++) {
      const letter = String.fromCharCode(scenario.suspend[pfn]);
      state.role[pfn] = LETTER_ROLE[letter];
      const saved = letter === 'S' || letter === 'C' || letter === 'K';
      // Z is the all-zero page (linux-6.12); a saved page's word is never the zero word
      state.content[pfn] =
        letter === 'Z'
          ? 0
          : saved
            ? contentWord(pfn, TAG_SAVED) || 1
            : contentWord(pfn, TAG_UNSAVED);
      if (letter === 'F') free[pfn] = 1;
      if (letter === 'C') recl.push(pfn);
      this.valid[pfn] = scenario.suspend[pfn] === X ? 0 : 1;
    }
    this.reclaimable = Int32Array.from(recl);
    this.alloc = new Allocator(this.zones, scenario.policy, scenario.seed);
    this.alloc.load(free);
    const r = state.regs;
    r.fill(0);
    for (const reg of [
      Reg.buffer,
      Reg.origBm,
      Reg.copyBm,
      Reg.safeHighBm,
      Reg.origPos,
      Reg.copyPos,
      Reg.safePos,
      Reg.lastHighmemPage,
      Reg.bounce,
      Reg.resumeChainPage,
      Reg.forbiddenBm,
      Reg.freeBm,
      Reg.zeroBm,
      Reg.tmpBm,
      Reg.zeroPos,
      Reg.forbiddenPos,
      Reg.freePos,
      Reg.tmpPos,
      Reg.preMinimum,
      Reg.preShrinkRequest,
      Reg.preFreed,
    ] as RegId[]) {
      r[reg] = -1;
    }
    r[Reg.freeLowmem] = this.alloc.freeLowmem();
    r[Reg.freeHighmem] = this.alloc.freeHighmem();
    this.rec = new Recorder(state, scenario.model, recorderOptions);
    this.markDirty = new DirtyFrames(this.frames, this.zones);
    this.countDirty = new DirtyFrames(this.frames, this.zones);
    this.saveableIn = new Int32Array(this.zones.length);
    this.saveableAt = new Uint8Array(this.frames);
    const watch = fanOut([this.markDirty, this.countDirty]);
    this.rec.watch = watch;
    this.alloc.watch = watch;
  }

  get state() {
    return this.rec.state;
  }

  /** pfn_valid(): X sits at the same pfns on both sides, so one table serves both kernels. */
  pfnValid(pfn: number): boolean {
    return this.valid[pfn] === 1;
  }

  isHighmem(pfn: number): boolean {
    for (const z of this.zones) if (pfn < z.end) return z.highmem;
    return false;
  }

  zoneOf(pfn: number): Zone {
    for (const z of this.zones) if (pfn < z.end) return z;
    return this.zones[this.zones.length - 1];
  }

  flags(pfn: number): number {
    return this.state.flags[pfn];
  }

  /** PageNosave && PageNosaveFree: allocated by swsusp (suspend) or owned for a direct load (resume). */
  ownedBySwsusp(pfn: number): boolean {
    return (this.state.flags[pfn] & (NS | NSF)) === (NS | NSF);
  }

  /** PageReserved && pfn_is_nosave(): the N frames. */
  isNosaveSection(pfn: number): boolean {
    return this.state.role[pfn] === Role.Nosave;
  }

  /** The free set now, one byte per pfn (1 = free), for the final verification. */
  freeFrames(): Uint8Array {
    const free = new Uint8Array(this.frames);
    for (let pfn = 0; pfn < this.frames; pfn++)
      if (this.pfnValid(pfn) && this.alloc.isFree(pfn)) free[pfn] = 1;
    return free;
  }

  snapshotAdditionalPages(z: Zone): number {
    let res = divRoundUp(z.pages, BM_BITS_PER_BLOCK);
    res += divRoundUp(res * 20, 4096);
    return 2 * res;
  }

  syncFreeRegs(): void {
    this.rec.setReg(Reg.freeLowmem, this.alloc.freeLowmem());
    this.rec.setReg(Reg.freeHighmem, this.alloc.freeHighmem());
  }

  /** Takes a frame from the allocator (no step). The caller starts the step, then calls claim(). */
  take(highmem: boolean): number {
    return this.alloc.alloc(highmem);
  }

  /** Records a taken frame: its free counters and its new role. */
  claim(pfn: number, role: number, zeroed: boolean): void {
    if (this.isHighmem(pfn)) this.rec.addReg(Reg.freeHighmem, -1);
    else this.rec.addReg(Reg.freeLowmem, -1);
    this.rec.setRole(pfn, role);
    if (zeroed) this.rec.setContent(pfn, 0);
  }

  /** __free_page(): back on the free lists, inside the current step. */
  release(pfn: number): void {
    this.alloc.free(pfn);
    if (this.isHighmem(pfn)) this.rec.addReg(Reg.freeHighmem, 1);
    else this.rec.addReg(Reg.freeLowmem, 1);
    this.rec.setRole(pfn, Role.Free);
  }

  /**
   * get_image_page(gfp, safe_needed): a zeroed lowmem page marked NS + NSF. With PG_SAFE every
   * unsafe page met on the way is kept with NS set and counted in allocated_unsafe_pages; each such
   * skip is its own step. `start` records the returned page's step (the caller knows its kind).
   * Returns -1 when lowmem is exhausted (no step is started then).
   */
  getImagePage(safeNeeded: boolean, role: number, start: (pfn: number) => void): number {
    let pfn = this.take(false);
    if (safeNeeded) {
      while (pfn >= 0 && this.state.flags[pfn] & NSF) {
        const aup = this.rec.reg(Reg.allocatedUnsafePages) + 1;
        this.rec.record('gip.unsafe', { page: pfn, unsafe: aup });
        this.claim(pfn, Role.UnsafeOwned, true);
        this.rec.orFlags(pfn, NS);
        this.rec.setReg(Reg.allocatedUnsafePages, aup);
        pfn = this.take(false);
      }
    }
    if (pfn < 0) return -1;
    start(pfn);
    this.claim(pfn, role, true);
    this.rec.orFlags(pfn, NS | NSF);
    return pfn;
  }

  /** free_image_page(page, clear_nosave_free), as part of the current step. */
  freeImagePage(pfn: number, clearNsf: boolean): void {
    this.rec.clearFlags(pfn, clearNsf ? NS | NSF : NS);
    this.release(pfn);
  }

  /** shrink_all_memory(n): frees up to n reclaimable frames, lowest pfn first. Each is a step. */
  shrinkAllMemory(n: number, kind: ShrinkKind): number {
    let freed = 0;
    while (freed < n && this.reclaimCursor < this.reclaimable.length) {
      const pfn = this.reclaimable[this.reclaimCursor++];
      freed++;
      this.rec.record(kind, { page: pfn, freed, asked: n });
      this.release(pfn);
      this.rec.addReg(Reg.shrunkPages, 1);
    }
    return freed;
  }

  /** The boot kernel's frame table: layout letters, K keeps its suspend-time bytes. */
  bootImage(): FrameImage {
    const s = this.scenario;
    const img: FrameImage = {
      role: new Uint8Array(this.frames),
      flags: new Uint8Array(this.frames),
      content: new Uint32Array(this.frames),
    };
    const free = new Uint8Array(this.frames);
    for (let pfn = 0; pfn < this.frames; pfn++) {
      const letter = String.fromCharCode(s.resume[pfn]);
      img.role[pfn] = LETTER_ROLE[letter];
      img.content[pfn] =
        letter === 'K' ? contentWord(pfn, TAG_SAVED) || 1 : contentWord(pfn, TAG_BOOT);
      if (letter === 'F') free[pfn] = 1;
    }
    // The same allocator object, so the random policy keeps its one PRNG stream per run.
    this.alloc.load(free);
    return img;
  }

  fail(f: Failure): never {
    throw new KernelFailure(f);
  }
}
