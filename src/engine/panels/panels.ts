/**
 * PanelData for one state: everything the side panels show. State s describes step s-1 (the
 * step that led to it); state 0 is the machine before the first step.
 */
import { kindInfo, PHASE_NAMES, Reg } from '../../core';
import type { Run } from '../../core';
import type { PanelData } from '../../protocol/messages';
import type { Cursor } from '../cursor';
import type { RunIndex } from '../runIndex';
import { buildArrows, touchedBy } from './arrows';
import { buildBitmaps } from './bitmaps';
import { buildCounters, movedCounters } from './counters';
import { buildImagePanel, countMetaPages } from './image';
import { highmemPbList, restorePbList, safePagesList } from './lists';
import { indexPagedir, pagedirList } from './pagedir';
import type { PagedirIndex } from './pagedir';
import { logTail, narration, printkOf, sideOf } from './text';

export class PanelBuilder {
  private readonly metaPages: number;
  private readonly pagedir: PagedirIndex | null;

  constructor(
    private readonly run: Run,
    private readonly index: RunIndex,
    private readonly outcome: string,
  ) {
    this.metaPages = countMetaPages(run.trace);
    this.pagedir = indexPagedir(run.trace, run.scenario.model);
  }

  /** Everything but the invariants and the questions, which the session adds. */
  build(cursor: Cursor): Omit<PanelData, 'invariants' | 'questions'> {
    const trace = this.run.trace;
    const s = cursor.state;
    const regs = s.regs;
    const step = cursor.pos - 1;
    const cols = trace.columns;
    const kind = step >= 0 ? kindInfo(cols.line[step]) : null;
    const fn = kind?.fn ?? null;
    const phase = step >= 0 ? cols.phase[step] : 0;
    const pagedir = pagedirList(this.pagedir, cursor.pos, regs[Reg.side], s.role);
    return {
      step: cursor.pos,
      phase,
      phaseName: PHASE_NAMES[phase] ?? `phase ${phase}`,
      functionName: fn?.name ?? '',
      file: fn?.file ?? '',
      lineIndex: kind?.lineIndex ?? -1,
      kindId: kind?.id ?? -1,
      narration: narration(this.run, step, s.role),
      printk: printkOf(trace, step),
      touched: touchedBy(trace, step),
      arrows: buildArrows(trace, step),
      counters: buildCounters(
        regs,
        trace,
        cursor.pos,
        this.index.enoughFreeMemStep,
        this.run.linux612 !== undefined,
      ),
      moved: movedCounters(trace, step, this.index.enoughFreeMemStep),
      bitmaps: buildBitmaps(trace, s, cursor.bits),
      restorePbList: pagedir ?? restorePbList(trace, regs),
      ...(pagedir ? { pblistIsPagedir: true } : {}),
      highmemPbList: highmemPbList(trace, regs),
      safePagesList: safePagesList(trace, regs),
      image: buildImagePanel(
        trace,
        regs,
        step,
        this.metaPages,
        this.run.linux612?.suspend.zeroPfns ?? null,
      ),
      ...logTail(trace, regs),
      outcome: cursor.pos === trace.steps ? this.outcome : null,
      side: sideOf(regs),
    };
  }
}
