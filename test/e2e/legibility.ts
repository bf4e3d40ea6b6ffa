/// <reference lib="dom" />
/**
 * The smallest text on screen: walks the DOM for visible text (HTML text nodes and SVG text) and
 * returns the smallest rendered font size in CSS pixels, with where it is. SVG text is scaled by
 * its screen transform, so a 4 px glyph in a grid drawn three times larger counts as 12 px.
 */
import type { Page } from '@playwright/test';

export interface SmallestText {
  px: number;
  where: string;
  text: string;
}

export async function smallestText(page: Page): Promise<SmallestText> {
  return page.evaluate(() => {
    let best = { px: Infinity, where: '', text: '' };
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0)
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      // Off screen, clipped to nothing (visually hidden) or scrolled out of view: not seen.
      if (rect.width < 2 || rect.height < 2) continue;
      if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= vh || rect.left >= vw) continue;
      if (el.closest('[aria-hidden="true"]:not(svg), .visually-hidden')) {
        if (!el.closest('.phase-bands, svg')) continue;
      }
      let px = parseFloat(style.fontSize);
      const svg: Element = el;
      if (svg instanceof SVGGraphicsElement) {
        const m = svg.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      if (px < best.px) {
        const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class');
        best = { px, where: `${el.tagName.toLowerCase()}.${cls ?? ''}`, text: text.slice(0, 30) };
      }
    }
    return { ...best, px: Math.round(best.px * 10) / 10 };
  });
}
