import { BM_COPY, BM_ORIG, BM_SAFE_HIGH, BM_TMP, BM_ZERO, NS, NSF } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';
import { L, step } from './lines';
import { RtreeBitmap } from './rtree';

/**
 * The state of today's snapshot.c around one Kernel: the page primitives (get_image_page,
 * __get_safe_page, alloc_image_page, free_image_page), safe_pages_list, and the bitmap variables.
 * The forbidden and free bits are the frame flags NS and NSF, but only while the two basic
 * bitmaps exist: before create_basic_memory_bitmaps() has set both pointers (and after
 * free_basic_memory_bitmaps() has cleared them) every accessor does nothing.
 */
export class Today {
  /** forbidden_pages_map and free_pages_map both set. */
  basicMaps = false;
  readonly forbidden: RtreeBitmap;
  readonly freeMap: RtreeBitmap;
  readonly orig: RtreeBitmap;
  readonly copy: RtreeBitmap;
  readonly zero: RtreeBitmap;
  readonly tmp: RtreeBitmap;
  readonly safeHigh: RtreeBitmap;
  /** The lowmem reserve a highmem request honours; 0 without a populated HighMem zone. */
  readonly reserve: number;

  constructor(readonly k: Kernel) {
    this.forbidden = new RtreeBitmap(
      this,
      'forbidden_pages_map',
      NS,
      Reg.forbiddenBm,
      Reg.forbiddenPos,
    );
    this.freeMap = new RtreeBitmap(this, 'free_pages_map', NSF, Reg.freeBm, Reg.freePos);
    this.orig = new RtreeBitmap(this, 'orig_bm', BM_ORIG, Reg.origBm, Reg.origPos);
    this.copy = new RtreeBitmap(this, 'copy_bm', BM_COPY, Reg.copyBm, Reg.copyPos);
    this.zero = new RtreeBitmap(this, 'zero_bm', BM_ZERO, Reg.zeroBm, Reg.zeroPos);
    this.tmp = new RtreeBitmap(this, 'tmp', BM_TMP, Reg.tmpBm, Reg.tmpPos);
    this.safeHigh = new RtreeBitmap(
      this,
      'safe_highmem_bm',
      BM_SAFE_HIGH,
      Reg.safeHighBm,
      Reg.safePos,
    );
    const highmem = k.zones.some((z) => z.highmem && z.populated);
    this.reserve = highmem ? k.scenario.lowmemReserve : 0;
  }

  // --- the page-mark accessors: nothing while the basic bitmaps do not exist

  setForbidden(pfn: number): void {
    if (this.basicMaps) this.k.rec.orFlags(pfn, NS);
  }

  setFree(pfn: number): void {
    if (this.basicMaps) this.k.rec.orFlags(pfn, NSF);
  }

  unsetForbidden(pfn: number): void {
    if (this.basicMaps) this.k.rec.clearFlags(pfn, NS);
  }

  unsetFree(pfn: number): void {
    if (this.basicMaps) this.k.rec.clearFlags(pfn, NSF);
  }

  isFree(pfn: number): boolean {
    return this.basicMaps && (this.k.state.flags[pfn] & NSF) !== 0;
  }

  isForbidden(pfn: number): boolean {
    return this.basicMaps && (this.k.state.flags[pfn] & NS) !== 0;
  }

  /** forbidden + free: allocated by the snapshot code, or (resume) owned for a direct load. */
  owned(pfn: number): boolean {
    return this.isForbidden(pfn) && this.isFree(pfn);
  }

  // --- the allocator

  /** alloc_page(gfp) without a step: -1 when no allowed zone has a free frame. */
  take(highmem: boolean): number {
    return this.k.alloc.alloc(highmem, highmem ? this.reserve : 0);
  }

  /**
   * get_image_page(gfp, safe_needed): a zeroed lowmem page, marked forbidden + free. With PG_SAFE
   * every page whose free bit is set (an image pfn, "unsafe") is kept with its forbidden bit set
   * and counted in allocated_unsafe_pages; each such skip is its own step. The returned page's
   * step is started here with `line`. Returns -1 when lowmem is exhausted.
   */
  getImagePage(safeNeeded: boolean, role: number, line: string, n0 = 0, n1 = 0, p1 = -1): number {
    const k = this.k;
    let pfn = this.take(false);
    if (safeNeeded) {
      while (pfn >= 0 && this.isFree(pfn)) {
        const aup = k.rec.reg(Reg.allocatedUnsafePages) + 1;
        step(k, L.gipUnsafe, pfn, -1, -1, aup);
        k.claim(pfn, Role.UnsafeOwned, true);
        this.setForbidden(pfn);
        k.rec.setReg(Reg.allocatedUnsafePages, aup);
        pfn = this.take(false);
      }
    }
    if (pfn < 0) return -1;
    step(k, line, pfn, p1, -1, n0, n1);
    k.claim(pfn, role, true);
    this.setForbidden(pfn);
    this.setFree(pfn);
    return pfn;
  }

  /**
   * __get_safe_page(gfp): the head of safe_pages_list, memset to 0, or else
   * get_image_page(gfp, PG_SAFE). The step is started with `line` either way.
   */
  getSafePage(role: number, line: string, n0 = 0, n1 = 0, p1 = -1): number {
    const k = this.k;
    if (this.safeDepth() > 0) {
      const pfn = this.peekSafe();
      step(k, line, pfn, p1, -1, n0, n1);
      this.popSafe();
      k.rec.setRole(pfn, role);
      k.rec.setContent(pfn, 0);
      return pfn;
    }
    return this.getImagePage(true, role, line, n0, n1, p1);
  }

  /** alloc_image_page(gfp): any frame the request allows, marked forbidden + free; not zeroed. */
  allocImagePage(highmem: boolean, role: number, line: string, n0 = 0, n1 = 0): number {
    const pfn = this.take(highmem);
    if (pfn < 0) return -1;
    step(this.k, line, pfn, -1, -1, n0, n1);
    this.k.claim(pfn, role, false);
    this.setForbidden(pfn);
    this.setFree(pfn);
    return pfn;
  }

  /** free_image_page(page, clear): unset forbidden, unset free if asked, __free_page(). */
  freeImagePage(pfn: number, clearFree: boolean): void {
    this.unsetForbidden(pfn);
    if (clearFree) this.unsetFree(pfn);
    this.k.release(pfn);
  }

  // --- safe_pages_list: a stack of pages, pushed at the head

  safeDepth(): number {
    return this.k.rec.reg(Reg.safePushed) - this.k.rec.reg(Reg.safePopped);
  }

  /**
   * Pushes `pfn` on safe_pages_list. The list is kept as a window of Trace.safePages
   * ([safeBase, safeBase + depth), top last); a push after pops first copies the live window to
   * the end of the table, so every step's list can be read back from the registers alone.
   */
  pushSafe(pfn: number): void {
    const rec = this.k.rec;
    const depth = this.safeDepth();
    const base = rec.reg(Reg.safeBase);
    if (base + depth !== rec.safePages.length) {
      const start = rec.safePages.length;
      for (let i = 0; i < depth; i++) rec.safePages.push(rec.safePages.data[base + i]);
      rec.setReg(Reg.safeBase, start);
      rec.setReg(Reg.safePushed, depth);
      rec.setReg(Reg.safePopped, 0);
    }
    rec.safePages.push(pfn);
    rec.addReg(Reg.safePushed, 1);
  }

  peekSafe(): number {
    const rec = this.k.rec;
    return rec.safePages.data[rec.reg(Reg.safeBase) + this.safeDepth() - 1];
  }

  popSafe(): number {
    const rec = this.k.rec;
    const depth = this.safeDepth();
    if (depth <= 0) throw new Error('internal: pop from an empty safe_pages_list');
    const pfn = rec.safePages.data[rec.reg(Reg.safeBase) + depth - 1];
    rec.addReg(Reg.safePopped, 1);
    return pfn;
  }

  /** safe_pages_list = NULL */
  clearSafe(): void {
    const rec = this.k.rec;
    rec.setReg(Reg.safeBase, rec.safePages.length);
    rec.setReg(Reg.safePushed, 0);
    rec.setReg(Reg.safePopped, 0);
  }

  /** The highmem page test of the kernel: PageHighMem(pfn_to_page(pfn)). */
  highmem(pfn: number): boolean {
    return this.k.isHighmem(pfn);
  }

  /** alloc_normal / alloc_highmem */
  get allocNormal(): number {
    return this.k.rec.reg(Reg.allocNormal);
  }

  get allocHighmem(): number {
    return this.k.rec.reg(Reg.allocHighmem);
  }
}
