/**
 * The types of the step catalogue. A model declares, once per kind of kernel action, where it
 * runs (a line of its own pseudocode, which names the function and the file), its named
 * arguments and the columns they are packed into, its sentence and its arrows (the counters a step
 * moved are read from its register changes, not declared). A model file is a listing plus a table of kinds, built with `defineModel`.
 */

/** Frame columns: the pfns a step touched. */
export type FrameCol = 'p0' | 'p1' | 'p2';
/** Number columns: counts, cases, indexes. */
export type NumCol = 'n0' | 'n1';
/**
 * Where a named argument is kept: a frame column (a frame the step touched), a number column,
 * or a number column holding a pfn that the step names but does not touch (the original pfn of
 * an image page read into another frame, say).
 */
export type ArgCol = FrameCol | NumCol | 'pfn:n0' | 'pfn:n1';

/** A kind's arguments: name → column. */
export type ArgSpec = Readonly<Record<string, ArgCol>>;

/** The values of a kind's arguments (a frame argument of -1 means none). */
export type Args<A extends ArgSpec> = { readonly [K in keyof A]: number };

export type ArrowKind = 'copy' | 'bounce' | 'load' | 'swap' | 'restore';

/**
 * One arrow on the grid, from frame to frame. A load arrow comes from the image on swap: its
 * `from` is the pfn whose data the page holds, or -1 for the header and meta pages.
 */
export interface StepArrow {
  from: number;
  to: number;
  kind: ArrowKind;
}

/** What a sentence may ask about the run around its step. */
export interface Words {
  /** A count with thousands separators: 126,976. */
  n(x: number): string;
  /** A count and its noun, singular or plural: "1 page", "1,024 pages". */
  pl(x: number, one: string, many?: string): string;
  /** A zone's name by its index. */
  zone(index: number): string;
  /** A memory bitmap's variable name by its instance id (orig_bm, copy_bm, safe_highmem_bm). */
  bitmap(id: number): string;
  /** The role of a frame at this step, in words. */
  role(pfn: number): string;
}

/** One kind of kernel action. `L` is the model's pseudocode line keys. */
export interface KindDecl<A extends ArgSpec = ArgSpec, L extends string = string> {
  /** The pseudocode line the step points at; its function and file come from the listing. */
  readonly line: L;
  readonly args: A;
  /** The sentence, in the kernel's vocabulary. */
  say(a: Args<A>, w: Words): string;
  /** Arrows on the grid (steps that move page contents). */
  arrows?(a: Args<A>): readonly StepArrow[];
  /** Frame arguments that are not frames the step touched (default: every frame argument is). */
  readonly untouched?: readonly (keyof A & string)[];
  /**
   * Steps some consumer looks for: `enough_free_mem` holds the comparison the Counters panel
   * draws (args `free` and `need`); `verify` the restored kernel's final check (args `checked`
   * and `differ`).
   */
  readonly marks?: 'enough_free_mem' | 'verify';
}

/** A kind declaration with its argument names inferred from `args`. */
export function kind<const A extends ArgSpec, const L extends string>(
  d: KindDecl<A, L>,
): KindDecl<A, L> {
  return d;
}

/** One function of a listing: name, file, and its lines as [key, code]. */
export interface FunctionDecl<L extends string = string> {
  readonly name: string;
  readonly file: string;
  readonly lines: readonly (readonly [L, string])[];
}

export function fn<const L extends string>(
  name: string,
  file: string,
  lines: readonly (readonly [L, string])[],
): FunctionDecl<L> {
  return { name, file, lines };
}

/** The line keys of a listing. */
export type LineOf<F extends readonly FunctionDecl[]> =
  F[number] extends FunctionDecl<infer L> ? L : never;

/** A model: its id, its pseudocode listing and its kinds. */
export interface ModelDecl<
  M extends string = string,
  K extends Readonly<Record<string, KindDecl>> = Readonly<Record<string, KindDecl>>,
> {
  readonly model: M;
  readonly functions: readonly FunctionDecl[];
  readonly kinds: K;
}

/**
 * A model's declarations. Every kind's line must be a line of the model's own listing (checked
 * by the compiler), and every kind must say something (a kind without `say` or `line` does not
 * compile).
 */
export function defineModel<
  const M extends string,
  const F extends readonly FunctionDecl[],
  const K extends { readonly [k: string]: KindDecl<ArgSpec, LineOf<F>> },
>(model: M, functions: F, kinds: K): ModelDecl<M, K> {
  return { model, functions, kinds };
}
