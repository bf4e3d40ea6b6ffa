import { ROLE_NAMES } from '../roles';
import type { Trace } from '../trace/trace';
import { kindInfo, stepArgs } from './catalogue';
import type { KindInfo } from './catalogue';
import type { StepArrow, Words } from './kind';

const COUNT = new Intl.NumberFormat('en-US');

/** Numbers in sentences: thousands separators, as everywhere on the page. */
export function formatNumber(x: number): string {
  return COUNT.format(x);
}

/** "1 page", "2 pages", "1,024 pages"; `many` for irregular plurals. */
export function plural(x: number, one: string, many = `${one}s`): string {
  return `${formatNumber(x)} ${x === 1 ? one : many}`;
}

export interface NarrationContext {
  zoneNames: readonly string[];
}

/** The kind of step `step`. */
export function stepKind(trace: Trace, step: number): KindInfo {
  return kindInfo(trace.columns.line[step]);
}

/** Step `step`'s arguments by the names its kind gives them. */
export function stepArgsOf(trace: Trace, step: number): Record<string, number> {
  return stepArgs(stepKind(trace, step), trace.columns, step);
}

/** The narration of step `step` of `trace`, from its kind's declaration. */
export function narrate(
  trace: Trace,
  ctx: NarrationContext,
  step: number,
  roleAt?: (pfn: number) => number,
): string {
  const info = stepKind(trace, step);
  const w: Words = {
    n: formatNumber,
    pl: plural,
    zone: (i) => ctx.zoneNames[i] ?? `zone ${i}`,
    bitmap: (id) => trace.tables.bitmaps[id]?.name ?? 'bitmap',
    role: (pfn) => ROLE_NAMES[roleAt ? roleAt(pfn) : trace.initial.role[pfn]] ?? 'frame',
  };
  return info.decl.say(stepArgs(info, trace.columns, step), w);
}

/** The arrows step `step` draws on the grid (none for steps that move no page contents). */
export function stepArrows(trace: Trace, step: number): StepArrow[] {
  const info = stepKind(trace, step);
  if (!info.decl.arrows) return [];
  return info.decl
    .arrows(stepArgs(info, trace.columns, step))
    .filter((a) => a.to >= 0 && (a.from >= 0 || a.kind === 'load'));
}

/** The frames step `step` touched, as its kind declares them. */
export function stepTouched(trace: Trace, step: number): number[] {
  const info = stepKind(trace, step);
  const out: number[] = [];
  for (const col of info.touches) {
    const pfn = trace.columns[col][step];
    if (pfn >= 0) out.push(pfn);
  }
  return out;
}

/** The first step whose kind carries `mark`, or -1. */
export function firstMarkedStep(trace: Trace, mark: 'enough_free_mem' | 'verify'): number {
  const line = trace.columns.line;
  for (let i = 0; i < trace.steps; i++) if (kindInfo(line[i]).decl.marks === mark) return i;
  return -1;
}
