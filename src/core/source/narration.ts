import { ROLE_NAMES } from '../roles';
import type { Trace } from '../trace/trace';
import { lineFunction, lineKey } from './pseudocode';
import { LINUX612_NARRATION } from './steps-612';

/** What a narration template sees of one step. */
export interface StepView {
  p0: number;
  p1: number;
  p2: number;
  n0: number;
  n1: number;
  zone: (index: number) => string;
  bitmap: (id: number) => string;
  role: (pfn: number) => string;
}

type Template = (v: StepView) => string;
const pl = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const copyCase = ['low→low', 'high→low', 'high→high', 'low→high'];

/**
 * One sentence per step, in the kernel's vocabulary, naming the frames the step touched. Keyed by
 * the pseudocode line the step points at.
 */
const T: Record<string, Template> = {
  'sh.start': () =>
    'swsusp_shrink_memory starts: free memory until the image and its metadata fit in lowmem.',
  'sh.count': (v) =>
    `count_data_pages and count_highmem_pages find ${v.n0} saveable lowmem and ${v.n1} saveable highmem pages.`,
  'sh.tmp': (v) =>
    v.n0 > 0
      ? `tmp = ${v.n0}: lowmem is still ${pl(v.n0, 'page')} short for copies, PAGES_FOR_IO and bitmaps; the image would be ${pl(v.n1, 'page')}.`
      : `tmp = ${v.n0}: lowmem is large enough; the image would be ${pl(v.n1, 'page')}.`,
  'sh.free': (v) =>
    `shrink_all_memory frees reclaimable page-cache pfn ${v.p0} (${v.n0} of ${v.n1} asked for).`,
  'sh.imgsize': (v) =>
    `shrink_all_memory frees page-cache pfn ${v.p0} to bring the image under image_size (${v.n0} of ${v.n1}).`,
  'sh.enomem': (v) =>
    `shrink_all_memory freed nothing while ${pl(v.n0, 'page')} are still missing: swsusp_shrink_memory returns -ENOMEM and the suspend is abandoned.`,
  'sh.done': (v) => `Shrinking done: ${pl(v.n0, 'page')} freed.`,
  'mfp.mark': (v) =>
    `mark_free_pages(${v.zone(v.n0)}): NosaveFree now marks the zone's ${pl(v.n1, 'free frame')}.`,
  'save.drain': () =>
    'swsusp_save enters the critical section (IRQs off, one CPU); drain_local_pages has no per-CPU pages to return here.',
  'save.count': (v) =>
    `swsusp_save counts L = ${v.n0} saveable lowmem pages and H = ${v.n1} saveable highmem pages.`,
  'save.need': (v) => `swsusp: Need to copy ${v.n0} pages.`,
  'efm.check': (v) =>
    v.n0 > v.n1
      ? `enough_free_mem: ${v.n0} free lowmem pages > ${v.n1} needed (copies, highmem overflow, PAGES_FOR_IO, bitmaps): go on.`
      : `enough_free_mem: ${v.n0} free lowmem pages is not more than the ${v.n1} needed: "swsusp: Not enough free memory".`,
  'save.drain2': () =>
    'drain_local_pages again: pages freed during the allocation must be seen as free before orig_bm is filled.',
  'save.sizes': (v) =>
    `nr_copy_pages = ${v.n0}; nr_meta_pages = ${v.n1} (4 bytes per pfn, 1024 pfns per page).`,
  'save.done': (v) => `swsusp: critical section/: done (${v.n0} pages copied).`,
  'alloc.fail': () => 'swsusp_alloc could not get a page: swsusp_free releases everything it took.',
  'bmc.chain': (v) =>
    `chain_alloc takes pfn ${v.p0} as a chain page for ${v.bitmap(v.n0)}'s ${v.n1 === 0 ? 'zone_bitmap' : 'bm_block'} objects (20 bytes each).`,
  'bmc.data': (v) =>
    `pfn ${v.p0} becomes the data page of ${v.bitmap(v.n0)}'s bm_block ${v.n1} (one bit per pfn from pfn ${v.p1}).`,
  'bmc.fail': (v) =>
    `memory_bm_create(${v.bitmap(v.n0)}) ran out of pages: it frees what it took and returns -ENOMEM.`,
  'bmf.page': (v) =>
    `memory_bm_free(${v.bitmap(v.n0)}) frees pfn ${v.p0}${v.n1 ? '' : ' (PG_UNSAFE_KEEP: it stays marked unsafe)'}.`,
  'gip.unsafe': (v) =>
    `get_image_page(PG_SAFE) gets pfn ${v.p0}, an unsafe frame (an image pfn): it keeps it (Nosave) as a direct-load target; allocated_unsafe_pages = ${v.n0}.`,
  'ghb.get': (v) =>
    `get_highmem_buffer takes pfn ${v.p0} as buffer, the lowmem bounce page for highmem copies.`,
  'ahi.count': (v) =>
    `alloc_highmem_image_pages: ${pl(v.n0, 'copy', 'copies')} fit in free highmem; ${pl(v.n1, 'highmem page')} will get a lowmem copy.`,
  'ahi.alloc': (v) =>
    `alloc_image_page(__GFP_HIGHMEM) takes highmem pfn ${v.p0} for a copy (${v.n0} of ${v.n1}).`,
  'ahi.set': (v) => `memory_bm_set_bit(copy_bm, ${v.p0}).`,
  'alloc.low': (v) =>
    `alloc_image_page(GFP_ATOMIC) takes lowmem pfn ${v.p0} for a copy (${v.n0} of ${v.n1}).`,
  'alloc.lowset': (v) => `memory_bm_set_bit(copy_bm, ${v.p0}).`,
  'cdp.mark': (v) =>
    `copy_data_pages: mark_free_pages(${v.zone(v.n0)}) marks the ${pl(v.n1, 'free frame')} so that they are not saved.`,
  'cdp.set': (v) =>
    `pfn ${v.p0} (${v.role(v.p0)}) is saveable: memory_bm_set_bit(orig_bm, ${v.p0}).`,
  'cdp.reset': () =>
    'memory_bm_position_reset on orig_bm and copy_bm: both walks start at the lowest pfn.',
  'cdp.loop': () =>
    'memory_bm_next_pfn(orig_bm) returns BM_END_OF_MAP: every saveable page has its copy.',
  'cdpg.high': (v) =>
    `copy_data_page: highmem pfn ${v.p0} is copied into pfn ${v.p1} (${copyCase[v.n0]}, both through kmap_atomic).`,
  'cdpg.lowhigh': (v) =>
    `copy_data_page: lowmem pfn ${v.p0} goes through buffer ${v.p2} into highmem pfn ${v.p1} (low→high).`,
  'cdpg.low': (v) =>
    `copy_data_page: lowmem pfn ${v.p0} is copied into lowmem pfn ${v.p1} (low→low).`,
  'srn.buffer': (v) =>
    `snapshot_read_next: no highmem in the image, so buffer is allocated now: pfn ${v.p0}.`,
  'srn.header': (v) =>
    `init_header fills buffer ${v.p0} with swsusp_info: ${v.n0} image pages, ${v.n1} meta pages.`,
  'sw.start': (v) => `swsusp_write starts: the image is ${pl(v.n0, 'page')} on swap.`,
  'sw.swap': (v) =>
    v.n0 < 0
      ? `enough_swap: swap has room for the ${v.n1} pages needed.`
      : `enough_swap: ${v.n0} free swap pages against ${v.n1} needed.`,
  'sw.write': (v) => `swap_write_page writes the header from buffer ${v.p0} as image page ${v.n0}.`,
  'srn.meta': (v) =>
    `pack_pfns fills meta page ${v.n0} in buffer ${v.p0} with the next pfns of orig_bm, BM_END_OF_MAP-terminated.`,
  'srn.low': (v) =>
    `Image page ${v.n0} is read in place from lowmem copy pfn ${v.p0}: the data of pfn ${v.n1}.`,
  'srn.high': (v) =>
    `Highmem copy pfn ${v.p0} is bounced through buffer ${v.p1} into image page ${v.n0}: the data of pfn ${v.n1}.`,
  'sw.mark': (v) =>
    `mark_swapfiles writes the S1SUSPEND signature: ${pl(v.n0, 'page')} are on swap.`,
  'pd.off': () =>
    'The machine powers off: every frame of RAM loses its contents. Only the image on swap survives.',
  'pd.boot': () =>
    'A fresh boot kernel comes up with its own memory layout and reaches software_resume().',
  'chk.sig': () =>
    'swsusp_check finds S1SUSPEND in the swap header and writes back the original signature.',
  'swn.buffer': (v) =>
    `snapshot_write_next takes pfn ${v.p0} as buffer (PG_ANY) for the header and meta pages.`,
  'swn.header': (v) =>
    `load_header: the header checks out; nr_copy_pages = ${v.n0}, nr_meta_pages = ${v.n1}.`,
  'ch.check': (v) =>
    `check_header: kernel version, num_physpages (${v.n0}) and utsname match the running kernel.`,
  'ch.fail': () => 'check_header finds a mismatch: "swsusp: Resume mismatch".',
  'swn.copybm': () => 'memory_bm_create(copy_bm, PG_ANY) for the image pfns.',
  'swn.unpack': (v) =>
    `unpack_orig_pfns: meta page ${v.n0} in buffer ${v.p0} lists ${pl(v.n1, 'pfn')}.`,
  'unpack.set': (v) =>
    `memory_bm_set_bit(copy_bm, ${v.p0}): image page ${v.n0} belongs to pfn ${v.p0}.`,
  'swn.prepare': () => 'All meta pages are in: prepare_image sets up memory for the data pages.',
  'swn.chain': () =>
    'chain_init(&ca, PG_SAFE): PBEs will come from safe chain pages; orig_bm is walked from the start.',
  'swn.next': () => 'snapshot_write_next: the next data page.',
  'li.start': (v) => `Loading image data pages (${v.n0} pages).`,
  'li.read': (v) =>
    v.n0 === 0
      ? `swap_read_page reads the header into buffer ${v.p0}.`
      : v.n1 >= 0
        ? `swap_read_page reads image page ${v.n0} (the data of pfn ${v.n1}) into pfn ${v.p0}.`
        : `swap_read_page reads meta page ${v.n0} into buffer ${v.p0}.`,
  'li.fail': () =>
    'swap_read_page finds no next page on swap: -EFAULT. The image holds no data pages.',
  'li.done': () => 'Every image page is loaded.',
  'pi.free': (v) => `prepare_image frees buffer ${v.p0}: it may be an unsafe frame.`,
  'pi.count': (v) => `count_highmem_image_pages: ${pl(v.n0, 'image page')} belong in highmem.`,
  'mup.clear': () => 'mark_unsafe_pages: clear NosaveFree on every valid frame.',
  'mup.set': (v) =>
    `mark_unsafe_pages: NosaveFree now marks the ${pl(v.n0, 'image pfn')} as unsafe; allocated_unsafe_pages = 0.`,
  'pi.orig': () => 'memory_bm_create(orig_bm, PG_SAFE).',
  'pi.dup': () => 'duplicate_memory_bitmap(orig_bm, copy_bm).',
  'dup.set': (v) =>
    v.p0 < 0
      ? 'duplicate_memory_bitmap: copy_bm reaches BM_END_OF_MAP; orig_bm now holds every image pfn.'
      : `duplicate_memory_bitmap: memory_bm_set_bit(orig_bm, ${v.p0}).`,
  'pi.freecopy': (v) => `memory_bm_free(copy_bm, PG_UNSAFE_KEEP) frees pfn ${v.p0}.`,
  'pi.highmem': (v) => `prepare_highmem_image for ${pl(v.n0, 'highmem image page')}.`,
  'pi.reserve': (v) =>
    `prepare_image reserves safe pfn ${v.p0} on sp_list (${v.n0} of ${v.n1}) so chain_alloc will find safe pages for PBEs.`,
  'pi.prealloc': (v) =>
    v.n0
      ? `Preallocation: pfn ${v.p0} is safe and goes on safe_pages_list (${v.n1}).`
      : `Preallocation: pfn ${v.p0} is unsafe: it is kept (Nosave + NosaveFree) and its own image page will load straight into it (${v.n1}).`,
  'pi.freesp': (v) => `prepare_image frees sp_list page ${v.p0} for chain_alloc.`,
  'pi.fail': (v) =>
    `prepare_image could not get page ${v.n0 + 1} of ${v.n1}: swsusp_free, -ENOMEM.`,
  'phi.bm': () =>
    'memory_bm_create(safe_highmem_bm, PG_SAFE): copy_bm is reused for the safe highmem pages.',
  'phi.buffer': (v) =>
    `get_highmem_buffer(PG_SAFE) takes safe pfn ${v.p0} as buffer for highmem pages.`,
  'phi.count': (v) => `prepare_highmem_image will take ${pl(v.n0, 'highmem frame')}.`,
  'phi.alloc': (v) =>
    v.n0
      ? `alloc_page(__GFP_HIGHMEM) gives safe pfn ${v.p0}: memory_bm_set_bit(safe_highmem_bm, ${v.p0}).`
      : `alloc_page(__GFP_HIGHMEM) gives unsafe pfn ${v.p0}: kept as the direct-load target of its own image page.`,
  'phi.done': (v) => `safe_highmem_bm is ready with ${pl(v.n0, 'safe page')}.`,
  'gb.next': (v) => `get_buffer: the next image pfn in orig_bm is ${v.p0}.`,
  'gb.direct': (v) =>
    `get_buffer: pfn ${v.p0} is owned (Nosave + NosaveFree): its page loads straight into its own frame.`,
  'gb.pbe': (v) =>
    `get_buffer: pfn ${v.p0} is busy in the boot kernel: a PBE sends its page to safe pfn ${v.p1} (pushed on restore_pblist).`,
  'gb.fail': () => 'chain_alloc found no safe page for the PBE: swsusp_free, -ENOMEM.',
  'ca.page': (v) => `chain_alloc takes safe pfn ${v.p0} as PBE chain page ${v.n0}.`,
  'ghpb.direct': (v) =>
    `get_highmem_page_buffer: highmem pfn ${v.p0} is owned: its page is read into buffer ${v.p1} and copied there next.`,
  'ghpb.high': (v) =>
    `get_highmem_page_buffer: highmem pfn ${v.p0} is busy: a highmem PBE keeps its page in safe highmem pfn ${v.p1}, via buffer ${v.p2}.`,
  'ghpb.low': (v) =>
    `get_highmem_page_buffer: highmem pfn ${v.p0} is busy and safe highmem is used up: its page goes to safe lowmem pfn ${v.p1}.`,
  'clhp.copy': (v) => `copy_last_highmem_page copies buffer ${v.p0} into highmem pfn ${v.p1}.`,
  'swf.copy': (v) =>
    `snapshot_write_finalize: copy_last_highmem_page copies buffer ${v.p0} into pfn ${v.p1}.`,
  'swf.orig': (v) => `snapshot_write_finalize: memory_bm_free(orig_bm) frees pfn ${v.p0}.`,
  'swf.high': (v) => `free_highmem_data frees pfn ${v.p0}.`,
  'res.irq': () => 'swsusp_resume: IRQs off, devices powered down, processor state saved.',
  'res.rh': (v) => `restore_highmem: ${pl(v.n0, 'highmem PBE')} to swap.`,
  'res.arch': () => 'swsusp_arch_resume: the assembly restore loop takes over.',
  'res.fail': () => 'The restore cannot go on: swsusp_free, and the boot kernel carries on.',
  'rh.buf': (v) => `restore_highmem takes safe pfn ${v.p0} as the bounce page.`,
  'rh.swap': (v) =>
    `swap_two_pages_data: pfn ${v.p0} and pfn ${v.p1} trade contents through ${v.p2}; pfn ${v.p1} holds its image page again.`,
  'rh.free': (v) => `restore_highmem frees bounce page ${v.p0}.`,
  'ar.cr3': (v) => `cr3 = swsusp_pg_dir; edx = restore_pblist (${pl(v.n0, 'PBE')}).`,
  'ar.copy': (v) =>
    `rep movsl: safe pfn ${v.p0} is copied back into its original frame, pfn ${v.p1}.`,
  'ar.ret': () => 'TLB flushed, registers restored; ret lands in the image kernel.',
  'sf.page': (v) => `swsusp_free releases pfn ${v.p0}.`,
  'img.back': () =>
    'The image kernel runs again: in_suspend (a __nosavedata variable) reads 0, so this is a resume.',
  'img.free': (v) =>
    `swsusp_free in the restored kernel releases its suspend-time page pfn ${v.p0}.`,
  'img.verify': (v) =>
    v.n1 === 0
      ? `Restored: all ${v.n0} saved pages match their snapshot.`
      : `${v.n1} of ${v.n0} saved pages do not match their snapshot.`,
};

export interface NarrationContext {
  zoneNames: readonly string[];
}

/** The narration of step `step` of `trace`. */
export function narrate(
  trace: Trace,
  ctx: NarrationContext,
  step: number,
  roleAt?: (pfn: number) => number,
): string {
  const c = trace.columns;
  const line = c.line[step];
  const key = lineKey(line);
  const v: StepView = {
    p0: c.p0[step],
    p1: c.p1[step],
    p2: c.p2[step],
    n0: c.n0[step],
    n1: c.n1[step],
    zone: (i) => ctx.zoneNames[i] ?? `zone ${i}`,
    bitmap: (id) => trace.tables.bitmaps[id]?.name ?? 'bitmap',
    role: (pfn) => ROLE_NAMES[roleAt ? roleAt(pfn) : trace.initial.role[pfn]] ?? 'frame',
  };
  const t = T[key] ?? LINUX612_NARRATION[key];
  return t ? t(v) : `${lineFunction(line).name}: ${key}`;
}

/** Keys without a template (a test keeps this empty). */
export function missingTemplates(keys: readonly string[]): string[] {
  return keys.filter((k) => !(k in T) && !(k in LINUX612_NARRATION));
}
