import { memo, useCallback, useMemo } from 'react';
import { ceilingAt, i386Machine, PBES_PER_PAGE, todayMaxSize } from '../../core';
import type { CeilingMachine } from '../../core';
import {
  ceilingData,
  createCeilingChart,
  createMetadataChart,
  formatMiB,
  formatPercent,
  LEGACY_LOWMEM_PER_IMAGE_PAGE,
  metadataData,
  pagesToMiB,
} from '../../render/charts';
import type { CeilingData, MetadataData } from '../../render/charts';
import { formatBytes, formatCount } from '../../render/units';
import { PRESET_SUMMARIES } from '../shell/presets';
import { ChartFigure } from './ChartFigure';
import { formatView } from '../shell/url';

/** The two i386 machines of the charts: 1 GiB (128 MiB highmem) and 4 GiB (3.2 GiB highmem). */
export const CHART_MACHINES = [
  { label: 'i386 1 GiB', frames: 262144 },
  { label: 'i386 4 GiB', frames: 1048576 },
] as const;

/** The metadata chart runs to this image size: 512 MiB, past 2.6.17's ceiling. */
export const METADATA_MAX_IMAGE = 131072;

/** Presets on which 2.6.17 fails and 2.6.20 restores. */
export const FAILING_PRESETS = ['teaching', 'i386-4g-anon'] as const;

export interface WhyData {
  machines: { label: string; machine: CeilingMachine; ceiling: CeilingData }[];
  metadata: MetadataData;
}

export function whyData(): WhyData {
  const machines = CHART_MACHINES.map((c) => {
    const machine = i386Machine(c.frames);
    return { label: c.label, machine, ceiling: ceilingData(machine, c.label) };
  });
  return {
    machines,
    metadata: metadataData(
      machines.map((m) => ({ label: m.label, zonePages: m.machine.zonePages })),
      METADATA_MAX_IMAGE,
    ),
  };
}

const mib = (pages: number, digits = 0) => formatMiB(pagesToMiB(pages), digits);

/** Highmem levels for the numbers under a ceiling chart: 0, ⅛, ¼, ½ and all of it. */
export function ceilingLevels(m: CeilingMachine): number[] {
  return [0, 0.125, 0.25, 0.5, 1].map((f) => Math.round(m.highmemFrames * f));
}

function CeilingNumbers({ machine }: { machine: CeilingMachine }) {
  const rows = ceilingLevels(machine).map((h) => ceilingAt(machine, h));
  const cell = (pages: number) => (pages > 0 ? mib(pages) : 'fails');
  return (
    <table className="chart-numbers">
      <tbody>
        <tr>
          <th scope="row">Saveable highmem</th>
          {rows.map((r) => (
            <td key={r.highmem}>{mib(r.highmem)}</td>
          ))}
        </tr>
        <tr className="col-legacy">
          <th scope="row">2.6.17 largest image</th>
          {rows.map((r) => (
            <td key={r.highmem}>{cell(r.legacy)}</td>
          ))}
        </tr>
        <tr className="col-modern">
          <th scope="row">2.6.20 largest image</th>
          {rows.map((r) => (
            <td key={r.highmem}>{cell(r.modern)}</td>
          ))}
        </tr>
        <tr className="col-today">
          <th scope="row">6.12 largest image</th>
          {rows.map((r) => (
            <td key={r.highmem}>{cell(r.today)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function ceilingCaption(d: CeilingData, m: CeilingMachine) {
  const lowmem = mib(m.lowmemFrames);
  const highmem = mib(m.highmemFrames);
  const best = Math.max(...d.points.map((p) => p.modern));
  return (
    <>
      <p>
        {lowmem} lowmem, {highmem} highmem. 2.6.17 never passes <b>{mib(d.legacyCeiling, 1)}</b>:
        every image page costs it two lowmem pages.{' '}
        {d.legacyFailsFrom !== null && d.legacyFailsFrom > 0 ? (
          <>
            From <b>{mib(d.legacyFailsFrom)}</b> of saveable highmem it cannot suspend at all
            (save_highmem needs a lowmem page for each).{' '}
          </>
        ) : null}
        2.6.20 copies highmem into free highmem and reaches <b>{mib(best, 1)}</b>
        {d.modernFailsFrom !== null
          ? `; past ${mib(d.modernFailsFrom)} of saveable highmem it too runs out of room for the copies.`
          : '.'}{' '}
        Today’s kernel (6.12, dotted) keeps the 2006 design but caps the image near half of RAM:
        <code>hibernate_preallocate_memory()</code>’s <code>max_size</code> ={' '}
        <b>{mib(todayMaxSize(m), 1)}</b> here (half of what is left after the bitmaps and{' '}
        <code>PAGES_FOR_IO</code>, less twice the 1 MiB <code>reserved_size</code>).
      </p>
      <CeilingNumbers machine={m} />
    </>
  );
}

function metadataCaption(d: MetadataData, ceilingPages: number) {
  const pbeAtCeiling = ceilingPages * 12;
  return (
    <p>
      2.6.17’s PBE list costs 12 bytes per image page; 2.6.20’s two bitmaps cost 2 bits per page
      frame of RAM, whatever the image size.{' '}
      {d.machines.map((m, i) => (
        <span key={m.label}>
          {i > 0 ? ' ' : ''}
          {m.label}: bitmaps {formatBytes(m.bitmapBytes)} ({m.bitmapPages} pages); the list costs
          more from <b>{formatCount(m.breakEven)} pages</b> ({mib(m.breakEven, 1)},{' '}
          <b>{formatPercent(m.breakEvenFraction)}</b> of the frames).
        </span>
      ))}{' '}
      At 2.6.17’s ceiling ({mib(ceilingPages)}) the list is {formatBytes(pbeAtCeiling)}.
    </p>
  );
}

/** "400 kilobytes" in the cover letter, against the arithmetic of the legacy constraint. */
function KilobytesNote({ m, ceiling }: { m: CeilingMachine; ceiling: CeilingData }) {
  const free = m.lowmemFrames - m.nosaveLowmem - m.pagesForIo;
  const kb400Pages = (400 * 1024) / 4096;
  return (
    <aside className="kb-note" aria-labelledby="kb-note-title">
      <h3 id="kb-note-title">“400 kilobytes” must mean 400 megabytes</h3>
      <blockquote cite="http://lkml.iu.edu/hypermail/linux/kernel/0608.1/0634.html">
        “to save one highmem page swsusp needs two free pages in the ‘normal’ memory, so on a system
        with high memory it is practically impossible to create a suspend image above 400 kilobytes”
        <footer>— Rafael J. Wysocki, RFC cover letter of the series, 9 Aug 2006</footer>
      </blockquote>
      <p>
        2.6.17 needs every image page twice in lowmem (the page and its copy) plus a 12-byte PBE:{' '}
        {LEGACY_LOWMEM_PER_IMAGE_PAGE.toFixed(3)} lowmem pages per image page. On i386:
      </p>
      <p className="kb-math num">
        image ≤ (lowmem − nosave − PAGES_FOR_IO) / (2 + 1/{PBES_PER_PAGE})
        <br />= ({formatCount(m.lowmemFrames)} − {formatCount(m.nosaveLowmem)} −{' '}
        {formatCount(m.pagesForIo)}) / {LEGACY_LOWMEM_PER_IMAGE_PAGE.toFixed(3)} ={' '}
        {formatCount(free)} / {LEGACY_LOWMEM_PER_IMAGE_PAGE.toFixed(3)}
        <br />≈{' '}
        <b>
          {formatCount(ceiling.legacyBound)} pages ≈ {mib(ceiling.legacyBound, 0)}
        </b>
        , whatever the RAM.
      </p>
      <p>
        400 kilobytes would be {kb400Pages} pages, less than the kernel image alone (
        {formatCount(m.kernelLowmem)} pages). The limit is about 400 <em>mega</em>bytes; the mail
        must mean megabytes (the charts’ 2.6.17 ceiling: {mib(ceiling.legacyCeiling, 1)}).
      </p>
    </aside>
  );
}

export interface WhySectionProps {
  /** The preset the compare view shows (its link is marked current). */
  preset: string;
}

/** "Why 2.6.20": the seed's claims as charts and arithmetic, under the compare view. */
export const WhySection = memo(function WhySection({ preset }: WhySectionProps) {
  const data = useMemo(() => whyData(), []);
  const [m1, m4] = data.machines;
  const ceiling1 = useCallback(
    (host: HTMLElement, id: string) => createCeilingChart(host, m1.ceiling, id),
    [m1],
  );
  const ceiling4 = useCallback(
    (host: HTMLElement, id: string) => createCeilingChart(host, m4.ceiling, id),
    [m4],
  );
  const metadata = useCallback(
    (host: HTMLElement, id: string) => createMetadataChart(host, data.metadata, id),
    [data],
  );
  const failing = PRESET_SUMMARIES.filter((p) =>
    (FAILING_PRESETS as readonly string[]).includes(p.name),
  );

  return (
    <section className="why" aria-labelledby="why-title">
      <h2 id="why-title">Why 2.6.20</h2>
      <p className="why-lead">
        Before the 2006 series, swsusp needed two free lowmem pages for every saved highmem page and
        kept a PBE for every image page. The same machine, both kernels:
      </p>
      <ul className="why-presets" aria-label="Machines where 2.6.17 fails and 2.6.20 succeeds">
        {failing.map((p) => (
          <li key={p.name}>
            <a
              href={formatView({ view: 'compare', preset: p.name })}
              aria-current={p.name === preset ? 'true' : undefined}
            >
              {p.title}
            </a>{' '}
            <span className="muted">
              {p.size} · {p.zones}: 2.6.17 fails, 2.6.20 restores
            </span>
          </li>
        ))}
      </ul>
      <div className="why-charts">
        <ChartFigure
          title={`Image ceiling, ${m1.label}`}
          create={ceiling1}
          caption={ceilingCaption(m1.ceiling, m1.machine)}
        />
        <ChartFigure
          title={`Image ceiling, ${m4.label}`}
          create={ceiling4}
          caption={ceilingCaption(m4.ceiling, m4.machine)}
        />
        <ChartFigure
          title="Metadata cost: PBE list vs two bitmaps"
          create={metadata}
          caption={metadataCaption(data.metadata, m1.ceiling.legacyCeiling)}
        />
        <KilobytesNote m={m1.machine} ceiling={m1.ceiling} />
      </div>
    </section>
  );
});
