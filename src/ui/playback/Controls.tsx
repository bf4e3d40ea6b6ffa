import type { StepUnit } from '../../protocol/messages';
import { useEngine, useEngineStore } from '../shell/EngineContext';
import { Icon } from '../shell/Icons';
import type { IconName } from '../shell/Icons';
import { playOrPause } from './playback';
import './playback.css';

export const RATES: readonly number[] = [0.5, 1, 2, 4, 8, 15, 30, 60, 120];

const UNIT_WORDS: Readonly<Record<StepUnit, [string, string]>> = {
  step: ['step', 'steps'],
  call: ['function call', 'calls'],
  phase: ['phase', 'phases'],
};

function Btn(props: {
  label: string;
  icon: IconName;
  keys: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      className={props.primary ? 'btn btn-primary' : 'btn'}
      aria-label={props.label}
      title={`${props.label} (${props.keys})`}
      aria-keyshortcuts={props.keys}
      disabled={props.disabled}
      onClick={(e) => {
        props.onClick();
        // After a pointer click the focus goes back to the page, so keys act on the visualiser.
        if (e.detail > 0) e.currentTarget.blur();
      }}
    >
      <Icon name={props.icon} />
    </button>
  );
}

/** Transport buttons, the play unit and the speed. */
export function Controls() {
  const store = useEngineStore();
  const step = useEngine((s) => s.step);
  const total = useEngine((s) => s.info?.totalSteps ?? 0);
  const ready = useEngine((s) => s.status === 'ready');
  const playing = useEngine((s) => s.playing);
  const unit = useEngine((s) => s.unit);
  const rate = useEngine((s) => s.rate);
  const a = store.getState();
  const atStart = !ready || step <= 0;
  const atEnd = !ready || step >= total;

  const play = () => playOrPause(store);

  return (
    <div className="controls" role="group" aria-label="Playback">
      <div className="transport">
        <Btn
          label="Go to start"
          icon="start"
          keys="Home"
          disabled={atStart}
          onClick={() => a.seek(0)}
        />
        <Btn
          label="Previous phase"
          icon="prevPhase"
          keys="PageUp"
          disabled={atStart}
          onClick={() => a.move('phase', -1)}
        />
        <Btn
          label="Previous function call"
          icon="prevCall"
          keys="Shift+ArrowLeft"
          disabled={atStart}
          onClick={() => a.move('call', -1)}
        />
        <Btn
          label="Step back"
          icon="back"
          keys="ArrowLeft"
          disabled={atStart}
          onClick={() => a.move('step', -1)}
        />
        <Btn
          label={playing ? 'Pause' : 'Play'}
          icon={playing ? 'pause' : 'play'}
          keys="Space"
          primary
          disabled={!ready}
          onClick={play}
        />
        <Btn
          label="Step forward"
          icon="forward"
          keys="ArrowRight"
          disabled={atEnd}
          onClick={() => a.move('step', 1)}
        />
        <Btn
          label="Next function call"
          icon="nextCall"
          keys="Shift+ArrowRight"
          disabled={atEnd}
          onClick={() => a.move('call', 1)}
        />
        <Btn
          label="Next phase"
          icon="nextPhase"
          keys="PageDown"
          disabled={atEnd}
          onClick={() => a.move('phase', 1)}
        />
        <Btn
          label="Go to end"
          icon="end"
          keys="End"
          disabled={atEnd}
          onClick={() => a.seek(total)}
        />
      </div>
      <label className="field">
        <span>Play by</span>
        <select
          aria-label="Play by"
          value={unit}
          onChange={(e) => {
            e.target.blur();
            a.setUnit(e.target.value as StepUnit);
          }}
        >
          <option value="step">step</option>
          <option value="call">function call</option>
          <option value="phase">phase</option>
        </select>
      </label>
      <label className="field">
        <span>Speed</span>
        <select
          aria-label="Speed"
          value={String(rate)}
          onChange={(e) => {
            e.target.blur();
            a.setRate(Number(e.target.value));
          }}
        >
          {(RATES.includes(rate) ? RATES : [...RATES, rate].sort((x, y) => x - y)).map((r) => (
            <option key={r} value={String(r)}>
              {r} {r === 1 ? UNIT_WORDS[unit][0] : UNIT_WORDS[unit][1]}/s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
