import type { Kernel } from '../kernel';
import { kindIds, kindInfo } from '../../source/catalogue';
import { STEPS_612 } from '../../source/models/linux-6.12';

/** Every kind of the linux-6.12 model, by its key in source/models/linux-6.12.ts. */
export const L: Record<string, string> = Object.fromEntries(
  STEPS_612.flatMap((f) => f.lines.map(([key]) => [key, `6.${key}`])),
);

const IDS = kindIds('linux-6.12');
const COLS = ['p0', 'p1', 'p2', 'n0', 'n1'] as const;

function named(kind: string, v: readonly number[]): Record<string, number> {
  const id = IDS[kind];
  if (id === undefined) throw new Error(`internal: linux-6.12 declares no step kind ${kind}`);
  const cols = kindInfo(id).cols;
  const a: Record<string, number> = {};
  COLS.forEach((c, i) => {
    const name = cols[c];
    if (name !== null) a[name] = v[i];
  });
  return a;
}

type Loose = (kind: string, args: Record<string, number>) => void;

/** Starts a step of `kind` with its columns given in order (frames -1 and numbers 0 when unused). */
export function step(k: Kernel, kind: string, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
  (k.rec.record as Loose).call(k.rec, kind, named(kind, [p0, p1, p2, n0, n1]));
}

/** Makes the current step a step of `kind` once the kernel has decided what it does. */
export function reword(k: Kernel, kind: string, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
  (k.rec.reword as Loose).call(k.rec, kind, named(kind, [p0, p1, p2, n0, n1]));
}
