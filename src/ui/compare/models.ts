/**
 * The pair of models the compare view shows: any two of the three, oldest on the left; the
 * scenario each one runs (a preset a 2006 kernel cannot read is translated for it); and the
 * preallocation phase only linux-6.12 has, as its own band of the phase sync.
 */
import { getPreset } from '../../core';
import type { ModelId } from '../../core';
import type { CompleteRunInfo, ScenarioSource } from '../../protocol/messages';
import { MODEL_ORDER, versionOf } from '../shell/models';
import { PREALLOCATION_PHASE } from '../shell/url';
import type { SyncRun } from './sync';

export type ModelPair = readonly [ModelId, ModelId];

export const DEFAULT_PAIR: ModelPair = ['linux-2.6.17', 'linux-2.6.20'];

/** Where a pair starts: linux-6.12's preallocation phase when it is one of them, else suspend. */
export function startPhase(pair: ModelPair): number {
  return pair.includes('linux-6.12') ? PREALLOCATION_PHASE : 0;
}

/** The pair with `side` set to `model`, oldest first; picking the other side's model swaps them. */
export function withModel(pair: ModelPair, side: 0 | 1, model: ModelId): ModelPair {
  const other = pair[1 - side];
  const next: ModelId[] =
    other === model ? [pair[1], pair[0]] : side === 0 ? [model, other] : [other, model];
  next.sort((a, b) => MODEL_ORDER.indexOf(a) - MODEL_ORDER.indexOf(b));
  return [next[0], next[1]];
}

/** The colour class of a model's column: its own kernel colour, wherever it stands. */
export function modelClass(model: ModelId): 'legacy' | 'modern' | 'today' {
  return model === 'linux-2.6.17' ? 'legacy' : model === 'linux-2.6.20' ? 'modern' : 'today';
}

/**
 * What `model` runs for the scenario: the scenario itself, or, for a 2006 kernel, its document
 * with linux-6.12's letters rewritten. A zero page (Z) is an ordinary page in use to a 2006
 * kernel (it saves its 4096 zero bytes like any other), and a PageOffline page (O) is a page the
 * balloon driver holds: both run as S there. `note` says so, or is null.
 */
export function scenarioFor(
  source: ScenarioSource,
  model: ModelId,
): { source: ScenarioSource; note: string | null } {
  const raw = source.kind === 'preset' ? getPreset(source.name)?.doc : source.doc;
  const doc =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
  if (model === 'linux-6.12' || !doc || typeof doc.suspend !== 'string')
    return { source, note: null };
  let zero = 0;
  let offline = 0;
  const suspend = doc.suspend.replace(/([ZO])(\d+)/g, (_, letter: string, n: string) => {
    if (letter === 'Z') zero += Number(n);
    else offline += Number(n);
    return `S${n}`;
  });
  if (zero === 0 && offline === 0) return { source, note: null };
  const what = [
    zero > 0 ? `${zero.toLocaleString('en')} zero ${zero === 1 ? 'page' : 'pages'} (Z)` : '',
    offline > 0 ? `${offline.toLocaleString('en')} offline (O)` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    source: { kind: 'document', doc: { ...doc, suspend } },
    note: `${versionOf(model)} has no zero or offline pages: the machine's ${what} run as ordinary saveable pages (S) under it.`,
  };
}

/**
 * A run as the phase sync sees it. linux-6.12's steps before the freeze (the basic bitmaps and
 * hibernate_preallocate_memory()) become a phase of their own, PREALLOCATION_PHASE, before
 * suspend; a 2006 run has none, so while the shared position is there it waits at the start of
 * its suspend phase (the sync's rule for a phase a run skips).
 */
export function syncRunOf(info: CompleteRunInfo | null): SyncRun | null {
  if (!info) return null;
  const pre = info.preallocation;
  const phases =
    pre && pre.end > pre.start
      ? [
          { phase: PREALLOCATION_PHASE, name: 'preallocation', start: pre.start, end: pre.end },
          ...info.phases.map((p) => (p.phase === 0 ? { ...p, start: pre.end } : p)),
        ]
      : info.phases;
  return { phases, totalSteps: info.totalSteps, outcome: info.outcome };
}
