import type { ModelId } from '../../core';
import type { PanelData, PbeEntry } from '../../protocol/messages';
import { useEngine } from '../shell/EngineContext';
import { LinkedList } from './LinkedList';
import { Panel } from './Panel';
import { PfnLink } from './PfnLink';

function Pbe({ e }: { e: PbeEntry }) {
  return (
    <span className="pbe">
      <span className="pbe-field">
        orig <PfnLink pfn={e.orig} />
      </span>
      <span className="pbe-field">
        copy <PfnLink pfn={e.copy} />
      </span>
      {e.done && (
        <span className="pbe-done" aria-label="restored">
          ✓
        </span>
      )}
    </span>
  );
}

/** What restore_pblist is while 2.6.17 fills its pagedir, on each side. */
function PagedirNote({ side }: { side: PanelData['side'] }) {
  return (
    <p className="list-note">
      {side === 'suspending kernel' ? (
        <>
          The suspend pagedir: <code>alloc_pagedir()</code> links 341 PBEs a page,{' '}
          <code>alloc_data_pages()</code> gives each its copy page (<code>address</code>) and{' '}
          <code>copy_data_pages()</code> its saved pfn (<code>orig_address</code>), in pfn order.
          The image is written from this list.
        </>
      ) : (
        <>
          <code>load_header()</code>’s pagedir: <code>unpack_orig_addresses()</code> fills each{' '}
          <code>orig_address</code> from the meta pages; <code>prepare_image()</code> copies the
          list into a PG_SAFE pagedir and <code>get_buffer()</code> then gives each PBE its page.
        </>
      )}
    </p>
  );
}

/**
 * The model's PBE lists as the linked lists they are: restore_pblist, highmem_pblist and
 * safe_pages_list; in 2.6.17 restore_pblist (the pagedir from swsusp_alloc() on) and safe_pages.
 */
export function PbeListsPanel() {
  const low = useEngine((s) => s.panels?.restorePbList ?? null);
  const high = useEngine((s) => s.panels?.highmemPbList ?? null);
  const safe = useEngine((s) => s.panels?.safePagesList ?? null);
  const pagedir = useEngine((s) => s.panels?.pblistIsPagedir ?? false);
  const side = useEngine((s) => s.panels?.side ?? 'suspending kernel');
  const model = useEngine((s): ModelId | null => s.info?.model ?? null);
  const legacy = model === 'linux-2.6.17';
  return (
    <Panel title="PBE lists" className="pbe-lists">
      {low && high && safe ? (
        <>
          {pagedir && <PagedirNote side={side} />}
          <LinkedList
            head="restore_pblist"
            list={low}
            unit={['PBE', 'PBEs']}
            done={(e) => e.done}
            node={(e) => <Pbe e={e} />}
          />
          {legacy ? (
            <p className="list-note">
              No <code>highmem_pblist</code> in 2.6.17: <code>save_highmem()</code> copied every
              highmem page into lowmem before the snapshot, and <code>restore_highmem()</code> puts
              them back after resume.
            </p>
          ) : (
            <LinkedList
              head="highmem_pblist"
              list={high}
              unit={['PBE', 'PBEs']}
              done={(e) => e.done}
              node={(e) => <Pbe e={e} />}
            />
          )}
          <LinkedList
            head={legacy ? 'safe_pages' : 'safe_pages_list'}
            list={safe}
            unit={['page', 'pages']}
            node={(pfn) => <PfnLink pfn={pfn} />}
          />
        </>
      ) : (
        <p className="muted">No run loaded.</p>
      )}
    </Panel>
  );
}
