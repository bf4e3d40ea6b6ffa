import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';

/** What the kernel just did, in words; at the end of the run, the outcome. */
export function NarrationPanel() {
  const panels = useEngine((s) => s.panels);
  const info = useEngine((s) => s.info);
  const step = useEngine((s) => s.step);
  const atEnd = info !== null && info.complete && step >= info.totalSteps;
  const failed = info !== null && info.outcome !== 'restored';
  const text =
    panels?.narration ||
    `${info?.name ?? 'The machine'} is running; the user has asked to hibernate. Press Play or → to start.`;

  return (
    <Panel title="Narration" className="narration" live>
      <p className="narration-meta">
        {panels && (
          <>
            <span className={`phase-chip phase-${panels.phase}`}>{panels.phaseName}</span>
            <span className="side">{panels.side}</span>
            {panels.functionName && <code className="fn">{panels.functionName}()</code>}
          </>
        )}
      </p>
      <p className="narration-text">{text}</p>
      {atEnd && info && (
        <p className={failed ? 'outcome outcome-failed' : 'outcome outcome-ok'} role="status">
          {info.outcomeText}
          {info.outcomeDetail && <span className="outcome-detail">{info.outcomeDetail}</span>}
        </p>
      )}
    </Panel>
  );
}
