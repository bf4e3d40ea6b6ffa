import type { Policy } from './scenario/types';
import { mulberry32 } from './rng';
import type { FrameWatch } from './trace/recorder';

/**
 * The page allocator of the model. Each zone keeps its free frames in a Fenwick tree over the
 * zone's pfns, so "the k-th free frame in ascending pfn order" costs O(log n): that one query
 * serves all three policies (lowest-first k = 0, highest-first k = n-1, random k = floor(u*n)).
 * Zone fallback follows the kernel's zonelists: lowmem requests Normal then DMA, highmem requests
 * HighMem then Normal then DMA.
 */
export interface AllocZone {
  name: string;
  start: number;
  end: number;
  highmem: boolean;
}

class FreeTree {
  private readonly tree: Int32Array;
  private readonly isFree: Uint8Array;
  private readonly top: number;
  count = 0;

  constructor(readonly size: number) {
    this.tree = new Int32Array(size + 1);
    this.isFree = new Uint8Array(size);
    let top = 1;
    while (top * 2 <= size) top *= 2;
    this.top = top;
  }

  /** Builds the tree from a 0/1 array in O(n). */
  load(free: Uint8Array): void {
    this.isFree.set(free);
    this.tree.fill(0);
    this.count = 0;
    for (let i = 1; i <= this.size; i++) {
      this.tree[i] += free[i - 1];
      this.count += free[i - 1];
      const j = i + (i & -i);
      if (j <= this.size) this.tree[j] += this.tree[i];
    }
  }

  has(i: number): boolean {
    return this.isFree[i] === 1;
  }

  private add(i: number, d: number): void {
    for (let x = i + 1; x <= this.size; x += x & -x) this.tree[x] += d;
  }

  set(i: number, free: boolean): void {
    const v = free ? 1 : 0;
    if (this.isFree[i] === v)
      throw new Error(`internal: frame ${i} of the zone is already ${free ? 'free' : 'in use'}`);
    this.isFree[i] = v;
    this.count += free ? 1 : -1;
    this.add(i, free ? 1 : -1);
  }

  /** Index (0-based) of the k-th free frame, k 0-based. */
  kth(k: number): number {
    let pos = 0;
    let rem = k + 1;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next] < rem) {
        pos = next;
        rem -= this.tree[next];
      }
    }
    return pos; // 1-based position pos+1 → 0-based index pos
  }
}

export class Allocator {
  private readonly trees: FreeTree[];
  private readonly draw: () => number;
  /** Free flag per pfn over the whole machine, for O(1) isFree() in the page-walking loops. */
  private readonly freeMap: Uint8Array;
  private readonly lowOrder: number[];
  private readonly highOrder: number[];
  /** Told of every frame whose free state changes (incremental counts in the kernel). */
  watch: FrameWatch | null = null;

  constructor(
    readonly zones: readonly AllocZone[],
    readonly policy: Policy,
    seed: number,
  ) {
    this.trees = zones.map((z) => new FreeTree(z.end - z.start));
    this.freeMap = new Uint8Array(zones.length ? zones[zones.length - 1].end : 0);
    this.draw = mulberry32(seed);
    const byName = (n: string) => zones.findIndex((z) => z.name === n);
    this.lowOrder = ['Normal', 'DMA'].map(byName).filter((i) => i >= 0);
    this.highOrder = ['HighMem', 'Normal', 'DMA'].map(byName).filter((i) => i >= 0);
  }

  /** Loads the free set from a per-frame 0/1 array over the whole machine. */
  load(free: Uint8Array): void {
    this.zones.forEach((z, i) => this.trees[i].load(free.subarray(z.start, z.end)));
    this.freeMap.set(free);
    this.watch?.touchAll();
  }

  zoneIndex(pfn: number): number {
    for (let i = 0; i < this.zones.length; i++) if (pfn < this.zones[i].end) return i;
    return -1;
  }

  isFree(pfn: number): boolean {
    return this.freeMap[pfn] === 1;
  }

  freeIn(zone: number): number {
    return this.trees[zone].count;
  }

  freeLowmem(): number {
    let n = 0;
    this.zones.forEach((z, i) => {
      if (!z.highmem) n += this.trees[i].count;
    });
    return n;
  }

  freeHighmem(): number {
    let n = 0;
    this.zones.forEach((z, i) => {
      if (z.highmem) n += this.trees[i].count;
    });
    return n;
  }

  /**
   * Takes one frame; `highmem` is __GFP_HIGHMEM. Returns the pfn, or -1 when every zone is full.
   * A highmem request falls back to a lowmem zone only while that zone has more than
   * `lowmemReserve` free frames (linux-6.12's lowmem_reserve[ZONE_HIGHMEM]; 0 elsewhere).
   */
  alloc(highmem: boolean, lowmemReserve = 0): number {
    for (const zi of highmem ? this.highOrder : this.lowOrder) {
      const tree = this.trees[zi];
      const n = tree.count;
      if (n === 0) continue;
      if (highmem && !this.zones[zi].highmem && n <= lowmemReserve) continue;
      let k: number;
      if (this.policy === 'lowest-first') k = 0;
      else if (this.policy === 'highest-first') k = n - 1;
      else k = Math.floor(this.draw() * n);
      const idx = tree.kth(k);
      tree.set(idx, false);
      const pfn = this.zones[zi].start + idx;
      this.freeMap[pfn] = 0;
      this.watch?.touch(pfn);
      return pfn;
    }
    return -1;
  }

  /** Takes a specific free frame (shrink_all_memory's counterpart is free()). */
  take(pfn: number): void {
    const z = this.zoneIndex(pfn);
    this.trees[z].set(pfn - this.zones[z].start, false);
    this.freeMap[pfn] = 0;
    this.watch?.touch(pfn);
  }

  free(pfn: number): void {
    const z = this.zoneIndex(pfn);
    this.trees[z].set(pfn - this.zones[z].start, true);
    this.freeMap[pfn] = 1;
    this.watch?.touch(pfn);
  }
}
