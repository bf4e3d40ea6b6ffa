/**
 * The pointer behaviour both grids share: hovering reports the frame under the pointer (or null
 * off the frames), leaving clears it, a click selects. Each renderer says how a pointer event
 * maps to a pfn (the SVG grid by the cell under it, the canvas by inverting its view); the keys
 * stay with each renderer, since one moves a roving focus and the other zooms.
 */
import type { GridCallbacks } from './gridTypes';

export interface PointerBinding {
  /** The frame under the pointer of event `e`, or -1. */
  pfnAt(e: MouseEvent): number;
  /** A press on a frame does not move keyboard focus into the grid (so ←/→ keep stepping). */
  keepFocus?: boolean;
}

/** Listens on `el`; returns what removes the listeners. */
export function bindPointer(
  el: Element,
  cb: Pick<GridCallbacks, 'onSelect' | 'onHover'>,
  binding: PointerBinding,
): () => void {
  let hovered = -1;
  const onMove = (e: Event): void => {
    const pe = e as PointerEvent;
    const pfn = binding.pfnAt(pe);
    if (pfn < 0) {
      if (hovered >= 0) cb.onHover(null);
      hovered = -1;
      return;
    }
    hovered = pfn;
    cb.onHover({ pfn, x: pe.clientX, y: pe.clientY });
  };
  const onLeave = (): void => {
    hovered = -1;
    cb.onHover(null);
  };
  const onDown = (e: Event): void => {
    if (binding.pfnAt(e as PointerEvent) >= 0) e.preventDefault();
  };
  const onClick = (e: Event): void => {
    const pfn = binding.pfnAt(e as MouseEvent);
    if (pfn >= 0) cb.onSelect(pfn);
  };
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerleave', onLeave);
  el.addEventListener('click', onClick);
  if (binding.keepFocus) el.addEventListener('pointerdown', onDown);
  return () => {
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerleave', onLeave);
    el.removeEventListener('click', onClick);
    el.removeEventListener('pointerdown', onDown);
  };
}
