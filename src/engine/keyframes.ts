/**
 * Keyframes live in the core (src/core/trace/keyframes.ts), which takes them while it simulates;
 * the engine's names for them, and the base image of a finished trace.
 */
import { baseImageOf } from '../core';
import type { FrameImage, Trace } from '../core';

export { initialKeyframe, packKeyframe, stateBytes, unpackKeyframe } from '../core';
export type { Keyframe } from '../core';

/** The whole-table image in effect at state `pos`: the initial one or the last bulk step's. */
export function baseImage(trace: Trace, pos: number): FrameImage {
  return baseImageOf(trace.initial, trace.bulk, pos);
}
