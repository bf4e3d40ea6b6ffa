/**
 * The step catalogue: every model's declarations, numbered. A step stores its kind's id (one
 * number across all models), so everything the page, the CLI and the tests say about a step
 * (function, file, pseudocode line, sentence, arrows, touched frames) comes from here.
 *
 * Adding a model: write its file in models/ with `defineModel`, and list it in MODEL_DECLS.
 */
import type { ArgCol, Args, KindDecl, ModelDecl, StepArrow, Words } from './kind';
import { MODEL_2617 } from './models/linux-2.6.17';
import { MODEL_2620 } from './models/linux-2.6.20';
import { MODEL_612 } from './models/linux-6.12';

export const MODEL_DECLS = [MODEL_2620, MODEL_2617] as const;

type Decls = (typeof MODEL_DECLS)[number];
type KindsOfModel<D> = D extends ModelDecl<string, infer K> ? K : never;
type AllKinds = KindsOfModel<Decls>;

/** Every kind name of every model. */
export type Kind = AllKinds extends infer K
  ? K extends unknown
    ? keyof K & string
    : never
  : never;

type SpecOf<K extends string> = AllKinds extends infer C
  ? C extends Record<string, KindDecl>
    ? K extends keyof C
      ? C[K]['args']
      : never
    : never
  : never;

/** The named arguments a kind takes (the same in every model that declares it). */
export type ArgsOf<K extends Kind> = K extends Kind ? Args<SpecOf<K>> : never;

/** The kinds whose arguments are exactly `T`. */
export type KindTaking<T> = {
  [K in Kind]: [ArgsOf<K>] extends [T] ? ([T] extends [ArgsOf<K>] ? K : never) : never;
}[Kind];

/** A function of a model's listing. */
export interface SourceLine {
  key: string;
  code: string;
}
export interface SourceFunction {
  model: string;
  name: string;
  file: string;
  lines: SourceLine[];
}

/** One kind of one model, resolved: what a step of it is. */
export interface KindInfo {
  id: number;
  model: string;
  name: string;
  fn: SourceFunction;
  /** The pseudocode line key and its index in `fn.lines`. */
  line: string;
  lineIndex: number;
  /** Index of `fn` in the catalogue's FUNCTIONS (one number per function per model). */
  fnIndex: number;
  decl: KindDecl;
  /** Argument name per column, or null when the kind does not use the column. */
  cols: Readonly<Record<'p0' | 'p1' | 'p2' | 'n0' | 'n1', string | null>>;
  /** Named pfns (frame arguments and pfn numbers). */
  pfnArgs: readonly { name: string; col: 'p0' | 'p1' | 'p2' | 'n0' | 'n1' }[];
  /** Frame columns that are frames the step touched. */
  touches: readonly ('p0' | 'p1' | 'p2')[];
}

const COLUMN_OF: Record<ArgCol, 'p0' | 'p1' | 'p2' | 'n0' | 'n1'> = {
  p0: 'p0',
  p1: 'p1',
  p2: 'p2',
  n0: 'n0',
  n1: 'n1',
  'pfn:n0': 'n0',
  'pfn:n1': 'n1',
};

export const FUNCTIONS: SourceFunction[] = [];
export const KINDS: KindInfo[] = [];
/** Per model: kind name → id. */
const IDS = new Map<string, Readonly<Record<string, number>>>();
const LINES = new Map<
  string,
  Map<string, { fn: SourceFunction; fnIndex: number; index: number }>
>();

function register(m: ModelDecl): void {
  const lines = new Map<string, { fn: SourceFunction; fnIndex: number; index: number }>();
  for (const f of m.functions) {
    const sf: SourceFunction = {
      model: m.model,
      name: f.name,
      file: f.file,
      lines: f.lines.map(([key, code]) => ({ key, code })),
    };
    const fnIndex = FUNCTIONS.length;
    FUNCTIONS.push(sf);
    sf.lines.forEach((l, index) => {
      if (lines.has(l.key)) throw new Error(`${m.model}: pseudocode line ${l.key} is listed twice`);
      lines.set(l.key, { fn: sf, fnIndex, index });
    });
  }
  const ids: Record<string, number> = {};
  for (const [name, decl] of Object.entries(m.kinds)) {
    const at = lines.get(decl.line);
    if (!at) throw new Error(`${m.model}: kind ${name} points at ${decl.line}, not in its listing`);
    const cols = { p0: null, p1: null, p2: null, n0: null, n1: null } as Record<
      'p0' | 'p1' | 'p2' | 'n0' | 'n1',
      string | null
    >;
    const pfnArgs: KindInfo['pfnArgs'][number][] = [];
    for (const [arg, spec] of Object.entries(decl.args)) {
      const col = COLUMN_OF[spec];
      if (cols[col] !== null) throw new Error(`${m.model}: kind ${name} uses ${col} twice`);
      cols[col] = arg;
      if (spec !== 'n0' && spec !== 'n1') pfnArgs.push({ name: arg, col });
    }
    const untouched = new Set<string>(decl.untouched ?? []);
    const touches = (['p0', 'p1', 'p2'] as const).filter((c) => {
      const arg = cols[c];
      return arg !== null && !untouched.has(arg);
    });
    const id = KINDS.length;
    KINDS.push({
      id,
      model: m.model,
      name,
      fn: at.fn,
      line: decl.line,
      lineIndex: at.index,
      fnIndex: at.fnIndex,
      decl: decl,
      cols,
      pfnArgs,
      touches,
    });
    ids[name] = id;
  }
  IDS.set(m.model, ids);
  LINES.set(m.model, lines);
}

/**
 * Models whose kinds are built at load time (linux-6.12): registered like the others, but kept out
 * of the compile-time Kind type, so their kernel code records through kernel/linux612/lines.ts.
 */
const BUILT_DECLS: readonly ModelDecl[] = [MODEL_612];

for (const m of [...MODEL_DECLS, ...BUILT_DECLS]) register(m);
if (KINDS.length > 0xffff) throw new Error('internal: more kinds than a step column can hold');

/** Kind name → id for one model (the recorder's table). */
export function kindIds(model: string): Readonly<Record<string, number>> {
  const ids = IDS.get(model);
  if (!ids) throw new Error(`internal: no step catalogue for model ${model}`);
  return ids;
}

export function kindInfo(id: number): KindInfo {
  const k = KINDS[id] as KindInfo | undefined;
  if (!k) throw new Error(`internal: unknown step kind ${id}`);
  return k;
}

/** Does `line` belong to `model`'s own pseudocode? */
export function modelHasLine(model: string, line: string): boolean {
  return LINES.get(model)?.has(line) ?? false;
}

/** The functions of one model's listing, in listing order. */
export function modelFunctions(model: string): SourceFunction[] {
  return FUNCTIONS.filter((f) => f.model === model);
}

/** The models with a catalogue. */
export const CATALOGUE_MODELS: readonly string[] = [...MODEL_DECLS, ...BUILT_DECLS].map(
  (m) => m.model,
);

/** A step's arguments by name, read from its columns. */
export function stepArgs(
  info: KindInfo,
  c: {
    p0: ArrayLike<number>;
    p1: ArrayLike<number>;
    p2: ArrayLike<number>;
    n0: ArrayLike<number>;
    n1: ArrayLike<number>;
  },
  step: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const col of ['p0', 'p1', 'p2', 'n0', 'n1'] as const) {
    const name = info.cols[col];
    if (name !== null) out[name] = c[col][step];
  }
  return out;
}

export type { StepArrow, Words };
