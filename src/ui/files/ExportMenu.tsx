import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatCount } from '../../render';
import { useEngine, useEngineStore } from '../shell/EngineContext';
import { saveBlob } from './download';
import {
  FIGURE_SVG_MAX_FRAMES,
  pngFile,
  reportFile,
  scenarioFile,
  svgFile,
  traceFile,
} from './exportFiles';
import type { ExportFile } from './exportFiles';
import './files.css';

type Job = 'png' | 'svg' | 'report' | 'scenario' | 'trace';

const WHAT: Record<Job, string> = {
  png: 'PNG picture',
  svg: 'SVG picture',
  report: 'report',
  scenario: 'scenario file',
  trace: 'step trace',
};

/**
 * "Export": a disclosure of download buttons for what is shown. The grid at this step as a PNG
 * (2×, for slides) or an SVG (up to 4,096 frames); the run's report and step trace exactly as
 * `simulate` prints them; the scenario file, which "Open scenario file" and `simulate` both take.
 * Escape or a click elsewhere closes it; what happened is said in a live region.
 */
export function ExportMenu() {
  const store = useEngineStore();
  const ready = useEngine((s) => s.info !== null && s.frames !== null);
  const frames = useEngine((s) => s.info?.frames ?? 0);
  const steps = useEngine((s) => s.info?.totalSteps ?? 0);
  const step = useEngine((s) => s.step);
  const [open, setOpen] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [said, setSaid] = useState('');
  const cancelled = useRef(false);
  const wrap = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const svgNoteId = useId();
  const tooBigForSvg = frames > FIGURE_SVG_MAX_FRAMES;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const run = async (which: Job, make: () => ExportFile | null | Promise<ExportFile | null>) => {
    setJob(which);
    setSaid('');
    cancelled.current = false;
    try {
      const file = await make();
      if (file) {
        saveBlob(file.blob, file.name);
        setSaid(`Saved ${file.name}`);
      } else if (cancelled.current) setSaid('The step trace was not saved (cancelled).');
      else setSaid(`There is no ${WHAT[which]} for this run.`);
    } catch (e) {
      setSaid(`Could not save the ${WHAT[which]}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setJob(null);
      setProgress(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };

  const busy = job !== null;
  const s = () => store.getState();
  return (
    <div className="export-menu" ref={wrap} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-small"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={!ready}
        onClick={() => setOpen((o) => !o)}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="export-panel" role="group" aria-label="Export" hidden={!open}>
        <p className="export-heading">The grid at step {formatCount(step)}</p>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run('png', () => pngFile(s()))}
        >
          PNG picture (2×, for slides)
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || tooBigForSvg}
          aria-describedby={tooBigForSvg ? svgNoteId : undefined}
          onClick={() => void run('svg', () => svgFile(s()))}
        >
          SVG picture
        </button>
        {tooBigForSvg && (
          <p id={svgNoteId} className="export-note">
            SVG draws one shape per frame, so it is offered up to{' '}
            {formatCount(FIGURE_SVG_MAX_FRAMES)} frames; this machine has {formatCount(frames)}.
            Take the PNG.
          </p>
        )}
        <p className="export-heading">The run</p>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run('report', () => reportFile(s()))}
        >
          Report (JSON, as simulate prints it)
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void run('scenario', () => scenarioFile(s()))}
        >
          Scenario file (JSON)
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() =>
            void run('trace', () =>
              traceFile(
                s(),
                (f) => setProgress(f),
                () => cancelled.current,
              ),
            )
          }
        >
          Step trace (JSON lines, {formatCount(steps)} steps)
        </button>
        {job === 'trace' && (
          <p className="export-progress">
            <progress max={1} value={progress ?? 0} aria-label="Writing the step trace" />
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                cancelled.current = true;
              }}
            >
              Cancel
            </button>
          </p>
        )}
      </div>
      {/* Only while there is something to say or the panel is open: one status region less. */}
      {(open || said) && (
        <p className="export-status" role="status">
          {said}
        </p>
      )}
    </div>
  );
}
