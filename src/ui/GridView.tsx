import { useEffect, useMemo, useRef } from 'react';
import type { RefObject } from 'react';
import { createGrid, layoutFor, rendererFor } from '../render';
import type { GridRenderer, HoverInfo, OverlaySet } from '../render';
import type { Arrow } from '../protocol/messages';
import { useEngine } from './EngineContext';
import { useSelection } from './SelectionContext';

const NONE: readonly number[] = [];
const NO_ARROWS: readonly Arrow[] = [];

interface GridViewProps {
  overlays: OverlaySet;
  onHover: (hover: HoverInfo | null) => void;
  /** Receives the renderer, for the zoom buttons and "reveal this frame". */
  apiRef: RefObject<GridRenderer | null>;
}

/** Hosts the framework-free grid renderer: React only creates, updates and destroys it. */
export function GridView({ overlays, onHover, apiRef }: GridViewProps) {
  const info = useEngine((s) => s.info);
  const frames = useEngine((s) => s.frames);
  const version = useEngine((s) => s.framesVersion);
  const touched = useEngine((s) => s.panels?.touched ?? NONE);
  const arrows = useEngine((s) => s.panels?.arrows ?? NO_ARROWS);
  const bootSide = useEngine((s) => s.panels?.side === 'boot kernel');
  const { selected, select } = useSelection();
  const host = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ select, onHover });

  useEffect(() => {
    callbacks.current = { select, onHover };
  }, [select, onHover]);

  const kind = info ? rendererFor(info.frames) : null;
  const layout = useMemo(() => (info ? layoutFor(info.zones, info.frames) : null), [info]);

  useEffect(() => {
    const el = host.current;
    if (!el || !kind) return;
    const grid = createGrid(kind, el, {
      onSelect: (pfn) => callbacks.current.select(pfn),
      onHover: (h) => callbacks.current.onHover(h),
      onEscape: () => document.querySelector<HTMLElement>('[aria-label="Step forward"]')?.focus(),
    });
    apiRef.current = grid;
    return () => {
      grid.destroy();
      if (apiRef.current === grid) apiRef.current = null;
    };
  }, [kind, apiRef]);

  useEffect(() => {
    if (!layout || !frames) return;
    apiRef.current?.update({
      layout,
      frames,
      version,
      overlays,
      bootSide,
      touched,
      arrows,
      selected,
    });
  }, [kind, layout, frames, version, overlays, bootSide, touched, arrows, selected, apiRef]);

  return <div ref={host} className={`grid-host grid-host-${kind ?? 'none'}`} />;
}
