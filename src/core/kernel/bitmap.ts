import {
  BM_BITS_PER_BLOCK,
  BM_BITS_PER_CHUNK,
  divRoundUp,
  LINKED_PAGE_DATA_SIZE,
  SIZEOF_BM_BLOCK,
  SIZEOF_ZONE_BITMAP,
} from '../constants';
import { NS, NSF } from '../marks';
import type { RegId } from '../registers';
import { Reg } from '../registers';
import { Role } from '../roles';
import type { KindTaking } from '../source/catalogue';
import type { BitmapInstance } from '../trace/trace';
import type { Kernel } from './kernel';

/** The kinds of one page freed by memory_bm_free() (the caller's context names it). */
export type BitmapFreeKind = KindTaking<{ page: number; bitmap: number; clear: number }>;

/**
 * A memory_bitmap variable (orig_bm, copy_bm; safe_highmem_bm is copy_bm re-created). The bits
 * themselves are mirrored in one flag bit per frame, so the grid can show them; the structure
 * (zone_bitmap list, bm_block list, the data page of each block, the chain pages) is kept in a
 * BitmapInstance. The bm_position is one register: the pfn of the current bit, -1 after a reset;
 * (zone_bm, block, chunk, bit) follow from it.
 */
export class MemoryBitmap {
  inst: BitmapInstance | null = null;

  constructor(
    private readonly k: Kernel,
    readonly bit: number,
    readonly instReg: RegId,
    readonly posReg: RegId,
  ) {}

  /**
   * memory_bm_create(bm, gfp_mask, safe_needed): one zone_bitmap per populated zone and one
   * bm_block per 32768 pfns, all from a chain allocator; one data page per block, zone by zone.
   * Returns 0 or -ENOMEM (after freeing what it took, as the kernel does).
   */
  create(name: string, safeNeeded: boolean): number {
    const k = this.k;
    const id = k.rec.bitmaps.length;
    const inst: BitmapInstance = {
      id,
      name,
      side: k.state.regs[Reg.side],
      safeNeeded,
      zones: [],
      chainPfns: [],
      blockZone: [],
    };
    k.rec.bitmaps.push(inst);
    this.inst = inst;
    let used = LINKED_PAGE_DATA_SIZE; // chain_init
    const chainAlloc = (size: number, what: number): boolean => {
      if (LINKED_PAGE_DATA_SIZE - used < size) {
        const pfn = k.getImagePage(safeNeeded, Role.BitmapChain, (page) =>
          k.rec.record('bmc.chain', { page, bitmap: id, what }),
        );
        if (pfn < 0) return false;
        if (inst.chainPfns.length === 0) k.rec.setReg(this.instReg, id);
        inst.chainPfns.unshift(pfn); // pushed at the head of the chain
        used = 0;
      }
      used += size;
      return true;
    };
    const populated = k.zones.filter((z) => z.populated);
    for (let i = 0; i < populated.length; i++) {
      if (!chainAlloc(SIZEOF_ZONE_BITMAP, 0)) return this.failCreate();
    }
    for (const z of populated) {
      const nr = divRoundUp(z.pages, BM_BITS_PER_BLOCK);
      const zone = {
        name: z.name,
        startPfn: z.start,
        endPfn: z.end,
        blocks: [] as BitmapInstance['zones'][0]['blocks'],
      };
      inst.zones.push(zone);
      for (let b = 0; b < nr; b++) if (!chainAlloc(SIZEOF_BM_BLOCK, 1)) return this.failCreate();
      let left = z.pages;
      let pfn = z.start;
      for (let b = 0; b < nr; b++) {
        const span = Math.min(left, BM_BITS_PER_BLOCK);
        const block = inst.blockZone.length;
        const first = pfn;
        const dataPfn = k.getImagePage(safeNeeded, Role.BitmapData, (page) =>
          k.rec.record('bmc.data', { page, first, bitmap: id, block }),
        );
        if (dataPfn < 0) return this.failCreate();
        zone.blocks.push({
          startPfn: pfn,
          endPfn: pfn + span,
          size: divRoundUp(span, BM_BITS_PER_CHUNK),
          dataPfn,
        });
        inst.blockZone.push(inst.zones.length - 1);
        pfn += span;
        left -= span;
      }
    }
    k.rec.setReg(this.instReg, id);
    k.rec.setReg(this.posReg, -1); // memory_bm_position_reset
    return 0;
  }

  private failCreate(): number {
    this.k.rec.record('bmc.fail', { bitmap: this.inst?.id ?? -1 });
    this.free(true, 'bmf.page');
    return -12;
  }

  /** memory_bm_free(bm, clear_nosave_free): data pages zone by zone, then the chain pages. */
  free(clearNsf: boolean, kind: BitmapFreeKind): void {
    const k = this.k;
    const inst = this.inst;
    if (!inst) return;
    const pages: number[] = [];
    for (const z of inst.zones) for (const b of z.blocks) pages.push(b.dataPfn);
    pages.push(...inst.chainPfns);
    let first = true;
    for (const pfn of pages) {
      k.rec.record(kind, { page: pfn, bitmap: inst.id, clear: clearNsf ? 1 : 0 });
      if (first) {
        this.clearAllBits();
        k.rec.setReg(this.instReg, -1);
        k.rec.setReg(this.posReg, -1);
        first = false;
      }
      k.freeImagePage(pfn, clearNsf);
    }
    this.inst = null;
  }

  private clearAllBits(): void {
    const flags = this.k.state.flags;
    for (let pfn = 0; pfn < flags.length; pfn++)
      if (flags[pfn] & this.bit) this.k.rec.clearFlags(pfn, this.bit);
  }

  /** memory_bm_set_bit(); false (-EINVAL) when no zone_bitmap covers the pfn. */
  setBit(pfn: number): boolean {
    const inst = this.inst;
    if (!inst) throw new Error('internal: set_bit on a bitmap that does not exist');
    if (!inst.zones.some((z) => pfn >= z.startPfn && pfn < z.endPfn)) return false;
    this.k.rec.orFlags(pfn, this.bit);
    return true;
  }

  positionReset(): void {
    this.k.rec.setReg(this.posReg, -1);
  }

  /**
   * memory_bm_next_pfn(): the next set bit after the position, in zone_bitmap then bm_block
   * order (ascending pfn); at the end it resets the position and returns -1 (BM_END_OF_MAP).
   */
  nextPfn(): number {
    const inst = this.inst;
    if (!inst) throw new Error('internal: next_pfn on a bitmap that does not exist');
    const flags = this.k.state.flags;
    const pos = this.k.state.regs[this.posReg];
    for (const z of inst.zones) {
      if (pos >= z.endPfn) continue;
      for (let pfn = Math.max(z.startPfn, pos + 1); pfn < z.endPfn; pfn++) {
        if (flags[pfn] & this.bit) {
          this.k.rec.setReg(this.posReg, pfn);
          return pfn;
        }
      }
    }
    this.k.rec.setReg(this.posReg, -1);
    return -1;
  }

  /** Frames this bitmap occupies (chain + data pages). */
  pageCount(): number {
    const inst = this.inst;
    if (!inst) return 0;
    return inst.chainPfns.length + inst.zones.reduce((s, z) => s + z.blocks.length, 0);
  }
}

export const OWNED = NS | NSF;
