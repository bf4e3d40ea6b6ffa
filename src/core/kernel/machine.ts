import type { AllocZone } from '../allocator';
import type { Scenario } from '../scenario/types';

/** Zones as the kernel sees them: pfn ranges in for_each_zone order. */
export interface Zone extends AllocZone {
  index: number;
  /** spanned_pages */
  pages: number;
  /** populated_zone(): at least one valid frame. */
  populated: boolean;
}

export function buildZones(s: Scenario): Zone[] {
  const zones: Zone[] = [];
  let start = 0;
  s.zones.forEach((z, index) => {
    const end = start + z.pages;
    let populated = false;
    for (let p = start; p < end; p++) {
      if (s.suspend[p] !== 88 /* X */) {
        populated = true;
        break;
      }
    }
    zones.push({ index, name: z.name, start, end, highmem: z.highmem, pages: z.pages, populated });
    start = end;
  });
  return zones;
}
