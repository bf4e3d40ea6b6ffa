import { useEffect, useId, useRef } from 'react';
import { prefs, usePrefs } from './prefs';
import { GRID_KEY_HELP, KEY_HELP } from './keys';

function KeyTable({ caption, rows }: { caption: string; rows: typeof KEY_HELP }) {
  return (
    <table className="key-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Does</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.does}>
            <td>
              {r.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </td>
            <td>{r.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The help overlay: a modal dialog listing every key. `?` opens it, Esc or Close closes it and
 * focus goes back where it was (the browser's modal dialog does both).
 */
export function HelpDialog() {
  const open = usePrefs((p) => p.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', ''); // no modal dialogs (jsdom): shown in place
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="help-dialog"
      aria-labelledby={titleId}
      onClose={() => prefs.getState().setHelpOpen(false)}
      onCancel={(e) => {
        e.preventDefault();
        prefs.getState().setHelpOpen(false);
      }}
    >
      <h2 id={titleId}>Keys</h2>
      <p>Keys act on the visualiser wherever the focus is, except inside a text field.</p>
      <KeyTable caption="Everywhere" rows={KEY_HELP} />
      <KeyTable caption="In the page-frame grid" rows={GRID_KEY_HELP} />
      <button type="button" className="btn" onClick={() => prefs.getState().setHelpOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
