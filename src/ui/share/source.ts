/**
 * What a link's scenario is to the engine: a document of one's own, a machine saved in this
 * browser (read from local storage now), or a preset by name. Both pages load through this.
 */
import { presetNames } from '../../core';
import type { ScenarioSource } from '../../protocol/messages';
import { isMachineKey, machineKey, shelf } from '../editor/machines';
import type { ViewState } from '../shell/url';

/** Names a link or the picker may give: the presets and the machines saved in this browser. */
export function scenarioNames(): string[] {
  return [...presetNames(), ...shelf.list().map((m) => machineKey(m.id))];
}

export function scenarioSource(view: Pick<ViewState, 'preset' | 'scenario'>): ScenarioSource {
  if (view.scenario !== null) return { kind: 'document', doc: view.scenario };
  const saved = isMachineKey(view.preset) ? shelf.get(view.preset) : undefined;
  return saved ? { kind: 'document', doc: saved.doc } : { kind: 'preset', name: view.preset };
}

/** The same machine and model (documents compared by content). */
export function sameScenario(
  a: Pick<ViewState, 'preset' | 'scenario' | 'model'>,
  b: Pick<ViewState, 'preset' | 'scenario' | 'model'>,
): boolean {
  if (a.model !== b.model) return false;
  if (a.scenario === null || b.scenario === null)
    return a.scenario === b.scenario && a.preset === b.preset;
  return a.scenario === b.scenario || JSON.stringify(a.scenario) === JSON.stringify(b.scenario);
}
