import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { readScenarioFile } from './scenarioFile';
import './files.css';

interface Props {
  /** A file that passed every check: run it (as the user's own scenario). */
  onOpen: (doc: unknown, fileName: string) => void;
}

/** A drop on a text field is the field's own business. */
function isField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('input, textarea, [contenteditable]');
}

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * "Open scenario file", and a scenario file dropped anywhere on the page: checked as the CLI
 * checks it (src/ui/files/scenarioFile.ts). A good one runs; a bad one gets one line saying what
 * to fix, and the run shown stays.
 */
export function OpenScenario({ onOpen }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const take = useCallback(
    async (files: FileList | null) => {
      const file = files?.[0];
      if (!file) return;
      setProblem(null);
      const read = await readScenarioFile(file);
      if (read.ok) onOpen(read.doc, file.name);
      else setProblem(read.error);
    },
    [onOpen],
  );

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e) || isField(e.target)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || isField(e.target)) return;
      // Without this the browser would open the file in place of the page.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || isField(e.target)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void take(e.dataTransfer?.files ?? null);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [take]);

  return (
    <>
      {/* Short on screen, where the header is full at 1280 px; the whole name for assistive tech. */}
      <button
        type="button"
        className="btn btn-small"
        aria-label="Open scenario file"
        title="Open scenario file (or drop one on the page)"
        onClick={() => input.current?.click()}
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          void take(e.target.files);
          // The same file again must fire a change too.
          e.target.value = '';
        }}
      />
      {createPortal(
        <>
          {dragging && (
            <div className="drop-zone" aria-hidden="true">
              <p>Drop a scenario file to run it</p>
            </div>
          )}
          {problem && (
            <div className="banner banner-error file-problem" role="alert">
              <span>{problem}</span>
              <button type="button" className="btn btn-small" onClick={() => setProblem(null)}>
                Dismiss
              </button>
            </div>
          )}
        </>,
        document.body,
      )}
    </>
  );
}
