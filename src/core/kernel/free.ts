import { NS, NSF } from '../marks';
import { Reg } from '../registers';
import type { Kernel } from './kernel';

/**
 * swsusp_free(): releases every valid frame with PageNosave && PageNosaveFree, one step each, and
 * clears nr_copy_pages, nr_meta_pages, restore_pblist and buffer.
 */
export function swsuspFree(k: Kernel, kind: 'sf.page' | 'img.free' = 'sf.page'): number {
  let n = 0;
  const flags = k.state.flags;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    if (!k.pfnValid(pfn)) continue;
    if ((flags[pfn] & (NS | NSF)) !== (NS | NSF)) continue;
    n++;
    k.rec.record(kind, { page: pfn, nth: n });
    k.rec.clearFlags(pfn, NS | NSF);
    if (!k.alloc.isFree(pfn)) k.release(pfn);
  }
  k.rec.setReg(Reg.buffer, -1);
  return n;
}
