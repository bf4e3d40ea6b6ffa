/** The nearest ancestor that scrolls its own content (not the window), or null. */
function nearestScroller(el: HTMLElement): HTMLElement | null {
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const o = getComputedStyle(a).overflowY;
    if ((o === 'auto' || o === 'scroll') && a.scrollHeight > a.clientHeight) return a;
  }
  return null;
}

/**
 * Brings `el` into view by scrolling its panel only (or `container` when given). Unlike
 * scrollIntoView it never scrolls the window, which would move the page under the viewer on every
 * step when the window is zoomed or narrow.
 */
export function scrollIntoViewWithin(el: HTMLElement | null, container?: HTMLElement | null): void {
  if (!el) return;
  const box = container ?? nearestScroller(el);
  if (!box) return;
  const e = el.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (e.top < b.top) box.scrollTop += e.top - b.top;
  else if (e.bottom > b.bottom) box.scrollTop += Math.min(e.bottom - b.bottom, e.top - b.top);
}
