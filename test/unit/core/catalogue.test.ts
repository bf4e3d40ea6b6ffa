import { describe, expect, it } from 'vitest';
import { KINDS, modelFunctions, modelHasLine } from '../../../src/core';
import { MODEL_DECLS } from '../../../src/core/source/catalogue';
import { defineModel, fn, kind } from '../../../src/core/source/kind';
import type { KindDecl } from '../../../src/core/source/kind';
import type { Recorder } from '../../../src/core/trace/recorder';

describe('the step catalogue', () => {
  it('points every kind at a line of its own model’s pseudocode', () => {
    for (const k of KINDS) {
      expect(modelHasLine(k.model, k.line), `${k.model} ${k.name}`).toBe(true);
      expect(k.fn.model).toBe(k.model);
      expect(k.fn.lines[k.lineIndex].key).toBe(k.line);
    }
  });

  it('gives a kind the same named arguments in every model that declares it', () => {
    const byName = new Map<string, string>();
    for (const m of MODEL_DECLS) {
      // the models' kind tables differ in type; here only their args matter
      const kinds: Readonly<Record<string, KindDecl>> = m.kinds;
      for (const [name, decl] of Object.entries(kinds)) {
        const spec = JSON.stringify(decl.args);
        const seen = byName.get(name);
        if (seen !== undefined) expect(spec, name).toBe(seen);
        else byName.set(name, spec);
      }
    }
  });

  it('lists each model’s functions once, with a file path and at least one line', () => {
    for (const m of MODEL_DECLS) {
      const fns = modelFunctions(m.model);
      expect(fns.length).toBeGreaterThan(10);
      expect(new Set(fns.map((f) => f.name)).size).toBe(fns.length);
      for (const f of fns) {
        expect(f.file).toMatch(/^(kernel|mm|arch)\/[\w/]+\.[cS]$/);
        expect(f.lines.length).toBeGreaterThan(0);
      }
    }
  });

  it('keeps touched frames to frame columns and pfn names to pfn arguments', () => {
    const copy = KINDS.find((k) => k.model === 'linux-2.6.20' && k.name === 'cdpg.lowhigh')!;
    expect(copy.touches).toEqual(['p0', 'p1', 'p2']);
    expect(copy.pfnArgs.map((a) => a.name)).toEqual(['src', 'dst', 'via']);
    const read = KINDS.find((k) => k.model === 'linux-2.6.17' && k.name === 'li.data')!;
    // the pfn whose data the page holds is named, but the boot kernel never touches that frame
    expect(read.touches).toEqual(['p0']);
    expect(read.pfnArgs.map((a) => a.name)).toEqual(['into', 'of']);
  });
});

/**
 * What must not compile: each line below is a type error, and `tsc -b` (part of `npm test`)
 * fails if one of them ever compiles.
 */
export function mustNotCompile(rec: Recorder): void {
  // @ts-expect-error a kind no model declares
  rec.record('cdpg.nothing', {});
  // @ts-expect-error a missing argument
  rec.record('cdpg.low', { src: 1 });
  // @ts-expect-error an argument the kind does not take
  rec.record('cdpg.low', { src: 1, dst: 2, via: 3 });
  defineModel('test', [fn('f', 'kernel/power/snapshot.c', [['f.a', 'a();']])], {
    // @ts-expect-error a kind with no narration
    quiet: kind({ line: 'f.a', args: {} }),
    // @ts-expect-error a kind whose line is not in the model's listing
    lost: kind({ line: 'f.b', args: {}, say: () => 'b' }),
    // @ts-expect-error a kind with no line
    nowhere: { args: {}, say: () => 'c' },
  });
}
