import {
  BM_BITS_PER_BLOCK,
  BM_BITS_PER_CHUNK,
  divRoundUp,
  ENOMEM,
  LINKED_PAGE_DATA_SIZE,
} from '../../constants';
import type { RegId } from '../../registers';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { BitmapInstance } from '../../trace/trace';
import { L, step } from './lines';
import type { Today } from './today';

/** sizeof(struct mem_zone_bm_rtree) and sizeof(struct rtree_node) on i386. */
export const SIZEOF_MEM_ZONE_BM_RTREE = 44;
export const SIZEOF_RTREE_NODE = 12;
/** BM_RTREE_LEVEL_SHIFT on 32-bit: 1024 child pointers per inner node. */
export const BM_RTREE_LEVEL_SHIFT = 10;
export const BM_RTREE_LEVEL_MASK = (1 << BM_RTREE_LEVEL_SHIFT) - 1;
export const BM_BLOCK_SHIFT = 15;
export const BM_BLOCK_MASK = (1 << BM_BLOCK_SHIFT) - 1;

/** struct rtree_node: the page it owns; an inner node also keeps its child pointers. */
interface RtreeNode {
  pfn: number;
  children: (RtreeNode | null)[] | null;
}

/** struct mem_zone_bm_rtree: one radix tree over one memory extent. */
interface MemZoneBmRtree {
  startPfn: number;
  endPfn: number;
  rtree: RtreeNode | null;
  levels: number;
  blocks: number;
  /** Inner nodes and leaves, each list in allocation order (list_add_tail). */
  nodes: RtreeNode[];
  leaves: RtreeNode[];
}

/** struct bm_position */
interface BmPosition {
  zone: number;
  node: number; // index in the zone's leaves
  nodePfn: number;
  curPfn: number; // -1 is BM_END_OF_MAP
  nodeBit: number;
}

/** A pfn range that memory_bm_create() builds one tree over. */
export interface MemExtent {
  start: number;
  end: number;
  zones: string[];
}

/**
 * create_mem_extents(): the populated zones' pfn ranges, merged when they touch or overlap. The
 * merge test is `zone_start <= ext->end` on an exclusive end, so adjacent zones merge: on i386 a
 * machine without holes between zones gets one extent over all of its memory.
 */
export function createMemExtents(
  zones: readonly { name: string; start: number; end: number; populated: boolean }[],
): MemExtent[] {
  const list: MemExtent[] = [];
  for (const z of zones) {
    if (!z.populated) continue;
    let i = list.findIndex((ext) => z.start <= ext.end);
    if (i < 0 || z.end < list[i].start) {
      const ext = { start: z.start, end: z.end, zones: [z.name] };
      if (i < 0) list.push(ext);
      else list.splice(i, 0, ext);
      continue;
    }
    const ext = list[i];
    ext.zones.push(z.name);
    if (z.start < ext.start) ext.start = z.start;
    if (z.end > ext.end) ext.end = z.end;
    for (i = i + 1; i < list.length;) {
      const cur = list[i];
      if (z.end < cur.start) break;
      if (z.end < cur.end) ext.end = cur.end;
      ext.zones.push(...cur.zones);
      list.splice(i, 1);
    }
  }
  return list;
}

/** Inner nodes a tree of `blocks` leaves needs (Σ ⌈B/1024^l⌉ for the levels above the leaves). */
export function innerNodes(blocks: number): number {
  let levels = 0;
  for (let b = blocks - 1; b > 0; b >>= BM_RTREE_LEVEL_SHIFT) levels++;
  let n = 0;
  let width = blocks;
  for (let l = 0; l < levels; l++) {
    width = Math.ceil(width / (1 << BM_RTREE_LEVEL_SHIFT));
    n += width;
  }
  return n;
}

/**
 * A struct memory_bitmap of today's snapshot.c: one radix tree per memory extent, its tree
 * objects (44 bytes) and nodes (12 bytes) in a chain of pages, each node owning one page (an
 * inner node of 1024 child pointers, or a leaf of 32768 bits). The bits themselves are mirrored
 * in one flag bit per frame (`bit`), so the grid can overlay them; the tree shape is kept in a
 * BitmapInstance (extents as zones, leaves as blocks, inner nodes in `rtree`). The position is
 * the kernel's struct bm_position; its cur_pfn is mirrored in `posReg` for the panels.
 */
export class RtreeBitmap {
  inst: BitmapInstance | null = null;
  private trees: MemZoneBmRtree[] = [];
  private chain: number[] = []; // p_list, head first
  private cur: BmPosition = { zone: 0, node: 0, nodePfn: 0, curPfn: -1, nodeBit: 0 };

  constructor(
    private readonly t: Today,
    readonly name: string,
    readonly bit: number,
    readonly instReg: RegId,
    readonly posReg: RegId,
  ) {}

  get exists(): boolean {
    return this.inst !== null;
  }

  /**
   * memory_bm_create(bm, gfp_mask, safe_needed): chain_init, create_mem_extents, then one
   * create_zone_bm_rtree() per extent. Returns 0, or -ENOMEM after memory_bm_free(PG_UNSAFE_CLEAR)
   * of what was built (unsafe pages skipped on the way stay allocated, as in the kernel).
   */
  create(safeNeeded: boolean): number {
    const t = this.t;
    const k = t.k;
    const id = k.rec.bitmaps.length;
    const inst: BitmapInstance = {
      id,
      name: this.name,
      side: k.state.regs[Reg.side],
      safeNeeded,
      zones: [],
      chainPfns: [],
      blockZone: [],
      rtree: [],
    };
    k.rec.bitmaps.push(inst);
    this.inst = inst;
    this.trees = [];
    this.chain = [];
    const extents = createMemExtents(k.zones);
    step(k, L.bmcStart, -1, -1, -1, id, extents.length);
    k.rec.setReg(this.instReg, id);
    let used = LINKED_PAGE_DATA_SIZE; // chain_init
    const chainAlloc = (size: number, what: number): boolean => {
      if (LINKED_PAGE_DATA_SIZE - used < size) {
        const pfn = safeNeeded
          ? t.getSafePage(Role.BitmapChain, L.bmcChainSafe, id, what)
          : t.getImagePage(false, Role.BitmapChain, L.bmcChain, id, what);
        if (pfn < 0) return false;
        this.chain.unshift(pfn);
        inst.chainPfns.unshift(pfn);
        used = 0;
      }
      used += size;
      return true;
    };
    const allocNode = (
      tree: MemZoneBmRtree,
      leaf: boolean,
      what: number,
      at: number,
    ): RtreeNode | null => {
      if (!chainAlloc(SIZEOF_RTREE_NODE, leaf ? 2 : 1)) return null;
      const pfn = t.getImagePage(
        safeNeeded,
        leaf ? Role.BitmapData : Role.BitmapNode,
        leaf ? L.bmcLeaf : L.bmcNode,
        id,
        what,
        at,
      );
      if (pfn < 0) return null;
      const node: RtreeNode = { pfn, children: leaf ? null : [] };
      (leaf ? tree.leaves : tree.nodes).push(node);
      return node;
    };
    for (let e = 0; e < extents.length; e++) {
      const ext = extents[e];
      if (!chainAlloc(SIZEOF_MEM_ZONE_BM_RTREE, 0)) return this.failCreate(null);
      const tree: MemZoneBmRtree = {
        startPfn: ext.start,
        endPfn: ext.end,
        rtree: null,
        levels: 0,
        blocks: 0,
        nodes: [],
        leaves: [],
      };
      const zone = {
        name: ext.zones.join(' + '),
        startPfn: ext.start,
        endPfn: ext.end,
        blocks: [] as BitmapInstance['zones'][0]['blocks'],
      };
      inst.zones.push(zone);
      const shape = { levels: 0, nodePfns: [] as number[] };
      inst.rtree?.push(shape);
      const nrBlocks = divRoundUp(ext.end - ext.start, BM_BITS_PER_BLOCK);
      for (let b = 0; b < nrBlocks; b++) {
        // add_rtree_block(): levels first, then the leaf, then any missing inner node on the way
        let levelsNeeded = 0;
        for (let nr = tree.blocks; nr; nr >>>= BM_RTREE_LEVEL_SHIFT) levelsNeeded++;
        for (let i = tree.levels; i < levelsNeeded; i++) {
          const node = allocNode(tree, false, b, ext.start + b * BM_BITS_PER_BLOCK);
          if (!node) return this.failCreate(tree);
          node.children = [tree.rtree];
          tree.rtree = node;
          tree.levels++;
          shape.levels = tree.levels;
          shape.nodePfns.push(node.pfn);
        }
        const leafStart = ext.start + b * BM_BITS_PER_BLOCK;
        const block = allocNode(tree, true, b, leafStart);
        if (!block) return this.failCreate(tree);
        let parent: RtreeNode | null = null;
        let node = tree.rtree;
        for (let i = tree.levels; i > 0; i--) {
          if (!node) {
            node = allocNode(tree, false, b, leafStart);
            if (!node) return this.failCreate(tree);
            shape.nodePfns.push(node.pfn);
            if (parent?.children) parent.children[this.index(tree.blocks, i + 1)] = node;
            else tree.rtree = node;
          }
          parent = node;
          node = node.children?.[this.index(tree.blocks, i)] ?? null;
        }
        if (parent?.children) parent.children[this.index(tree.blocks, 1)] = block;
        else tree.rtree = block;
        tree.blocks++;
        const span = Math.min(ext.end - leafStart, BM_BITS_PER_BLOCK);
        zone.blocks.push({
          startPfn: leafStart,
          endPfn: leafStart + span,
          size: divRoundUp(span, BM_BITS_PER_CHUNK),
          dataPfn: block.pfn,
        });
        inst.blockZone.push(inst.zones.length - 1);
      }
      this.trees.push(tree);
    }
    this.positionReset();
    return 0;
  }

  private index(blockNr: number, level: number): number {
    return (blockNr >>> ((level - 1) * BM_RTREE_LEVEL_SHIFT)) & BM_RTREE_LEVEL_MASK;
  }

  /** free_zone_bm_rtree() of the failing tree, then memory_bm_free() of the rest: -ENOMEM. */
  private failCreate(failing: MemZoneBmRtree | null): number {
    const k = this.t.k;
    step(k, L.bmcFail, -1, -1, -1, this.inst?.id ?? -1);
    if (failing) {
      for (const n of [...failing.nodes, ...failing.leaves]) {
        step(k, L.bmfPage, n.pfn, -1, -1, this.inst?.id ?? -1, 1);
        this.t.freeImagePage(n.pfn, true);
      }
    }
    this.free(true);
    return ENOMEM;
  }

  /** The pages of the bitmap in memory_bm_free() order: per tree inner nodes, leaves; then p_list. */
  pages(): number[] {
    const out: number[] = [];
    for (const tree of this.trees) {
      for (const n of tree.nodes) out.push(n.pfn);
      for (const n of tree.leaves) out.push(n.pfn);
    }
    out.push(...this.chain);
    return out;
  }

  /** Every page: chain, inner nodes and leaves. */
  pageCount(): number {
    return this.pages().length;
  }

  /** memory_bm_free(bm, clear_nosave_free): inner nodes, leaves, then the chain from its head. */
  free(clearNsf: boolean, line: string = L.bmfPage): void {
    const k = this.t.k;
    if (!this.inst) return;
    const id = this.inst.id;
    let first = true;
    for (const pfn of this.pages()) {
      step(k, line, pfn, -1, -1, id, clearNsf ? 1 : 0);
      if (first) this.vanish();
      first = false;
      this.t.freeImagePage(pfn, clearNsf);
    }
    if (first) {
      step(k, line, -1, -1, -1, id, clearNsf ? 1 : 0);
      this.vanish();
    }
    this.inst = null;
    this.trees = [];
    this.chain = [];
  }

  /**
   * memory_bm_recycle(bm): the same pages in the same order, each pushed on safe_pages_list
   * instead of being freed, so the chain's oldest page ends on top.
   */
  recycle(line: string): number {
    const k = this.t.k;
    if (!this.inst) return 0;
    const pages = this.pages();
    let first = true;
    for (const pfn of pages) {
      step(k, line, pfn, -1, -1, this.inst.id);
      if (first) this.vanish();
      first = false;
      k.rec.setRole(pfn, Role.SafePage);
      this.t.pushSafe(pfn);
    }
    this.inst = null;
    this.trees = [];
    this.chain = [];
    return pages.length;
  }

  /** The bitmap stops existing: its bits go with it. */
  private vanish(): void {
    const k = this.t.k;
    const flags = k.state.flags;
    for (let pfn = 0; pfn < flags.length; pfn++)
      if (flags[pfn] & this.bit) k.rec.clearFlags(pfn, this.bit);
    k.rec.setReg(this.instReg, -1);
    k.rec.setReg(this.posReg, -1);
  }

  /** memory_bm_position_reset() */
  positionReset(): void {
    this.cur = { zone: 0, node: 0, nodePfn: 0, curPfn: -1, nodeBit: 0 };
    this.t.k.rec.setReg(this.posReg, -1);
  }

  /**
   * memory_bm_find_bit(): the cached leaf when the pfn is in the current block, else a walk from
   * the root. Updates the position (zone, node, node_pfn, cur_pfn; not node_bit) as the kernel
   * does. Returns false for -EFAULT (no tree covers the pfn).
   */
  findBit(pfn: number): boolean {
    let z: number;
    const cz = this.trees[this.cur.zone] as MemZoneBmRtree | undefined;
    if (cz && pfn >= cz.startPfn && pfn < cz.endPfn) z = this.cur.zone;
    else z = this.trees.findIndex((t) => pfn >= t.startPfn && pfn < t.endPfn);
    if (z < 0) return false;
    const tree = this.trees[z];
    const nodePfn = (pfn - tree.startPfn) & ~BM_BLOCK_MASK;
    const node = (pfn - tree.startPfn) >>> BM_BLOCK_SHIFT;
    this.cur.zone = z;
    this.cur.node = node;
    this.cur.nodePfn = nodePfn;
    this.cur.curPfn = pfn;
    this.t.k.rec.setReg(this.posReg, pfn);
    return true;
  }

  private need(pfn: number, op: string): void {
    if (!this.inst) throw new Error(`internal: ${op} on ${this.name}, which does not exist`);
    if (!this.findBit(pfn))
      throw new Error(`internal: ${op}(${this.name}, ${pfn}): BUG_ON(-EFAULT)`);
  }

  /** memory_bm_set_bit() */
  setBit(pfn: number): void {
    this.need(pfn, 'memory_bm_set_bit');
    this.t.k.rec.orFlags(pfn, this.bit);
  }

  /** memory_bm_clear_bit() */
  clearBit(pfn: number): void {
    this.need(pfn, 'memory_bm_clear_bit');
    this.t.k.rec.clearFlags(pfn, this.bit);
  }

  /** memory_bm_test_bit() */
  testBit(pfn: number): boolean {
    this.need(pfn, 'memory_bm_test_bit');
    return (this.t.k.state.flags[pfn] & this.bit) !== 0;
  }

  /** memory_bm_pfn_present() */
  pfnPresent(pfn: number): boolean {
    return this.inst !== null && this.findBit(pfn);
  }

  /** memory_bm_get_current(): the pfn last returned by memory_bm_next_pfn(), or -1. */
  getCurrent(): number {
    return this.cur.curPfn;
  }

  /** memory_bm_clear_current(): clears bit max(node_bit − 1, 0) of the current leaf. */
  clearCurrent(): void {
    const tree = this.trees[this.cur.zone];
    const pfn = tree.startPfn + this.cur.nodePfn + Math.max(this.cur.nodeBit - 1, 0);
    this.t.k.rec.clearFlags(pfn, this.bit);
  }

  /**
   * memory_bm_next_pfn(): find_next_bit in the current leaf, then rtree_next_node() along the
   * leaves and the trees. At the end it returns -1 (BM_END_OF_MAP) and sets cur_pfn to it without
   * resetting the position.
   */
  nextPfn(): number {
    if (!this.inst)
      throw new Error(`internal: memory_bm_next_pfn on ${this.name}, which does not exist`);
    const flags = this.t.k.state.flags;
    const c = this.cur;
    for (;;) {
      const tree = this.trees[c.zone];
      const pages = tree.endPfn - tree.startPfn;
      const bits = Math.min(pages - c.nodePfn, BM_BITS_PER_BLOCK);
      const base = tree.startPfn + c.nodePfn;
      for (let bit = c.nodeBit; bit < bits; bit++) {
        if (flags[base + bit] & this.bit) {
          c.nodeBit = bit + 1;
          c.curPfn = base + bit;
          this.t.k.rec.setReg(this.posReg, c.curPfn);
          return c.curPfn;
        }
      }
      // rtree_next_node()
      if (c.node + 1 < tree.leaves.length) {
        c.node++;
        c.nodePfn += BM_BITS_PER_BLOCK;
        c.nodeBit = 0;
      } else if (c.zone + 1 < this.trees.length) {
        c.zone++;
        c.node = 0;
        c.nodePfn = 0;
        c.nodeBit = 0;
      } else {
        break;
      }
    }
    c.curPfn = -1;
    this.t.k.rec.setReg(this.posReg, -1);
    return -1;
  }

  /** Set bits in [start, end), for the content of a leaf page. */
  bitsIn(start: number, end: number): number {
    const flags = this.t.k.state.flags;
    let n = 0;
    for (let pfn = start; pfn < end; pfn++) if (flags[pfn] & this.bit) n++;
    return n;
  }

  /** Pages of each kind, for the content of the bitmap's own pages when they are saved. */
  layout(): {
    chain: number[];
    nodes: number[];
    leaves: { pfn: number; start: number; end: number }[];
  } {
    const leaves: { pfn: number; start: number; end: number }[] = [];
    const nodes: number[] = [];
    for (const tree of this.trees) {
      for (const n of tree.nodes) nodes.push(n.pfn);
      tree.leaves.forEach((n, i) => {
        const start = tree.startPfn + i * BM_BITS_PER_BLOCK;
        leaves.push({ pfn: n.pfn, start, end: Math.min(tree.endPfn, start + BM_BITS_PER_BLOCK) });
      });
    }
    return { chain: [...this.chain], nodes, leaves };
  }
}

/** The register pair a bitmap variable is shown through. */
export const BITMAP_REGS = {
  orig: { inst: Reg.origBm, pos: Reg.origPos },
  copy: { inst: Reg.copyBm, pos: Reg.copyPos },
  zero: { inst: Reg.zeroBm, pos: Reg.zeroPos },
  safeHigh: { inst: Reg.safeHighBm, pos: Reg.safePos },
} as const;
