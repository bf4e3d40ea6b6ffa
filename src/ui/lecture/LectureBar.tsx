import { prefs, usePrefs } from './prefs';
import { useResolvedTheme } from './useTheme';

/** Release focus after a pointer click, so the next key goes to the visualiser, not the button. */
function releaseAfterPointer(e: React.MouseEvent<HTMLButtonElement>): void {
  if (e.detail > 0) e.currentTarget.blur();
}

/** Display toggles for the room: predict, presentation, theme, and the key help. */
export function LectureBar() {
  const predict = usePrefs((p) => p.predict);
  const presentation = usePrefs((p) => p.presentation);
  const theme = useResolvedTheme();
  const p = prefs.getState();
  return (
    <div className="lecture-bar" role="group" aria-label="Display">
      <button
        type="button"
        className="btn btn-toggle"
        aria-pressed={predict}
        aria-keyshortcuts="p"
        title="Predict: answer before each step is shown (p)"
        onClick={(e) => {
          p.togglePredict();
          releaseAfterPointer(e);
        }}
      >
        Predict
      </button>
      <button
        type="button"
        className="btn btn-toggle lecture-presentation"
        aria-pressed={presentation}
        aria-keyshortcuts="f"
        title="Presentation mode: large type, the essentials only (f)"
        onClick={(e) => {
          p.togglePresentation();
          releaseAfterPointer(e);
        }}
      >
        Presentation
      </button>
      <button
        type="button"
        className="btn btn-toggle lecture-theme"
        aria-pressed={theme === 'dark'}
        aria-keyshortcuts="t"
        title="Dark theme (t)"
        onClick={(e) => {
          p.setTheme(theme === 'dark' ? 'light' : 'dark');
          releaseAfterPointer(e);
        }}
      >
        Dark
      </button>
      <button
        type="button"
        className="btn"
        aria-keyshortcuts="?"
        aria-haspopup="dialog"
        title="Keys (?)"
        onClick={() => p.setHelpOpen(true)}
      >
        Keys ?
      </button>
    </div>
  );
}
