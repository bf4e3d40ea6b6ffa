import { useCallback, useEffect, useRef, useState } from 'react';
import { presetNames } from '../core';
import type { ScenarioSource } from '../protocol/messages';
import type { ModelId } from '../core';
import type { EngineStore } from '../store/engineStore';
import {
  EngineProvider,
  formatView,
  isMachineKey,
  machineKey,
  pageOf,
  parseView,
  replaceHash,
  shelf,
  throttledHash,
  Visualiser,
} from '../ui';
import { useHostBridge } from '../embed/useHostBridge';

export interface AppProps {
  store: EngineStore;
  /** The starting hash; defaults to the page's. */
  hash?: string;
  /** Keep the address bar in step with the page (off in tests that pass their own hash). */
  syncUrl?: boolean;
  /** The embed page: embed mode unless the hash says `embed=0`. */
  embedByDefault?: boolean;
}

/** Names a link or the picker may give: the presets and the machines saved in this browser. */
function scenarioNames(): string[] {
  return [...presetNames(), ...shelf.list().map((m) => machineKey(m.id))];
}

/** A preset by name, a saved machine by its document. */
function sourceOf(name: string): ScenarioSource {
  const saved = isMachineKey(name) ? shelf.get(name) : undefined;
  return saved ? { kind: 'document', doc: saved.doc } : { kind: 'preset', name };
}

/** The standalone page: wires the engine store, the URL hash and the visualiser. */
export function App({ store, hash, syncUrl = true, embedByDefault = false }: AppProps) {
  const [initial] = useState(() =>
    parseView(hash ?? window.location.hash, {
      page: 'step',
      embedByDefault,
      presets: scenarioNames(),
    }),
  );
  const [preset, setPreset] = useState(initial.state.preset);
  const [embed, setEmbed] = useState(initial.state.embed);
  const [model, setModel] = useState(initial.state.model);
  const [notice, setNotice] = useState<string | null>(initial.problems.join(' ') || null);
  /** A step asked for by the link, checked against the run once it is ready. */
  const wanted = useRef<number | null>(initial.state.step);
  const started = useRef(false);

  const load = useCallback(
    (name: string, step: number | null, kernel: ModelId | null) => {
      wanted.current = step;
      setPreset(name);
      setModel(kernel);
      const opts = { ...(step ? { step } : {}), ...(kernel ? { model: kernel } : {}), tag: name };
      store.getState().load(sourceOf(name), opts);
    },
    [store],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    load(initial.state.preset, initial.state.step, initial.state.model);
  }, [load, initial]);

  // A failed load after a good run: the picker, the model and the address go back to the run
  // still shown, so nothing claims a scenario the picture is not of.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.status !== 'ready' || prev.status !== 'loading' || !s.error || !s.shown?.tag) return;
        if (s.info !== prev.info) return;
        const tag = s.shown.tag;
        const kernel = s.shown.model ?? null;
        wanted.current = null;
        setPreset(tag);
        setModel(kernel);
        if (syncUrl)
          replaceHash(
            formatView({ view: 'step', preset: tag, model: kernel, step: s.step, embed }),
          );
      }),
    [store, syncUrl, embed],
  );

  // Once ready: a step past the end falls back to 0; afterwards the hash follows the page.
  useEffect(() => {
    const hash = throttledHash(250);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.status !== 'ready' || !s.info) return;
      const w = wanted.current;
      // A run still being traced may yet reach the link's step: decide once it is complete.
      if (w !== null && s.info.complete && (s.info !== prev.info || prev.status !== 'ready')) {
        wanted.current = null;
        if (w > s.info.totalSteps) {
          setNotice(
            `The link’s step ${w} is past the end of this run (${s.info.totalSteps} steps); starting at step 0.`,
          );
          s.seek(0);
          return;
        }
      }
      if (syncUrl && (s.step !== prev.step || s.info !== prev.info))
        hash.set(formatView({ view: 'step', preset, model, step: s.step, embed }));
    });
    return () => {
      unsubscribe();
      hash.cancel();
    };
  }, [store, preset, model, embed, syncUrl]);

  // Editing the address bar by hand loads or seeks.
  useEffect(() => {
    if (!syncUrl) return;
    const onHashChange = () => {
      if (pageOf(window.location.hash) === 'compare') return; // Root switches to the compare page
      const parsed = parseView(window.location.hash, { embedByDefault, presets: scenarioNames() });
      setNotice(parsed.problems.join(' ') || null);
      setEmbed(parsed.state.embed);
      if (parsed.state.preset !== preset || parsed.state.model !== model)
        load(parsed.state.preset, parsed.state.step, parsed.state.model);
      else if (parsed.state.step !== null) store.getState().seek(parsed.state.step);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [syncUrl, preset, model, load, store, embedByDefault]);

  const [origins] = useState(() =>
    new URLSearchParams((hash ?? window.location.hash).replace(/^#/, '')).get('origins'),
  );
  const [custom, setCustom] = useState(false);
  useHostBridge(
    store,
    syncUrl ? origins : null,
    custom ? null : preset,
    (request) => {
      setNotice(null);
      if (request.source.kind === 'preset') {
        setCustom(false);
        load(request.source.name, request.step, request.model);
      } else {
        setCustom(true);
        wanted.current = request.step;
        const opts = {
          ...(request.step ? { step: request.step } : {}),
          ...(request.model ? { model: request.model } : {}),
        };
        store.getState().load(request.source, opts);
      }
    },
    (message) => setNotice(message),
  );

  const onScenarioChange = useCallback(
    (name: string) => {
      setNotice(null);
      load(name, null, model);
      if (syncUrl) replaceHash(formatView({ view: 'step', preset: name, model, step: 0, embed }));
    },
    [load, syncUrl, embed, model],
  );

  return (
    <EngineProvider store={store}>
      <Visualiser
        scenario={preset}
        onScenarioChange={onScenarioChange}
        embed={embed}
        notice={notice}
        onDismissNotice={() => setNotice(null)}
      />
    </EngineProvider>
  );
}
