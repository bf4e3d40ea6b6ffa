import { useId, useState } from 'react';
import { scenarioFromBootLog } from '../../core';
import type { ScenarioDocument } from '../../core';
import { formatCount, pagesToBytes } from '../../render/units';

/** What the log gave, as the section shows it after "Make the machine". */
type Outcome =
  { ok: true; headline: string; zones: string; notes: string[] } | { ok: false; error: string };

/** Logs bigger than this are not a boot log (a full dmesg is some hundreds of KiB). */
const MAX_LOG_CHARS = 4 * 1024 * 1024;

/**
 * The first thing the section says about the machine: its word size and, plainly, whether it has
 * highmem (a 64-bit kernel never does: all its memory is lowmem).
 */
export function headlineOf(doc: ScenarioDocument, bits: 32 | 64): string {
  const high = doc.zones.find((z) => z.name === 'HighMem');
  if (bits === 64)
    return 'A 64-bit kernel: no highmem. All of its memory is lowmem, in the model’s DMA and Normal zones.';
  if (high)
    return `A 32-bit kernel with highmem: ${pagesToBytes(high.pages)} of HighMem above lowmem.`;
  return 'A 32-bit kernel without highmem: all of its memory is lowmem.';
}

function zonesOf(doc: ScenarioDocument): string {
  return doc.zones
    .map((z) => `${z.name} ${formatCount(z.pages)} pages (${pagesToBytes(z.pages)})`)
    .join(' · ');
}

/**
 * "Paste a boot log": the kernel messages of a real machine (its `Zone ranges:` and `Early memory
 * node ranges` lines, an e820 map or /proc/zoneinfo) become the edited machine: its zones, its RAM
 * holes, its kernel image and an invented page mix (scenarioFromBootLog). The section then says
 * what was read and what was inferred.
 */
export function BootLogImport({ onMachine }: { onMachine: (doc: ScenarioDocument) => void }) {
  const logId = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const make = () => {
    if (text.length > MAX_LOG_CHARS) {
      setOutcome({
        ok: false,
        error: `the text is ${formatCount(text.length)} characters; paste the memory lines of the log (at most 4 MiB)`,
      });
      return;
    }
    const r = scenarioFromBootLog(text);
    if (!r.ok) {
      setOutcome({ ok: false, error: r.error });
      return;
    }
    onMachine(r.doc);
    setOutcome({
      ok: true,
      headline: headlineOf(r.doc, r.bits),
      zones: zonesOf(r.doc),
      notes: r.notes,
    });
  };

  return (
    <details className="editor-section editor-bootlog">
      <summary>Paste a boot log</summary>
      <p className="editor-note">
        The kernel messages of a real machine (<code>dmesg</code>): the lines after{' '}
        <code>Zone ranges:</code> and <code>Early memory node ranges</code>, or the{' '}
        <code>BIOS-provided physical RAM map</code> (e820), or <code>/proc/zoneinfo</code> with its{' '}
        <code>spanned</code> and <code>present</code> lines. The machine gets those zones and holes
        and an invented page mix.
      </p>
      <label htmlFor={logId}>Boot log</label>
      <textarea
        id={logId}
        className="editor-bootlog-text"
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="editor-row">
        <button type="button" className="btn" onClick={make} disabled={text.trim() === ''}>
          Make the machine
        </button>
      </div>
      <div role="status" className="editor-bootlog-result">
        {outcome &&
          (outcome.ok ? (
            <>
              <p className="editor-bootlog-headline">
                <strong>{outcome.headline}</strong>
              </p>
              <p>{outcome.zones}</p>
              <p className="editor-bootlog-caption">What was read and what was inferred:</p>
              <ul className="editor-bootlog-notes">
                {outcome.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="editor-problem-line">Not a machine: {outcome.error}.</p>
          ))}
      </div>
    </details>
  );
}
