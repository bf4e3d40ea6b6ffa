import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBackward,
  applyForward,
  cloneState,
  kindInfo,
  Marks,
  Reg,
  statesEqual,
} from '../../../src/core';
import type { Run } from '../../../src/core';
import { scenarioArb } from './arbitrary';
import { run } from './helpers';
import { predictSuspend } from './reference';

const RUNS = { numRuns: 150 };
const OWNED = Marks.NS | Marks.NSF;

/** Walks every step of a run, calling `check(step, key, before)` with the state before the step. */
function walk(
  r: Run,
  check: (step: number, key: string, s: ReturnType<typeof cloneState>) => void,
): ReturnType<typeof cloneState> {
  const s = cloneState(r.trace.initial);
  for (let i = 0; i < r.trace.steps; i++) {
    check(i, kindInfo(r.trace.columns.line[i]).name, s);
    applyForward(r.trace, s, i);
  }
  return s;
}

function popcount(flags: Uint8Array, bit: number): number {
  let n = 0;
  for (const f of flags) if (f & bit) n++;
  return n;
}

describe('linux-2.6.20 core, property-based', () => {
  it('every completed run verifies; a failed run never does', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { report } = run(doc, false);
        if (report.outcome === 'restored') expect(report.verified).toBe(true);
        else expect(report.verified).toBe(false);
      }),
      RUNS,
    );
  });

  it('the suspend fails exactly when the shrink loop or enough_free_mem says so', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { report } = run(doc, false);
        const predicted = predictSuspend(doc);
        const fn = report.outcome === 'suspend-failed' ? report.failure?.function : null;
        if (predicted === 'shrink') expect(fn).toBe('swsusp_shrink_memory');
        else if (predicted === 'enough') expect(fn).toBe('enough_free_mem');
        else expect(report.outcome).not.toBe('suspend-failed');
      }),
      RUNS,
    );
  });

  it('holds the kernel invariants at every step', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { run: r, report } = run(doc, false);
        const t = r.trace;
        const c = t.columns;
        const image = t.tables.image;
        const saved = Array.from(
          { length: t.tables.copyPairs.length / 2 },
          (_, i) => t.tables.copyPairs[2 * i],
        );
        let dataRead = 0;
        walk(r, (i, key, s) => {
          if (key === 'cdp.reset') {
            // counts match at copy time
            const n = popcount(s.flags, Marks.BM_ORIG);
            expect(popcount(s.flags, Marks.BM_COPY)).toBe(n);
            expect(n).toBe(s.regs[Reg.saveableLowmem] + s.regs[Reg.saveableHighmem]);
          }
          if (key === 'li.data') {
            // loading writes only owned-unsafe frames (their own page), safe frames, or buffer
            const target = c.p0[i];
            const page = image[c.n0[i]];
            expect(page.kind).toBe('data');
            expect(page.pfn).toBe(saved[dataRead++]);
            const isBuffer = target === s.regs[Reg.buffer];
            const unsafe = (s.flags[target] & Marks.IMAGE_PFN) !== 0;
            expect((s.flags[target] & OWNED) === OWNED || isBuffer).toBe(true);
            if (unsafe && !isBuffer) expect(target).toBe(page.pfn);
          }
          if (key === 'clhp.copy' || key === 'swf.copy') {
            const dst = c.p1[i];
            expect((s.flags[dst] & OWNED) === OWNED).toBe(true);
          }
          if (key === 'ar.copy') {
            // the restore loop reads only safe frames and writes only image pfns
            expect(s.flags[c.p0[i]] & Marks.IMAGE_PFN).toBe(0);
            expect(s.flags[c.p1[i]] & Marks.IMAGE_PFN).not.toBe(0);
          }
          if (key === 'rh.swap') {
            expect(s.flags[c.p0[i]] & Marks.IMAGE_PFN).toBe(0);
            expect(s.flags[c.p1[i]] & Marks.IMAGE_PFN).not.toBe(0);
          }
        });
        if (report.suspend?.copies) {
          // the k-th image data page belongs to the k-th saved pfn, in ascending order, with its snapshot content
          const data = image.filter((p) => p.kind === 'data');
          expect(data.map((p) => p.pfn)).toEqual(saved);
          expect([...saved].sort((a, b) => a - b)).toEqual(saved);
          for (const p of data) expect(p.content).toBe(t.snapshotContent[p.pfn]);
        }
        if (report.outcome === 'restored') {
          // supply of safe homes covers demand exactly, but for pages that became direct targets later
          const supply =
            t.tables.safePages.length + popcount(walkTo(r, 'phi.done'), Marks.BM_SAFE_HIGH);
          const demand =
            report.resume!.lowmemPbes! +
            report.resume!.highmemPbesToHighmem! +
            report.resume!.highmemPbesToLowmem!;
          expect(demand).toBeLessThanOrEqual(supply);
          expect(dataRead).toBe(saved.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('applying every step forward then backward returns the initial state', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { run: r } = run(doc, false);
        const s = cloneState(r.trace.initial);
        for (let i = 0; i < r.trace.steps; i++) applyForward(r.trace, s, i);
        for (let i = r.trace.steps - 1; i >= 0; i--) applyBackward(r.trace, s, i);
        expect(statesEqual(s, r.trace.initial)).toBe(true);
      }),
      RUNS,
    );
  });
});

/** Flags just after the first step with line `key` (or the initial flags when there is none). */
function walkTo(r: Run, key: string): Uint8Array {
  const s = cloneState(r.trace.initial);
  for (let i = 0; i < r.trace.steps; i++) {
    applyForward(r.trace, s, i);
    if (kindInfo(r.trace.columns.line[i]).name === key) break;
  }
  return s.flags;
}
