import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBackward,
  applyForward,
  auditInvariants,
  cloneState,
  kindInfo,
  Marks,
  Phase,
  statesEqual,
} from '../../../src/core';
import type { Run } from '../../../src/core';
import { scenario612Arb } from './arbitrary-612';
import { run } from './helpers';

const RUNS = { numRuns: 120 };
const OWNED = Marks.NS | Marks.NSF;

function walk(
  r: Run,
  check: (step: number, key: string, s: ReturnType<typeof cloneState>) => void,
): void {
  const s = cloneState(r.trace.initial);
  for (let i = 0; i < r.trace.steps; i++) {
    check(i, kindInfo(r.trace.columns.line[i]).name, s);
    applyForward(r.trace, s, i);
  }
}

describe('linux-6.12 core, property-based', () => {
  it('every completed run verifies; a failed run never does', () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { report } = run(doc, false);
        expect(report.model).toBe('linux-6.12');
        if (report.outcome === 'restored') expect(report.verified).toBe(true);
        else expect(report.verified).toBe(false);
      }),
      RUNS,
    );
  });

  it('counts add up: copied + zero = saved, the image is header + meta + data; no low→high copy', () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { report } = run(doc, true);
        const s = report.suspend as Record<string, unknown> | null;
        if (!s || s.copiedPages === null || s.copiedPages === undefined) return;
        const copied = s.copiedPages as number;
        const zero = s.zeroPages as number;
        const saved = (s.saveableLowmem as number) + (s.saveableHighmem as number);
        expect(copied + zero).toBe(saved);
        expect(s.imagePages).toBe(1 + (s.metaPages as number) + copied);
        expect(s.metaPages).toBe(Math.ceil((saved * 4) / 4096));
        expect((s.zeroPfns as number[]).length).toBe(zero);
        expect((s.copyPairs as number[][]).length).toBe(copied);
        const c = s.copies as Record<string, number>;
        expect(c.lowToHigh).toBe(0);
        expect(c.lowToLow + c.highToLow + c.highToHigh).toBe(copied);
      }),
      RUNS,
    );
  });

  it('loading writes only owned frames, and an image pfn only with its own page', () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { run: r } = run(doc, false);
        const c = r.trace.columns;
        walk(r, (i, key, s) => {
          if (c.phase[i] !== Phase.Resume) return;
          let target = -1;
          let own = -2;
          if (key === '6.srpRead' && r.trace.tables.image[c.n0[i]]?.kind === 'data') {
            target = c.p0[i];
            own = c.n1[i];
          } else if (key === '6.swnMemset') {
            target = c.p0[i];
            own = c.n0[i];
          } else if (key === '6.clhpCopy' || key === '6.swfCopy') target = c.p1[i];
          if (target < 0) return;
          expect(s.flags[target] & OWNED).toBe(OWNED);
          if (own !== -2 && s.flags[target] & Marks.IMAGE_PFN) expect(target).toBe(own);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('the restore loop reads only frames that are not image pfns', () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { run: r, report } = run(doc, false);
        if (report.outcome !== 'restored') return;
        const c = r.trace.columns;
        walk(r, (i, key, s) => {
          if (key !== '6.sarCopy' && key !== '6.rhSwap') return;
          if (key === '6.sarCopy') expect(s.flags[c.p0[i]] & Marks.IMAGE_PFN).toBe(0);
          else expect(s.flags[c.p2[i]] & Marks.IMAGE_PFN).toBe(0);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("holds the model's declared invariants at every step", () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { run: r } = run(doc, false);
        for (const a of auditInvariants(r)) expect(a).toMatchObject({ firstFailure: -1 });
      }),
      { numRuns: 60 },
    );
  });

  it('every step can be undone: backward from the end is the initial state', () => {
    fc.assert(
      fc.property(scenario612Arb, (doc) => {
        const { run: r } = run(doc, false);
        const s = cloneState(r.trace.initial);
        for (let i = 0; i < r.trace.steps; i++) applyForward(r.trace, s, i);
        for (let i = r.trace.steps - 1; i >= 0; i--) applyBackward(r.trace, s, i);
        expect(statesEqual(s, r.trace.initial)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
