/**
 * Arrows for the grid: where the step moved page contents, from its pseudocode line and its
 * frame arguments (p0 source, p1 destination, p2 via). A load comes from the image on swap, so
 * its `from` is the pfn whose data the page holds, or -1 for header and meta pages.
 */
import { lineKey } from '../../core';
import type { Trace } from '../../core';
import type { Arrow } from '../../protocol/messages';

interface StepArgs {
  p0: number;
  p1: number;
  p2: number;
  n1: number;
}

type ArrowRule = (a: StepArgs) => Arrow[];

/** A copy, and when it goes through a buffer, the two legs of the bounce. */
const copyVia: ArrowRule = ({ p0, p1, p2 }) => {
  const out: Arrow[] = [{ from: p0, to: p1, kind: 'copy' }];
  if (p2 >= 0) out.push({ from: p0, to: p2, kind: 'bounce' }, { from: p2, to: p1, kind: 'bounce' });
  return out;
};

const RULES: Record<string, ArrowRule> = {
  'cdpg.low': copyVia,
  'cdpg.high': copyVia,
  'cdpg.lowhigh': copyVia,
  'srn.high': ({ p0, p1 }) => [{ from: p0, to: p1, kind: 'bounce' }],
  'clhp.copy': ({ p0, p1 }) => [{ from: p0, to: p1, kind: 'copy' }],
  'swf.copy': ({ p0, p1 }) => [{ from: p0, to: p1, kind: 'copy' }],
  'li.read': ({ p0, n1 }) => [{ from: n1 >= 0 ? n1 : -1, to: p0, kind: 'load' }],
  'rh.swap': ({ p0, p1, p2 }) => [
    { from: p0, to: p1, kind: 'swap' },
    ...(p2 >= 0 ? [{ from: p0, to: p2, kind: 'bounce' } as const] : []),
  ],
  'ar.copy': ({ p0, p1 }) => [{ from: p0, to: p1, kind: 'restore' }],
};

export function buildArrows(trace: Trace, step: number): Arrow[] {
  if (step < 0) return [];
  const c = trace.columns;
  const rule = RULES[lineKey(c.line[step])] as ArrowRule | undefined;
  if (!rule) return [];
  const args = { p0: c.p0[step], p1: c.p1[step], p2: c.p2[step], n1: c.n1[step] };
  return rule(args).filter((a) => a.to >= 0 && (a.from >= 0 || a.kind === 'load'));
}

export function touchedBy(trace: Trace, step: number): number[] {
  if (step < 0) return [];
  const c = trace.columns;
  return [c.p0[step], c.p1[step], c.p2[step]].filter((p) => p >= 0);
}
