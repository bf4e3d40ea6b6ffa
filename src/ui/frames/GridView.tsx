import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { createGrid, layoutFor, rendererFor } from '../../render';
import type {
  GridData,
  GridRenderer,
  HoverInfo,
  OverlaySet,
  RendererKind,
  Theme,
} from '../../render';
import type { Arrow } from '../../protocol/messages';
import { useEngine, useEngineStore } from '../shell/EngineContext';
import type { EngineStoreState } from '../../store/engineStore';
import { useSelection } from '../shell/SelectionContext';
import { useResolvedTheme } from '../lecture/useTheme';
import './frames.css';

const NONE: readonly number[] = [];
const NO_ARROWS: readonly Arrow[] = [];

/** What the renderer draws for store state `s`, or null before a run is loaded. */
function gridData(
  s: EngineStoreState,
  overlays: OverlaySet,
  selected: number | null,
  theme: Theme,
): GridData | null {
  if (!s.info || !s.frames) return null;
  return {
    layout: layoutFor(s.info.zones, s.info.frames),
    frames: s.frames,
    version: s.framesVersion,
    overlays,
    bootSide: s.panels?.side === 'boot kernel',
    touched: s.panels?.touched ?? NONE,
    arrows: s.panels?.arrows ?? NO_ARROWS,
    selected,
    theme,
  };
}

interface GridViewProps {
  overlays: OverlaySet;
  onHover: (hover: HoverInfo | null) => void;
  /** Receives the renderer, for the zoom buttons and "reveal this frame". */
  apiRef: RefObject<GridRenderer | null>;
}

/**
 * Hosts the framework-free grid renderer: React creates and destroys it; new states reach it
 * straight from the store subscription, so the grid is drawn as soon as a snapshot arrives,
 * before React re-renders the panels. Overlay and selection changes come through props.
 */
export function GridView({ overlays, onHover, apiRef }: GridViewProps) {
  const store = useEngineStore();
  const info = useEngine((s) => s.info);
  const { selected, select } = useSelection();
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ select, onHover });
  const theme = useResolvedTheme();
  const view = useRef({ overlays, selected, theme });
  const kind: RendererKind | null = info ? rendererFor(info.frames) : null;

  useEffect(() => {
    callbacks.current = { select, onHover };
  }, [select, onHover]);

  useEffect(() => {
    const el = host.current;
    if (!el || !kind) return;
    const grid = createGrid(kind, el, {
      onSelect: (pfn) => callbacks.current.select(pfn),
      onHover: (h) => callbacks.current.onHover(h),
      onEscape: () => document.querySelector<HTMLElement>('[aria-label="Step forward"]')?.focus(),
    });
    apiRef.current = grid;

    const push = (s: EngineStoreState) => {
      // A run that needs the other renderer waits for React to swap renderers.
      if (!s.info || rendererFor(s.info.frames) !== kind) return;
      const d = gridData(s, view.current.overlays, view.current.selected, view.current.theme);
      if (d) grid.update(d);
    };
    push(store.getState());
    const unsubscribe = store.subscribe((s, prev) => {
      if (
        s.framesVersion !== prev.framesVersion ||
        s.panels !== prev.panels ||
        s.info !== prev.info
      )
        push(s);
    });
    return () => {
      unsubscribe();
      grid.destroy();
      if (apiRef.current === grid) apiRef.current = null;
    };
  }, [kind, apiRef, store]);

  useEffect(() => {
    view.current = { overlays, selected, theme };
    const d = gridData(store.getState(), overlays, selected, theme);
    if (d) apiRef.current?.update(d);
  }, [overlays, selected, theme, store, apiRef]);

  return <div ref={host} className={`grid-host grid-host-${kind ?? 'none'}`} />;
}
