import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getPreset,
  isRight,
  kindInfo,
  MODELS,
  QUESTION_KINDS,
  QuestionSource,
} from '../../../src/core';
import type { Question, Run } from '../../../src/core';
import { scenarioArb } from './arbitrary';
import { run } from './helpers';

/** What the trace says the answer is, found without the generator's own tables. */
function oracle(r: Run, q: Question): number {
  const t = r.trace;
  const c = t.columns;
  switch (q.kind) {
    case 'copy-destination': {
      // The k-th copy step copies the k-th (src, dst) pair.
      let k = 0;
      for (let i = 0; i < q.step; i++)
        if (/^(cdpg\.|lcdp\.copy$)/.test(kindInfo(c.line[i]).name)) k++;
      expect(t.tables.copyPairs[2 * k]).toBe(q.subject[0]);
      return t.tables.copyPairs[2 * k + 1];
    }
    case 'load-path':
      return Array.from(t.tables.directPfns).includes(q.subject[0]) ? 0 : 1;
    case 'suspend-outcome':
      return r.outcome === 'suspend-failed' ? 1 : 0;
    case 'next-function': {
      if (q.answer.type !== 'choice') throw new Error('a choice question');
      return q.answer.choices.indexOf(kindInfo(c.line[q.step]).fn.name);
    }
  }
}

function checkAll(r: Run): Set<string> {
  const source = new QuestionSource(r);
  const kinds = new Set<string>();
  for (let step = -1; step <= r.trace.steps; step++) {
    for (const q of source.about(step)) {
      kinds.add(q.kind);
      expect(q.step).toBe(step);
      expect(QUESTION_KINDS).toContain(q.kind);
      expect(q.prompt.length).toBeGreaterThan(0);
      const right = oracle(r, q);
      if (q.answer.type === 'frame') {
        // Exactly one frame of the machine is right.
        let rightFrames = 0;
        for (let pfn = 0; pfn < r.trace.frames; pfn++) if (isRight(q, pfn)) rightFrames++;
        expect(rightFrames).toBe(1);
        expect(isRight(q, right)).toBe(true);
      } else {
        const { choices } = q.answer;
        expect(new Set(choices).size).toBe(choices.length);
        expect(choices.length).toBeGreaterThanOrEqual(2);
        expect(choices.filter((_, i) => isRight(q, i))).toHaveLength(1);
        expect(isRight(q, right)).toBe(true);
      }
    }
  }
  return kinds;
}

describe('predict-mode questions', () => {
  it('have exactly one right answer, the trace’s, on random runs of both models', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...MODELS), (doc, model) => {
        checkAll(run({ ...doc, model }, false).run);
      }),
      { numRuns: 60 },
    );
  });

  it('ask every kind on the teaching machine', () => {
    const kinds = checkAll(run(getPreset('teaching')!.doc, false).run);
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });

  it('say when a suspend fails', () => {
    const { run: r } = run(getPreset('not-enough-memory')!.doc, false);
    const [q] = new QuestionSource(r).about(0).filter((x) => x.kind === 'suspend-outcome');
    expect(q.answer).toMatchObject({ type: 'choice', correct: 1 });
  });

  it('look the same on every visit', () => {
    const { run: r } = run(getPreset('teaching')!.doc, false);
    const a = new QuestionSource(r);
    const b = new QuestionSource(r);
    for (let s = 0; s < r.trace.steps; s += 7) expect(a.about(s)).toEqual(b.about(s));
  });
});
