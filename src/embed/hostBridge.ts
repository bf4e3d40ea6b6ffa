/**
 * The page's side of the host API: commands from the framing page drive the engine store, and
 * the store's changes go back to the host as events. Only the parent window is listened to, and
 * only from the allowed origins; events go to the host's origin, never to `*`.
 */
import { presetNames } from '../core';
import type { ModelId } from '../core';
import { completeInfo } from '../protocol/messages';
import type { ScenarioSource } from '../protocol/messages';
import type { EngineStore, EngineStoreState } from '../store/engineStore';
import { moveTarget } from '../store/moves';
import { EVENT_TYPE, parseHostMessage } from './hostProtocol';
import type { EmbedEvent, HostCommand } from './hostProtocol';
import { quote } from './text';

export interface LoadRequest {
  source: ScenarioSource;
  model: ModelId | null;
  step: number | null;
}

/** What the bridge needs of the window it lives in (a fake in tests). */
export interface BridgeWindow {
  parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface HostBridgeOptions {
  win: BridgeWindow;
  /** Origins commands are accepted from (see allowedOrigins). */
  allowed: readonly string[];
  /** The origin of the framing page, where known (events go there before any command). */
  hostOrigin: string | null;
  store: EngineStore;
  /** Loads a scenario the way the page's own picker does (URL, picker and store together). */
  load(request: LoadRequest): void;
  /** The preset the page shows or is loading, or null for a scenario of its own. */
  currentPreset(): string | null;
}

/**
 * The origins the page takes commands from: those of the `origins=` parameter, or else the
 * origin of the page that framed it (`ancestorOrigins` where the browser has it, else the
 * referrer). Empty when neither is known: then no command is accepted.
 */
export function allowedOrigins(
  fromHash: readonly string[],
  framer: { ancestorOrigins?: ArrayLike<string> | null; referrer?: string },
): { allowed: string[]; hostOrigin: string | null } {
  const ancestor = framer.ancestorOrigins?.length ? framer.ancestorOrigins[0] : null;
  let referrer: string | null;
  try {
    referrer = framer.referrer ? new URL(framer.referrer).origin : null;
  } catch {
    referrer = null;
  }
  const framing =
    ancestor && ancestor !== 'null' ? ancestor : referrer !== 'null' ? referrer : null;
  if (fromHash.length === 0) return { allowed: framing ? [framing] : [], hostOrigin: framing };
  return {
    allowed: [...fromHash],
    hostOrigin: framing && fromHash.includes(framing) ? framing : null,
  };
}

const STILL_LOADING = 'The run is still loading; send it again after the ready event.';

export function connectHost(opts: HostBridgeOptions): () => void {
  const { win, store, allowed } = opts;
  const parent = win.parent;
  if (!parent) return () => undefined;
  /** Where events go: the host's origin once known, else every allowed origin is tried. */
  let target: string | null = opts.hostOrigin;

  const post = (event: EmbedEvent) => {
    const message = { type: EVENT_TYPE, ...event };
    for (const origin of target ? [target] : allowed) {
      try {
        parent.postMessage(message, origin);
      } catch {
        // A parent gone or an origin the browser refuses: the host cannot hear us anyway.
      }
    }
  };

  const run = (command: HostCommand): string | null => {
    const s = store.getState();
    if (command.command === 'load') {
      if (command.preset !== undefined && !presetNames().includes(command.preset))
        return `There is no preset ${quote(command.preset)}; the presets are ${presetNames().join(', ')}.`;
      opts.load({
        source:
          command.preset !== undefined
            ? { kind: 'preset', name: command.preset }
            : { kind: 'document', doc: command.scenario },
        model: command.model ?? null,
        step: command.step ?? null,
      });
      return null;
    }
    if (command.command === 'pause') {
      s.pause();
      return null;
    }
    if (command.command === 'speed') {
      s.setUnit('step');
      s.setRate(command.stepsPerSecond);
      return null;
    }
    const info = s.info;
    if (!info) return STILL_LOADING;
    switch (command.command) {
      case 'play':
        s.play();
        return null;
      case 'seek':
        // A run still being traced goes there once the trace does.
        if (info.complete && command.step > info.totalSteps)
          return `Step ${command.step} is past the end of this run (${info.totalSteps} steps).`;
        s.seek(command.step);
        return null;
      case 'step':
        s.seek(
          Math.max(
            0,
            info.complete
              ? Math.min(info.totalSteps, s.step + command.delta)
              : s.step + command.delta,
          ),
        );
        return null;
      case 'phase': {
        if (command.delta === 0) return null;
        const count = Math.min(Math.abs(command.delta), info.phases.length + 1);
        s.seek(moveTarget(info, s.step, 'phase', command.delta > 0 ? 1 : -1, count));
        return null;
      }
    }
  };

  const onMessage = (e: MessageEvent) => {
    // Only the framing page, and only from an allowed origin; anything else is not ours to answer.
    if (e.source !== parent || !allowed.includes(e.origin)) return;
    const parsed = parseHostMessage(e.data);
    if (parsed.kind === 'ignore') return;
    target = e.origin;
    let problem: string | null;
    if (parsed.kind === 'error') problem = parsed.message;
    else {
      try {
        problem = run(parsed.command);
      } catch (err) {
        problem = `The command could not be run: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    if (problem) post({ event: 'error', message: problem });
  };

  const announce = (s: EngineStoreState, prev: EngineStoreState | null) => {
    const info = s.info;
    if (s.error && s.error !== prev?.error) post({ event: 'error', message: s.error });
    if (s.status !== 'ready' || !info || !s.panels) return;
    const fresh = info !== prev?.info;
    const preset = opts.currentPreset();
    if (fresh)
      post({
        event: 'ready',
        steps: info.totalSteps,
        model: info.model,
        ...(preset !== null ? { preset } : { name: info.name }),
      });
    if (fresh || s.step !== prev?.step) {
      post({
        event: 'step',
        step: s.step,
        phase: s.panels.phaseName,
        function: s.panels.functionName,
        narration: s.panels.narration,
      });
      const done = completeInfo(info);
      if (done && s.step === done.totalSteps)
        post({ event: 'outcome', outcome: done.outcome, failure: done.failure });
    }
  };

  win.addEventListener('message', onMessage);
  const unsubscribe = store.subscribe((s, prev) => announce(s, prev));
  announce(store.getState(), null);
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
