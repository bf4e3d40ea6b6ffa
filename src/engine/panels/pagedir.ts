/**
 * linux-2.6.17's restore_pblist before get_buffer() takes it over: the PBE pagedir, read back from
 * the steps that build it. In the suspending kernel swsusp_save() sets restore_pblist to the
 * pagedir swsusp_alloc() makes (alloc_pagedir() links the PBEs, alloc_data_pages() sets each
 * `address`, copy_data_pages() each `orig_address`); in the boot kernel load_header() allocates a
 * new one and unpack_orig_addresses() fills its `orig_address`es, which prepare_image() copies
 * into the PG_SAFE pagedir. From the first get_buffer() on, the list is the trace's lowPbes.
 */
import { kindIds, Role } from '../../core';
import type { Trace } from '../../core';
import type { ListWindow, PbeEntry } from '../../protocol/messages';
import { LIST_WINDOW, windowStart } from './lists';

/** One stretch of the run in which restore_pblist is a pagedir being filled. */
interface Stretch {
  /** The state from which the list is shown, and the first state at which it is not. */
  from: number;
  until: number;
  entries: number;
  /** The pagedir's first page: the list is gone once it is no longer a pagedir page. */
  page: number;
  /** Per field, the steps that set it (ascending) and the values, entry by entry. */
  addressSteps: number[];
  addresses: number[];
  origSteps: number[];
  origs: number[];
}

export interface PagedirIndex {
  suspend: Stretch | null;
  resume: Stretch | null;
}

function stretch(from: number, page: number): Stretch {
  return {
    from,
    until: Number.MAX_SAFE_INTEGER,
    entries: 0,
    page,
    addressSteps: [],
    addresses: [],
    origSteps: [],
    origs: [],
  };
}

/** One pass over the trace, for the 2.6.17 model only (null for the others). */
export function indexPagedir(trace: Trace, model: string): PagedirIndex | null {
  if (model !== 'linux-2.6.17') return null;
  const id = kindIds('linux-2.6.17');
  const { line, p0, n0 } = trace.columns;
  let suspend: Stretch | null = null;
  let resume: Stretch | null = null;
  let suspendPage = -1;
  for (let i = 0; i < trace.steps; i++) {
    const k = line[i];
    if (k === id['apd.page'] && suspendPage < 0) suspendPage = p0[i];
    else if (k === id['apd.fill']) {
      suspend = stretch(i + 1, suspendPage);
      suspend.entries = n0[i];
    } else if (suspend && k === id['adp.page']) {
      suspend.addressSteps.push(i);
      suspend.addresses.push(p0[i]);
    } else if (suspend && k === id['lcdp.copy']) {
      suspend.origSteps.push(i);
      suspend.origs.push(p0[i]);
    } else if (k === id['llh.pagedir'] && !resume) resume = stretch(i + 1, p0[i]);
    else if (resume && k === id['llh.unpack']) {
      resume.origSteps.push(i);
      resume.origs.push(p0[i]);
      resume.entries = Math.max(resume.entries, n0[i] + 1);
    } else if (resume && k === id['lpi.pagedir'] && n0[i] === 1) {
      // prepare_image's PG_SAFE pagedir takes the list over (copy_page_backup_list).
      resume.page = p0[i];
    } else if (resume && (k === id['lgb.pbe'] || k === id['lgb.direct'] || k === id['lpi.fail'])) {
      resume.until = i + 1;
      break;
    }
  }
  return suspend || resume ? { suspend, resume } : null;
}

/** How many of `steps` (ascending) come before state `pos`: the steps applied at that state. */
function applied(steps: number[], pos: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * restore_pblist at state `pos` when it is a pagedir being filled, or null. Entries in list
 * order (the pagedir links them in index order); a field not yet set is -1 (the zeroed page's 0).
 */
export function pagedirList(
  index: PagedirIndex | null,
  pos: number,
  side: number,
  role: Uint8Array,
): ListWindow<PbeEntry> | null {
  const s = side === 0 ? index?.suspend : index?.resume;
  if (!s || pos < s.from || pos >= s.until || role[s.page] !== Role.Pagedir) return null;
  const addressed = applied(s.addressSteps, pos);
  const origed = applied(s.origSteps, pos);
  const focus = Math.max(addressed, origed);
  const offset = windowStart(s.entries, Math.min(focus, Math.max(0, s.entries - 1)));
  const items: PbeEntry[] = [];
  for (let e = offset; e < Math.min(s.entries, offset + LIST_WINDOW); e++)
    items.push({
      orig: e < origed ? s.origs[e] : -1,
      copy: e < addressed ? s.addresses[e] : -1,
      done: false,
    });
  return { total: s.entries, offset, items };
}
