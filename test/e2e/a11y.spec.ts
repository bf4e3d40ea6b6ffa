/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { smallestText } from './legibility';

const stepText = (page: Page) => page.locator('.step-text');

async function ready(page: Page, hash = '#preset=teaching'): Promise<void> {
  await page.goto(`/${hash}`);
  const step = /step=(\d+)/.exec(hash)?.[1] ?? '0';
  await expect(stepText(page)).toHaveText(new RegExp(`^Step ${step} of \\d+$`), {
    timeout: 30_000,
  });
}

/** Height of the footer and how many pairs of its visible controls overlap. */
function footerLayout(page: Page) {
  return page.evaluate(() => {
    const footer = document.querySelector('.app-footer')!;
    // A control scrolled out of the compact footer's strip is seen only where the strip shows it.
    const seen = (e: Element) => {
      const r = e.getBoundingClientRect();
      const strip = e.closest('.footer-bar');
      if (!strip || getComputedStyle(strip).overflowX !== 'auto') return r;
      const c = strip.getBoundingClientRect();
      const left = Math.max(r.left, c.left);
      const right = Math.min(r.right, c.right);
      return { left, right, top: r.top, bottom: r.bottom, width: right - left, height: r.height };
    };
    const els = [...footer.querySelectorAll('button, select, [role="slider"], .step-text')]
      .map(seen)
      .filter((r) => r.width > 0 && r.height > 0);
    let overlaps = 0;
    for (let i = 0; i < els.length; i++)
      for (let j = i + 1; j < els.length; j++) {
        const [a, b] = [els[i], els[j]];
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          overlaps++;
      }
    return { height: footer.getBoundingClientRect().height, overlaps };
  });
}

test.describe('accessibility', () => {
  for (const [view, hash, keys] of [
    ['step', '#preset=teaching&step=130', []],
    ['embed', '#preset=teaching&step=130&embed=1', []],
    ['presentation', '#preset=teaching&step=130', ['f']],
    ['dark', '#preset=teaching&step=130', ['t']],
    ['predict', '#preset=teaching&step=0', ['p']],
  ] as const) {
    test(`axe finds no serious or critical violation in the ${view} view`, async ({ page }) => {
      await page.goto(`/${hash}`);
      await expect(stepText(page)).toHaveText(/^Step \d+ of \d+$/, { timeout: 30_000 });
      for (const k of keys) await page.keyboard.press(k);
      await page.waitForTimeout(100); // let the theme's colours settle before axe reads them
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('axe finds no serious or critical violation in the compare view', async ({ page }) => {
    await page.goto('/#view=compare&preset=teaching');
    await expect(page.locator('.run-position').nth(1)).toHaveText(/^Step 0 of \d+/, {
      timeout: 30_000,
    });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the narration is a live region and focus is visible', async ({ page }) => {
    await ready(page);
    await expect(page.getByRole('region', { name: 'Narration' })).toHaveAttribute(
      'aria-live',
      'polite',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { width: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});

test.describe('layout', () => {
  test('the timeline does not move between step 0 and the last step of i386-4g', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('/#preset=i386-4g');
    await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/, { timeout: 200_000 });
    const slider = page.getByRole('slider', { name: 'Timeline' });
    const at0 = await slider.boundingBox();
    await page.keyboard.press('End');
    await expect(stepText(page)).toHaveText(/^Step ([\d,]+) of \1$/, { timeout: 60_000 });
    const atEnd = await slider.boundingBox();
    expect(atEnd).toEqual(at0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`presentation mode at 1280×720 (${theme}): no text below 18 px, cells of 32 px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await ready(page, '#preset=teaching&step=130');
      await page.keyboard.press('f');
      if (theme === 'dark') await page.keyboard.press('t');
      await expect(page.locator('.app')).toHaveClass(/app-present/);
      await page.waitForTimeout(300);
      const cell = await page.locator('.cell rect').first().boundingBox();
      expect(cell?.width ?? 0).toBeGreaterThanOrEqual(32);
      const small = await smallestText(page);
      expect(small.px, `${small.where} "${small.text}"`).toBeGreaterThanOrEqual(18);
      // The footer is two rows (controls and counter, then the timeline), its controls apart.
      const footer = await footerLayout(page);
      expect(footer.overlaps).toBe(0);
      expect(footer.height).toBeLessThan(720 / 4);
      await page.screenshot({ path: `docs/presentation-${theme}.png` });
    });
  }

  test('normal mode at 1280×720: no text below 12 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await ready(page, '#preset=teaching&step=130');
    const small = await smallestText(page);
    expect(small.px, `${small.where} "${small.text}"`).toBeGreaterThanOrEqual(12);
  });

  test('normal mode at 1280×720: the overlay badges (NS / NSF, ✓, ✗) are 12 px too', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await ready(page, '#preset=teaching&step=380');
    for (const name of ['NS / NSF', 'matches snapshot', 'orig_bm', 'unsafe'])
      await page.getByRole('checkbox', { name }).check();
    const marks = page.locator('.cell-mark');
    await expect(marks.filter({ hasText: '✓' }).first()).toBeVisible();
    await expect(marks.filter({ hasText: 'NSF' }).first()).toBeVisible();
    const small = await smallestText(page);
    expect(small.px, `${small.where} "${small.text}"`).toBeGreaterThanOrEqual(12);
  });

  test('at 200 % zoom (640×360 CSS px) the grid stays usable and the window never scrolls by itself', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 640, height: 360 });
    await ready(page, '#preset=teaching&step=120');
    const cell = await page.locator('.cell rect').first().boundingBox();
    expect(cell?.width ?? 0).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The sticky footer is compact: it leaves the grid three quarters of the window.
    const footer = await footerLayout(page);
    expect(footer.overlaps).toBe(0);
    expect(footer.height).toBeLessThanOrEqual(360 / 4);
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 132 of/);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      640,
    );
  });

  for (const width of [1280, 768, 390]) {
    test(`at ${width} px the header fits without overlap and nothing overflows`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 720 });
      await ready(page, '#preset=teaching&step=10');
      const r = await page.evaluate(() => {
        const h = document.querySelector('.app-header')!;
        const kids = [...h.children].map((k) => k.getBoundingClientRect());
        let overlaps = 0;
        for (let i = 0; i < kids.length; i++)
          for (let j = i + 1; j < kids.length; j++) {
            const [a, b] = [kids[i], kids[j]];
            if (
              a.left < b.right - 1 &&
              b.left < a.right - 1 &&
              a.top < b.bottom - 1 &&
              b.top < a.bottom - 1
            )
              overlaps++;
          }
        return {
          overlaps,
          pageWidth: document.documentElement.scrollWidth,
          headerHeight: h.getBoundingClientRect().height,
          select: document.querySelector('.scenario select')!.getBoundingClientRect().right,
          // Every control of the header, pairwise: the view links never cover the picker.
          controlOverlaps: (() => {
            const els = [...h.querySelectorAll('select, button, a, summary')].map((e) =>
              e.getBoundingClientRect(),
            );
            let n = 0;
            for (let i = 0; i < els.length; i++)
              for (let j = i + 1; j < els.length; j++) {
                const [a, b] = [els[i], els[j]];
                if (
                  a.width > 0 &&
                  b.width > 0 &&
                  a.left < b.right - 1 &&
                  b.left < a.right - 1 &&
                  a.top < b.bottom - 1 &&
                  b.top < a.bottom - 1
                )
                  n++;
              }
            return n;
          })(),
          // "80 frames (320 KiB) About this machine" is shown whole, not clipped.
          machineClipped: (() => {
            const s = document.querySelector('.machine summary')!;
            return s.scrollWidth - s.clientWidth;
          })(),
        };
      });
      expect(r.overlaps).toBe(0);
      expect(r.controlOverlaps).toBe(0);
      const footer = await footerLayout(page);
      expect(footer.overlaps).toBe(0);
      if (width === 390) expect(footer.height).toBeLessThanOrEqual(100);
      expect(r.machineClipped).toBeLessThanOrEqual(1);
      expect(r.pageWidth).toBeLessThanOrEqual(width);
      expect(r.select).toBeLessThanOrEqual(width);
      // At 1280 the header stays as tall as its two-line title (the machine line sits beside it).
      if (width === 1280) expect(r.headerHeight).toBeLessThan(70);
    });
  }
});
