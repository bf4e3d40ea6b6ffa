import { ROLE_NAMES } from '../../core';
import { markNames, zoneOf } from '../../render';
import type { GridLayout, HoverInfo } from '../../render';
import { useEngine } from '../shell/EngineContext';
import './frames.css';

const MATCH = ['', 'holds its snapshot content', 'holds other content'];

/** The hover card of the grid: what the frame under the pointer is now. */
export function FrameTooltip({ hover, layout }: { hover: HoverInfo; layout: GridLayout }) {
  const frames = useEngine((s) => s.frames);
  useEngine((s) => s.framesVersion);
  if (!frames || hover.pfn >= frames.role.length) return null;
  const z = layout.zones[zoneOf(layout, hover.pfn)];
  const marks = markNames(frames.flags[hover.pfn]);
  const match = MATCH[frames.match[hover.pfn]] ?? '';
  const left = Math.min(hover.x + 14, window.innerWidth - 260);
  const top = Math.min(hover.y + 14, window.innerHeight - 110);
  return (
    <div className="tooltip" role="tooltip" style={{ left, top }}>
      <strong>pfn {hover.pfn.toLocaleString('en-GB')}</strong>
      {z && (
        <span>
          {' '}
          · {z.name} ({z.highmem ? 'highmem' : 'lowmem'})
        </span>
      )}
      <br />
      {ROLE_NAMES[frames.role[hover.pfn]]}
      {marks.length > 0 && <span className="muted"> · {marks.join(', ')}</span>}
      {match && <div className="muted">{match}</div>}
    </div>
  );
}
