/** The page's copy of the frame arrays: deltas are written into it in place. */
import type { FrameArrays, FrameDelta } from '../protocol/messages';

/** Writes a delta into `frames`; returns false (and changes nothing) if a pfn is out of range. */
export function applyFrameDelta(frames: FrameArrays, delta: FrameDelta): boolean {
  const n = frames.role.length;
  const { pfns, role, flags, match } = delta;
  for (let i = 0; i < pfns.length; i++) if (pfns[i] >= n) return false;
  for (let i = 0; i < pfns.length; i++) {
    const pfn = pfns[i];
    frames.role[pfn] = role[i];
    frames.flags[pfn] = flags[i];
    frames.match[pfn] = match[i];
  }
  return true;
}
