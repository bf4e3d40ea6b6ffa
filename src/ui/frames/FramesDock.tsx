import { useState } from 'react';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { useSelection } from '../shell/SelectionContext';

/**
 * The fixed-height box under the grid: the legend, or the frame inspector once a frame is picked.
 * Its height never changes, so picking a frame never moves or shrinks the grid.
 */
export function FramesDock() {
  const { selected, seq } = useSelection();
  /** The pick (seq) for which the user chose the legend instead; a new pick shows the inspector. */
  const [legendAt, setLegendAt] = useState(-1);
  const inspecting = selected !== null && legendAt !== seq;
  return (
    <div className="dock">
      <div className="dock-switch" role="group" aria-label="Show under the grid">
        <button
          type="button"
          className="dock-tab"
          aria-pressed={!inspecting}
          onClick={() => setLegendAt(seq)}
        >
          Legend
        </button>
        <button
          type="button"
          className="dock-tab"
          aria-pressed={inspecting}
          disabled={selected === null}
          onClick={() => setLegendAt(-1)}
        >
          Frame inspector{selected !== null ? ` · pfn ${selected.toLocaleString('en-GB')}` : ''}
        </button>
      </div>
      <div className="dock-body" tabIndex={0}>
        {inspecting ? <Inspector /> : <Legend />}
      </div>
    </div>
  );
}
