/**
 * Fuzzing the scenario boundary: the layout parser, the scenario validator and the JSON text
 * reader get arbitrary input and mutations of valid input. Nothing may throw, and every rejection
 * is one printable line that starts with the field it is about (layouts also carry a character
 * offset inside the text).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset, parseLayout, parseScenario, parseScenarioText } from '../../../src/core';
import type { LayoutResult, ParseResult, ZoneSpec } from '../../../src/core';
import { rle, scenarioArb } from './arbitrary';

const RUNS = 10_000;
/** Generous: the CI machine is loaded; the cases themselves take a few seconds. */
const TIMEOUT = 180_000;

/** Valid documents to damage: the small presets and a fixed sample of random machines. */
const VALID_DOCS: unknown[] = [
  ...['teaching', 'needs-shrinking', 'not-enough-memory', 'lowmem-only'].map(
    (n) => getPreset(n)?.doc,
  ),
  ...fc.sample(scenarioArb, { numRuns: 12, seed: 11 }),
];
const validDoc = fc.constantFrom(...VALID_DOCS);

// eslint-disable-next-line no-control-regex -- the property is that none of these reach a message
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function assertOneLine(message: string): void {
  if (message.length === 0 || UNSAFE.test(message))
    throw new Error(`not a printable one-line message: ${JSON.stringify(message)}`);
}

function assertLayoutResult(r: LayoutResult, text: string, zones: readonly ZoneSpec[]): void {
  if (r.ok) {
    r.zones.forEach((runs, z) => {
      if (runs.reduce((s, x) => s + x.count, 0) !== zones[z].pages)
        throw new Error(`accepted ${JSON.stringify(text)} with a wrong total`);
    });
    return;
  }
  const e = r.error;
  assertOneLine(e.message);
  if (!e.message.startsWith(`${e.field}: `)) throw new Error(`no field first: ${e.message}`);
  if (e.index < 0 || e.length < 0 || e.index + e.length > text.length)
    throw new Error(`offset ${e.index}+${e.length} outside ${JSON.stringify(text)}`);
}

function assertScenarioResult(r: ParseResult): void {
  if (r.ok) return;
  assertOneLine(r.error);
  if (r.error !== r.rejection.message || r.rejection.field === '')
    throw new Error(`rejection without its field: ${JSON.stringify(r.rejection)}`);
}

const ZONES: ZoneSpec[] = [
  { name: 'DMA', pages: 6, highmem: false },
  { name: 'Normal', pages: 20, highmem: false },
  { name: 'HighMem', pages: 9, highmem: true },
];

const layoutChar = fc.constantFrom(
  ...'FSCKNRXBZOfs0123456789 |\t\n,;-+.'.split(''),
  '\u001b',
  '\u0000',
  '\u2028',
  '\u202e',
  '\ud83d\ude00',
  'é',
);
const layoutText = fc.oneof(
  fc.string({ unit: layoutChar, maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A valid layout of ZONES, as runs of random letters. */
const validLayout = fc
  .tuple(
    fc.array(fc.constantFrom('F', 'S', 'C', 'K', 'N', 'X'), { minLength: 26, maxLength: 26 }),
    fc.array(fc.constantFrom('F', 'S', 'C', 'R', 'X'), { minLength: 9, maxLength: 9 }),
  )
  .map(([low, high]) => `${rle(low.slice(0, 6))} | ${rle(low.slice(6))} | ${rle(high)}`);

/** One edit of a text: insert, delete or replace a character, or duplicate or drop a slice. */
const mutation = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'drop'),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 6 }),
  ch: layoutChar,
});

function mutate(text: string, m: { kind: string; at: number; len: number; ch: string }) {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.ch + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'replace':
      return text.slice(0, at) + m.ch + text.slice(at + 1);
    case 'duplicate':
      return text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
    default:
      return text.slice(0, at) + text.slice(at + m.len);
  }
}

describe('fuzzing the layout parser', () => {
  it(
    `never throws on arbitrary text (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(layoutText, fc.boolean(), (text, resume) => {
          const r = resume
            ? parseLayout('resume', text, ZONES, 'FKNRXB', 'KN', 'R')
            : parseLayout('suspend', text, ZONES, 'FSCKNRX', 'KN', 'R');
          assertLayoutResult(r, text, ZONES);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `rejects or accepts mutated valid layouts consistently (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(validLayout, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, ms) => {
          const bad = ms.reduce(mutate, text);
          assertLayoutResult(parseLayout('suspend', bad, ZONES, 'FSCKNRX', 'KN', 'R'), bad, ZONES);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

/** Paths into a scenario document that a mutation may touch. */
const PATHS: (string | number)[][] = [
  ['format'],
  ['name'],
  ['description'],
  ['model'],
  ['zones'],
  ['zones', 0],
  ['zones', 0, 'name'],
  ['zones', 0, 'pages'],
  ['zones', 0, 'highmem'],
  ['zones', 1, 'pages'],
  ['constants'],
  ['constants', 'pagesForIo'],
  ['constants', 'imageSize'],
  ['constants', 'swapPages'],
  ['allocator'],
  ['allocator', 'policy'],
  ['allocator', 'seed'],
  ['suspend'],
  ['resume'],
];

type Doc = Record<string, unknown>;

/** Sets, deletes or renames the field at `path` (creating objects on the way). */
function edit(
  doc: Doc,
  path: (string | number)[],
  op: 'set' | 'delete' | 'rename',
  value: unknown,
  newKey: string,
): Doc {
  const copy = structuredClone(doc);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (typeof next !== 'object' || next === null) return copy;
    parent = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (op === 'delete') delete parent[last];
  else if (op === 'rename') {
    parent[newKey] = parent[last];
    delete parent[last];
  } else parent[last] = value;
  return copy;
}

const renamed = fc.oneof(
  fc.constantFrom(
    'pagesForIO',
    'PagesForIo',
    'imagesize',
    'Seed',
    'polcy',
    'zone',
    'Format',
    'highMem',
    'resum',
  ),
  fc.string({ maxLength: 12 }),
);

const editArb = fc.record({
  path: fc.constantFrom(...PATHS),
  op: fc.constantFrom('set', 'set', 'delete', 'rename'),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, -1, 0, 1.5, 2 ** 32, 1e308, '', 'random', 'HighMem', 'F0', 'S 6', '6S'),
  ),
  newKey: renamed,
});

describe('fuzzing the scenario validator', () => {
  it(
    `never throws on arbitrary JSON values (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) =>
          assertScenarioResult(parseScenario(doc)),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `never throws on mutations of valid scenarios (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(validDoc, fc.array(editArb, { minLength: 1, maxLength: 3 }), (doc, edits) => {
          const bad = edits.reduce((d, e) => edit(d, e.path, e.op, e.value, e.newKey), doc as Doc);
          assertScenarioResult(parseScenario(bad));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    `never throws on arbitrary or damaged JSON text (${RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 80 }),
            validDoc.chain((doc) =>
              fc
                .array(mutation, { minLength: 1, maxLength: 3 })
                .map((ms) => ms.reduce(mutate, JSON.stringify(doc))),
            ),
          ),
          (text) => {
            const r = parseScenarioText(text);
            assertScenarioResult(r);
            const i = r.ok ? undefined : r.rejection.index;
            if (i !== undefined && (i < 0 || i > text.length))
              throw new Error(`offset ${i} outside the text`);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the fuzzed inputs start from valid ones', () => {
  it('every seed document and layout is accepted before it is damaged', () => {
    for (const doc of VALID_DOCS) expect(parseScenario(doc).ok).toBe(true);
    for (const text of fc.sample(validLayout, { numRuns: 50, seed: 3 }))
      expect(parseLayout('suspend', text, ZONES, 'FSCKNRX', 'KN', 'R').ok).toBe(true);
  });
});
