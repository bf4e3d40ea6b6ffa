import { QUESTION_KIND_NAMES, QUESTION_KINDS } from '../../core';
import type { Question, QuestionKind } from '../../core';
import { prefs, usePrefs } from '../lecture/prefs';
import { predictStore, usePredict } from './predictStore';
import type { Revealed } from './predictStore';
import './predict.css';

function givenText(q: Question, given: number): string {
  return q.answer.type === 'frame' ? `pfn ${given}` : (q.answer.choices[given] ?? '?');
}

function Choices({ q, given }: { q: Question; given: number | null }) {
  if (q.answer.type === 'frame') {
    return (
      <p className="predict-hint">
        {given === null
          ? 'Click a frame in the grid, or Tab into it, move with the arrow keys and press Enter.'
          : `Your answer: pfn ${given}.`}
      </p>
    );
  }
  return (
    <div className="predict-choices" role="group" aria-label="Answers">
      {q.answer.choices.map((c, i) => (
        <button
          key={c}
          type="button"
          className={`btn predict-choice${given === i ? ' predict-chosen' : ''}`}
          aria-pressed={given === i}
          disabled={given !== null && given !== i}
          onClick={() => predictStore.getState().answer(i)}
        >
          {i < 9 && (
            // The key that gives this answer (usePredictKeys); the name stays the answer alone.
            <kbd className="predict-key" aria-hidden="true">
              {i + 1}
            </kbd>
          )}
          {c}
        </button>
      ))}
    </div>
  );
}

function Reveal({ last }: { last: Revealed }) {
  const { question: q, given, right } = last;
  const verdict = given === null ? 'Not answered.' : right ? '✓ Right.' : '✗ Not this time.';
  return (
    <p
      className={`predict-reveal ${given === null ? '' : right ? 'predict-right' : 'predict-wrong'}`}
    >
      <strong>{verdict}</strong> {given !== null && !right && `You said ${givenText(q, given)}. `}
      {q.reveal}
    </p>
  );
}

function KindPicker() {
  const kinds = usePrefs((p) => p.predictKinds);
  const toggle = (k: QuestionKind) => {
    const next = kinds.includes(k) ? kinds.filter((x) => x !== k) : [...kinds, k];
    prefs.getState().setPredictKinds(QUESTION_KINDS.filter((x) => next.includes(x)));
  };
  return (
    <details className="predict-kinds">
      <summary>Ask about…</summary>
      {QUESTION_KINDS.map((k) => (
        <label key={k} className="check">
          <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} />
          {QUESTION_KIND_NAMES[k]}
        </label>
      ))}
    </details>
  );
}

/** Predict mode: the question about the next step, the last answer revealed, the score. */
export function PredictCard() {
  const on = usePrefs((p) => p.predict);
  const open = usePredict((s) => s.open);
  const given = usePredict((s) => s.given);
  const last = usePredict((s) => s.last);
  const score = usePredict((s) => s.score);
  if (!on) return null;
  return (
    <section className="panel predict" aria-label="Prediction">
      <header className="panel-head">
        <h2>Predict</h2>
        <span className="panel-note" aria-live="polite">
          Score {score.right} of {score.answered}
          {score.unanswered > 0 && ` · ${score.unanswered} shown without an answer`}
        </span>
      </header>
      <div className="panel-body">
        {last && <Reveal last={last} />}
        {open ? (
          <div className="predict-question" aria-live="polite">
            <p className="predict-prompt">{open.prompt}</p>
            <Choices q={open} given={given} />
            <p className="predict-next muted">
              {given === null ? 'Answer, then' : 'Now'} press → to see the step.
            </p>
          </div>
        ) : (
          <p className="muted">No question at this step: step on.</p>
        )}
        <KindPicker />
      </div>
    </section>
  );
}
