import type { Counters } from '../../protocol/messages';
import { formatBytes, formatCount } from '../../render/units';
import { PAGE_SIZE } from '../../core';
import { useEngine } from '../shell/EngineContext';
import { NeedBar } from './NeedBar';
import { Panel } from './Panel';
import { PreallocationPicture } from './PreallocationPicture';

interface Row {
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

function Group({ name, rows, dim }: { name: string; rows: Row[]; dim?: boolean }) {
  return (
    <div className={dim ? 'counter-group dim' : 'counter-group'}>
      <h3>{name}</h3>
      <dl>
        {rows.map((r) => (
          <div key={r.label} className="counter" title={r.title}>
            <dt>{r.label}</dt>
            <Value n={r.value} bytes={r.bytes} />
          </div>
        ))}
      </dl>
    </div>
  );
}

function suspendRows(c: Counters, legacy: boolean): Row[] {
  return [
    {
      label: 'L, saveable lowmem',
      title: 'count_data_pages()',
      value: c.saveableLowmem,
      bytes: true,
    },
    {
      label: 'H, saveable highmem',
      title: 'count_highmem_pages()',
      value: c.saveableHighmem,
      bytes: true,
    },
    { label: 'free lowmem', title: 'free pages in lowmem zones', value: c.freeLowmem, bytes: true },
    {
      label: 'free highmem',
      title: 'free pages in highmem zones',
      value: c.freeHighmem,
      bytes: true,
    },
    // 2.6.17 has no memory bitmaps: its metadata is the PBE pagedir.
    legacy
      ? {
          label: 'pagedir pages',
          title: 'DIV_ROUND_UP(nr_pages, PBES_PER_PAGE)',
          value: c.metaEstimate,
        }
      : { label: 'bitmap pages', title: 'Σ snapshot_additional_pages()', value: c.metaEstimate },
    { label: 'shrunk', title: 'pages freed by shrink_all_memory()', value: c.shrunkPages },
  ];
}

function imageRows(c: Counters): Row[] {
  const zero: Row[] = c.preallocation
    ? [
        {
          label: 'nr_zero_pages',
          title: 'saved pfns whose page is all zeros: in the meta pages, no data page',
          value: c.preallocation.zeroPages,
        },
      ]
    : [];
  return [
    { label: 'nr_copy_pages', title: 'data pages in the image', value: c.nrCopyPages },
    ...zero,
    { label: 'nr_meta_pages', title: 'pages of pfns after the header', value: c.nrMetaPages },
    { label: 'image pages', title: 'header + meta + data pages', value: c.imagePages, bytes: true },
    { label: 'copies low→low', title: 'lowmem page copied to lowmem', value: c.copies.lowToLow },
    {
      label: 'copies high→high',
      title: 'highmem page copied to highmem',
      value: c.copies.highToHigh,
    },
    { label: 'copies high→low', title: 'highmem page copied to lowmem', value: c.copies.highToLow },
  ];
}

function resumeRows(c: Counters): Row[] {
  return [
    {
      label: 'PBEs, restore_pblist',
      title: 'lowmem pages waiting in safe pages',
      value: c.lowmemPbes,
    },
    {
      label: 'PBEs, highmem_pblist',
      title: 'highmem pages waiting in safe pages',
      value: c.highmemPbes,
    },
    {
      label: 'direct loads, lowmem',
      title: 'image pages read straight into their frame',
      value: c.directLowmem,
    },
    {
      label: 'direct loads, highmem',
      title: 'highmem image pages read in place',
      value: c.directHighmem,
    },
    {
      label: 'allocated_unsafe_pages',
      title: 'unsafe frames get_image_page() took and kept',
      value: c.allocatedUnsafePages,
    },
    { label: 'safe highmem pages', title: 'safe_highmem_pages', value: c.safeHighmemPages },
    {
      label: 'safe_pages_list',
      title: 'safe lowmem pages still on the list',
      value: c.safePagesList,
    },
    { label: 'PBE chain pages', title: 'pages holding struct pbe objects', value: c.pbeChainPages },
  ];
}

/** The counts of the algorithm at this step, with enough_free_mem() as a bar. */
export function CountersPanel() {
  const c = useEngine((s) => s.panels?.counters ?? null);
  const phase = useEngine((s) => s.panels?.phase ?? 0);
  const legacy = useEngine((s) => s.info?.model === 'linux-2.6.17');
  const pagesForIo = useEngine((s) => s.info?.pagesForIo ?? null);
  return (
    <Panel title="Counters" className="counters">
      {c ? (
        <>
          {c.enoughFreeMem && (
            <NeedBar available={c.enoughFreeMem.available} needed={c.enoughFreeMem.needed} />
          )}
          {c.preallocation && (
            <div className={phase < 1 ? 'counter-group' : 'counter-group dim'}>
              <h3>Preallocation</h3>
              <PreallocationPicture p={c.preallocation} pagesForIo={pagesForIo} />
            </div>
          )}
          <Group name="Suspend" rows={suspendRows(c, legacy)} />
          <Group name="Image" rows={imageRows(c)} dim={phase < 1 && c.nrCopyPages === 0} />
          <Group name="Resume" rows={resumeRows(c)} dim={phase < 3} />
        </>
      ) : (
        <p className="muted">No run loaded.</p>
      )}
    </Panel>
  );
}
