import type { Run } from '../run';
import type { Trace } from '../trace/trace';

/**
 * What one invariant check sees of a state: the step that led to it (0-based, as in the trace's
 * columns), its pseudocode key, the frame flags and kernel registers after that step, and how
 * many frames hold an orig_bm and a copy_bm bit.
 */
export interface InvariantContext {
  trace: Trace;
  step: number;
  key: string;
  flags: Uint8Array;
  regs: Int32Array;
  origBits: number;
  copyBits: number;
}

/** One property that restore safety rests on, checked at the steps that rely on it. */
export interface InvariantCheck {
  id: string;
  /** The property in one line, in the kernel's vocabulary. */
  statement: string;
  /** Pseudocode keys of the steps that rely on it: it is checked after each of them. */
  kinds: readonly string[];
  /** null when it holds at `ctx`; otherwise one sentence saying what broke, naming frames. */
  check: (ctx: InvariantContext) => string | null;
}

/** Builds a model's checks for one run (a check may precompute from the finished trace). */
export type InvariantFactory = (run: Run) => InvariantCheck[];

/** One invariant over the whole run: where it is checked and the first step it failed at. */
export interface InvariantSummary {
  id: string;
  statement: string;
  /** How many steps rely on it, and the first and last of them (-1 when none). */
  checks: number;
  firstCheck: number;
  lastCheck: number;
  /** First step at which it failed (-1: never), and what broke there. */
  firstFailure: number;
  failure: string | null;
}
