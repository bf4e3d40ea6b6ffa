import { useId, useRef } from 'react';
import type { LayoutProblem } from './draft';

interface Props {
  label: string;
  value: string;
  problem: LayoutProblem | null;
  onChange: (text: string) => void;
}

/** Characters of context shown either side of the wrong one. */
const CONTEXT = 24;

/**
 * A layout typed as run-length text, checked on every keystroke: a problem is said in one line
 * and the wrong character is marked in a copy of the text under the field.
 */
export function LayoutField({ label, value, problem, onChange }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const from = problem ? Math.max(0, problem.index - CONTEXT) : 0;
  const to = problem
    ? Math.min(value.length, problem.index + Math.max(1, problem.length) + CONTEXT)
    : 0;
  const badEnd = problem ? problem.index + Math.max(1, problem.length) : 0;
  return (
    <div className="editor-layout-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={area}
        value={value}
        rows={2}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <div className="editor-problem" id={`${id}-problem`} role="alert">
          <p>
            {problem.message}{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                area.current?.focus();
                area.current?.setSelectionRange(problem.index, badEnd);
              }}
            >
              Show
            </button>
          </p>
          <pre className="editor-mark" aria-label={`character ${problem.index + 1}`}>
            {from > 0 && '…'}
            {value.slice(from, problem.index)}
            <mark>{value.slice(problem.index, badEnd) || ' '}</mark>
            {value.slice(badEnd, to)}
            {to < value.length && '…'}
          </pre>
        </div>
      )}
    </div>
  );
}
