import { useMemo } from 'react';
import type { CounterKey, Counters } from '../../protocol/messages';
import { formatBytes, formatCount } from '../../render/units';
import { PAGE_SIZE } from '../../core';
import { useEngine } from '../shell/EngineContext';
import { NeedBar } from './NeedBar';
import { Panel } from './Panel';
import { PreallocationPicture } from './PreallocationPicture';

interface Row {
  id: CounterKey;
  label: string;
  title: string;
  value: number;
  /** Show the size in bytes next to the count. */
  bytes?: boolean;
}

function Value({ n, bytes }: { n: number; bytes?: boolean }) {
  return (
    <dd>
      <span className="num">{formatCount(n)}</span>
      {bytes && n > 0 && <span className="unit">{formatBytes(n * PAGE_SIZE)}</span>}
    </dd>
  );
}

interface GroupProps {
  name: string;
  rows: Row[];
  /** The counters this step moved: marked, and named so to a screen reader. */
  moved: ReadonlySet<CounterKey>;
  dim?: boolean;
}

function Group({ name, rows, moved, dim }: GroupProps) {
  return (
    <div className={dim ? 'counter-group dim' : 'counter-group'}>
      <h3>{name}</h3>
      <dl>
        {rows.map((r) => {
          const hot = moved.has(r.id);
          return (
            <div
              key={r.label}
              className={hot ? 'counter counter-moved' : 'counter'}
              title={hot ? `${r.title} (moved by this step)` : r.title}
            >
              <dt>
                {r.label}
                {hot && <span className="visually-hidden"> (moved by this step)</span>}
              </dt>
              <Value n={r.value} bytes={r.bytes} />
            </div>
          );
        })}
      </dl>
    </div>
  );
}

function suspendRows(c: Counters, legacy: boolean): Row[] {
  return [
    {
      id: 'saveableLowmem',
      label: 'L, saveable lowmem',
      title: 'count_data_pages()',
      value: c.saveableLowmem,
      bytes: true,
    },
    {
      id: 'saveableHighmem',
      label: 'H, saveable highmem',
      title: 'count_highmem_pages()',
      value: c.saveableHighmem,
      bytes: true,
    },
    {
      id: 'freeLowmem',
      label: 'free lowmem',
      title: 'free pages in lowmem zones',
      value: c.freeLowmem,
      bytes: true,
    },
    {
      id: 'freeHighmem',
      label: 'free highmem',
      title: 'free pages in highmem zones',
      value: c.freeHighmem,
      bytes: true,
    },
    // 2.6.17 has no memory bitmaps: its metadata is the PBE pagedir.
    legacy
      ? {
          id: 'metaEstimate',
          label: 'pagedir pages',
          title: 'DIV_ROUND_UP(nr_pages, PBES_PER_PAGE)',
          value: c.metaEstimate,
        }
      : {
          id: 'metaEstimate',
          label: 'bitmap pages',
          title: 'Σ snapshot_additional_pages()',
          value: c.metaEstimate,
        },
    {
      id: 'shrunkPages',
      label: 'shrunk',
      title: 'pages freed by shrink_all_memory()',
      value: c.shrunkPages,
    },
  ];
}

/** 2.6.17's own names for the rows it shares, and the rows it has no structure for. */
const LEGACY_NAMES: Partial<Record<CounterKey, Pick<Row, 'label' | 'title'>>> = {
  'copies.highToLow': {
    label: 'save_highmem() copies',
    title: 'highmem pages save_highmem() copied into lowmem before the snapshot',
  },
  allocatedUnsafePages: {
    label: 'unsafe_pages',
    title: 'unsafe frames alloc_image_page(PG_SAFE) took and kept for a direct load',
  },
  safePagesList: { label: 'safe_pages', title: 'safe pages prepare_image() listed, not yet used' },
  pbeChainPages: {
    label: 'pagedir pages (PG_SAFE)',
    title: 'pages of the pagedir prepare_image() allocates with alloc_pagedir(PG_SAFE)',
  },
};
const NOT_IN_LEGACY: ReadonlySet<CounterKey> = new Set<CounterKey>([
  'copies.highToHigh',
  'highmemPbes',
  'directHighmem',
  'safeHighmemPages',
]);

/** The rows as the running model names them: 2.6.17 keeps only what it has, in its own words. */
function forModel(rows: Row[], legacy: boolean): Row[] {
  if (!legacy) return rows;
  return rows.filter((r) => !NOT_IN_LEGACY.has(r.id)).map((r) => ({ ...r, ...LEGACY_NAMES[r.id] }));
}

function imageRows(c: Counters): Row[] {
  const zero: Row[] = c.preallocation
    ? [
        {
          id: 'nrZeroPages',
          label: 'nr_zero_pages',
          title: 'saved pfns whose page is all zeros: in the meta pages, no data page',
          value: c.preallocation.zeroPages,
        },
      ]
    : [];
  return [
    {
      id: 'nrCopyPages',
      label: 'nr_copy_pages',
      title: 'data pages in the image',
      value: c.nrCopyPages,
    },
    ...zero,
    {
      id: 'nrMetaPages',
      label: 'nr_meta_pages',
      title: 'pages of pfns after the header',
      value: c.nrMetaPages,
    },
    {
      id: 'imagePages',
      label: 'image pages',
      title: 'header + meta + data pages',
      value: c.imagePages,
      bytes: true,
    },
    {
      id: 'copies.lowToLow',
      label: 'copies low→low',
      title: 'lowmem page copied to lowmem',
      value: c.copies.lowToLow,
    },
    {
      id: 'copies.highToHigh',
      label: 'copies high→high',
      title: 'highmem page copied to highmem',
      value: c.copies.highToHigh,
    },
    {
      id: 'copies.highToLow',
      label: 'copies high→low',
      title: 'highmem page copied to lowmem',
      value: c.copies.highToLow,
    },
  ];
}

function resumeRows(c: Counters): Row[] {
  return [
    {
      id: 'lowmemPbes',
      label: 'PBEs, restore_pblist',
      title: 'lowmem pages waiting in safe pages',
      value: c.lowmemPbes,
    },
    {
      id: 'highmemPbes',
      label: 'PBEs, highmem_pblist',
      title: 'highmem pages waiting in safe pages',
      value: c.highmemPbes,
    },
    {
      id: 'directLowmem',
      label: 'direct loads, lowmem',
      title: 'image pages read straight into their frame',
      value: c.directLowmem,
    },
    {
      id: 'directHighmem',
      label: 'direct loads, highmem',
      title: 'highmem image pages read in place',
      value: c.directHighmem,
    },
    {
      id: 'allocatedUnsafePages',
      label: 'allocated_unsafe_pages',
      title: 'unsafe frames get_image_page() took and kept',
      value: c.allocatedUnsafePages,
    },
    {
      id: 'safeHighmemPages',
      label: 'safe highmem pages',
      title: 'safe_highmem_pages',
      value: c.safeHighmemPages,
    },
    {
      id: 'safePagesList',
      label: 'safe_pages_list',
      title: 'safe lowmem pages still on the list',
      value: c.safePagesList,
    },
    {
      id: 'pbeChainPages',
      label: 'PBE chain pages',
      title: 'pages holding struct pbe objects',
      value: c.pbeChainPages,
    },
  ];
}

/** The counts of the algorithm at this step, with enough_free_mem() as a bar. */
export function CountersPanel() {
  const c = useEngine((s) => s.panels?.counters ?? null);
  const phase = useEngine((s) => s.panels?.phase ?? 0);
  const legacy = useEngine((s) => s.info?.model === 'linux-2.6.17');
  const movedList = useEngine((s) => s.panels?.moved);
  const moved = useMemo(() => new Set(movedList ?? []), [movedList]);
  const pagesForIo = useEngine((s) => s.info?.pagesForIo ?? null);
  return (
    <Panel title="Counters" className="counters">
      {c ? (
        <>
          {c.enoughFreeMem && (
            <div className={moved.has('enoughFreeMem') ? 'counter-moved' : undefined}>
              <NeedBar available={c.enoughFreeMem.available} needed={c.enoughFreeMem.needed} />
            </div>
          )}
          {c.preallocation && (
            <div className={phase < 1 ? 'counter-group' : 'counter-group dim'}>
              <h3>Preallocation</h3>
              <PreallocationPicture p={c.preallocation} pagesForIo={pagesForIo} />
            </div>
          )}
          <Group name="Suspend" rows={suspendRows(c, legacy)} moved={moved} />
          <Group
            name="Image"
            rows={forModel(imageRows(c), legacy)}
            moved={moved}
            dim={phase < 1 && c.nrCopyPages === 0}
          />
          <Group
            name="Resume"
            rows={forModel(resumeRows(c), legacy)}
            moved={moved}
            dim={phase < 3}
          />
        </>
      ) : (
        <p className="muted">No run loaded.</p>
      )}
    </Panel>
  );
}
