/**
 * Frames changed since a whole-zone walk last looked. mark_free_pages() and
 * count_data_pages() / count_highmem_pages() walk every frame of a zone, and the shrink loop calls
 * them every round: on a 4 GiB machine that was 54 walks of the whole machine, on 16 GiB 124. A
 * walk only has to revisit the frames whose role, flags or free state changed since the last one;
 * every other frame gives the same answer as before. The first walk of a zone, and any walk after
 * a bulk replace, still visits the whole zone.
 */
import type { FrameWatch } from '../trace/recorder';

interface ZoneSpan {
  start: number;
  end: number;
}

export class DirtyFrames implements FrameWatch {
  /** Tests set this to walk every zone whole, the reference the incremental walks must equal. */
  static alwaysWhole = false;
  private readonly seen: Uint8Array;
  private list: Int32Array;
  private n = 0;
  /** Per zone: no walk since the start or the last bulk replace, so the next one is whole. */
  private readonly whole: boolean[];
  private readonly limit: number;

  constructor(
    frames: number,
    private readonly zones: readonly ZoneSpan[],
  ) {
    this.seen = new Uint8Array(frames);
    this.limit = Math.max(1024, frames >> 4);
    this.list = new Int32Array(Math.min(this.limit, 1024));
    this.whole = zones.map(() => true);
  }

  touch(pfn: number): void {
    if (this.seen[pfn]) return;
    // A zone due for a whole walk needs no list.
    for (let z = 0; z < this.zones.length; z++) {
      if (pfn < this.zones[z].end) {
        if (this.whole[z]) return;
        break;
      }
    }
    // Past the limit a whole walk is about as cheap as the list: stop listing.
    if (this.n === this.limit) return this.touchAll();
    if (this.n === this.list.length) {
      const grown = new Int32Array(Math.min(this.limit, this.list.length * 2));
      grown.set(this.list);
      this.list = grown;
    }
    this.seen[pfn] = 1;
    this.list[this.n++] = pfn;
  }

  touchAll(): void {
    for (let i = 0; i < this.n; i++) this.seen[this.list[i]] = 0;
    this.n = 0;
    this.whole.fill(true);
  }

  /**
   * Takes zone `zi`'s changed frames, ascending, and forgets them; null when the zone must be
   * walked whole.
   */
  take(zi: number): Int32Array | null {
    const { start, end } = this.zones[zi];
    const out: number[] = [];
    let kept = 0;
    for (let i = 0; i < this.n; i++) {
      const pfn = this.list[i];
      if (pfn >= start && pfn < end) {
        out.push(pfn);
        this.seen[pfn] = 0;
      } else this.list[kept++] = pfn;
    }
    this.n = kept;
    if (this.whole[zi] || DirtyFrames.alwaysWhole) {
      this.whole[zi] = false;
      return null;
    }
    return Int32Array.from(out).sort();
  }
}

/** Passes every frame write on to several watchers. */
export function fanOut(watches: readonly FrameWatch[]): FrameWatch {
  return {
    touch: (pfn) => {
      for (const w of watches) w.touch(pfn);
    },
    touchAll: () => {
      for (const w of watches) w.touchAll();
    },
  };
}
