import type { PbeEntry } from '../../protocol/messages';
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

/** restore_pblist, highmem_pblist and safe_pages_list as the linked lists they are. */
export function PbeListsPanel() {
  const low = useEngine((s) => s.panels?.restorePbList ?? null);
  const high = useEngine((s) => s.panels?.highmemPbList ?? null);
  const safe = useEngine((s) => s.panels?.safePagesList ?? null);
  return (
    <Panel title="PBE lists" className="pbe-lists">
      {low && high && safe ? (
        <>
          <LinkedList
            head="restore_pblist"
            list={low}
            unit={['PBE', 'PBEs']}
            done={(e) => e.done}
            node={(e) => <Pbe e={e} />}
          />
          <LinkedList
            head="highmem_pblist"
            list={high}
            unit={['PBE', 'PBEs']}
            done={(e) => e.done}
            node={(e) => <Pbe e={e} />}
          />
          <LinkedList
            head="safe_pages_list"
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
