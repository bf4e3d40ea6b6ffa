/**
 * The step trace: one record per step, in the words of its model (function, file, pseudocode
 * line, named pfns, narration, printk). The CLI prints it as `--steps`; the page offers it as a
 * download. Everything comes from the step's kind in the catalogue.
 */
import { PHASE_NAMES } from '../kernel/phases';
import { Reg } from '../registers';
import type { Run } from '../run';
import { ARR_REGS, INDEX_BITS, INDEX_MASK } from '../trace/arrays';
import type { Trace } from '../trace/trace';
import { kindInfo } from './catalogue';
import { narrate } from './narration';

export interface StepRecord {
  /** 0-based step index. */
  index: number;
  /** suspend, image, power-off, resume, restore, restored. */
  phase: string;
  function: string;
  file: string;
  /** The pseudocode line id, a line of this model's own listing. */
  line: string;
  /** The pfns the step names, by the names its kind gives them. */
  pfns: Record<string, number>;
  narration: string;
  /** The kernel log lines the step printed, joined by newlines. */
  printk?: string;
}

/** The kernel log lines step `step` printed, or null. */
export function stepPrintk(trace: Trace, step: number): string | null {
  const ch = trace.changes;
  const start = trace.columns.changeStart[step];
  const end = step + 1 < trace.steps ? trace.columns.changeStart[step + 1] : ch.length / 3;
  let before = -1;
  let after = -1;
  for (let c = start; c < end; c++) {
    const t = ch[3 * c];
    if (t >>> INDEX_BITS === ARR_REGS && (t & INDEX_MASK) === Reg.logLines) {
      if (before < 0) before = ch[3 * c + 1];
      after = ch[3 * c + 2];
    }
  }
  if (after <= before) return null;
  return trace.tables.log.slice(before, after).join('\n');
}

/** Step `step` of `run` as a record. */
export function stepRecord(run: Run, step: number): StepRecord {
  const t = run.trace;
  const c = t.columns;
  const info = kindInfo(c.line[step]);
  const pfns: Record<string, number> = {};
  for (const a of info.pfnArgs) {
    const v = c[a.col][step];
    if (v >= 0) pfns[a.name] = v;
  }
  const rec: StepRecord = {
    index: step,
    phase: PHASE_NAMES[c.phase[step]] ?? `phase ${c.phase[step]}`,
    function: info.fn.name,
    file: info.fn.file,
    line: info.line,
    pfns,
    narration: narrate(t, { zoneNames: run.zones.map((z) => z.name) }, step),
  };
  const printk = stepPrintk(t, step);
  if (printk !== null) rec.printk = printk;
  return rec;
}

/** Steps `from` … `to - 1` of `run` (by default every step), in order. */
export function* stepTrace(run: Run, from = 0, to = run.trace.steps): Generator<StepRecord> {
  for (let i = Math.max(0, from); i < Math.min(to, run.trace.steps); i++) yield stepRecord(run, i);
}
