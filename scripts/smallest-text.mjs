/**
 * The smallest text on screen, per view and mode. `smallestTextInPage` runs in the page: it walks
 * the DOM for visible text (HTML text nodes and SVG text, which is scaled by its screen transform)
 * and returns the smallest rendered font size in CSS pixels and where it is.
 *
 *   npm run build && node scripts/smallest-text.mjs   # serves dist/ with vite preview
 *
 * prints one row per view and mode at 1280×720, in Chromium (scripts/chromium.mjs), as the
 * Markdown table of docs/legibility.md. SMALLEST_TEXT_PORT picks the preview port (4199).
 */
/* global window, document, NodeFilter, getComputedStyle, SVGGraphicsElement -- smallestTextInPage runs in the page */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** In the page: { px, where, text } of the smallest visible text (in `scope`, if it matches). */
export function smallestTextInPage(scope) {
  let best = { px: Infinity, where: '', text: '' };
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const root = (scope && document.querySelector(scope)) || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const el = node.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    // Not rendered, clipped to nothing (visually hidden) or outside the window: not seen.
    if (rect.width < 2 || rect.height < 2) continue;
    if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= vh || rect.left >= vw) continue;
    // Clipped away by an ancestor (the visually-hidden pattern): not seen either.
    let clipped = false;
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflow;
      if (o === 'visible') continue;
      const r = a.getBoundingClientRect();
      const w = Math.min(rect.right, r.right) - Math.max(rect.left, r.left);
      const h = Math.min(rect.bottom, r.bottom) - Math.max(rect.top, r.top);
      if (w < 2 || h < 2) {
        clipped = true;
        break;
      }
    }
    if (clipped) continue;
    let px = parseFloat(style.fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < best.px) {
      const cls = el.getAttribute('class') ?? '';
      best = {
        px,
        where: `${el.tagName.toLowerCase()}${cls ? `.${cls.split(' ')[0]}` : ''}`,
        text: text.slice(0, 30),
      };
    }
  }
  return { ...best, px: Math.round(best.px * 10) / 10 };
}

/**
 * The views and modes the table covers: [view, hash, actions after load, scope]. An action is a
 * key to press, or `click:<selector>` to click; a scope measures only inside that element.
 */
export const VIEWS = [
  ['step', '#preset=teaching&step=130', []],
  ['step, dark', '#preset=teaching&step=130', ['t']],
  [
    'step, overlays on (NS / NSF, ✓ / ✗ badges)',
    '#preset=teaching&step=380',
    ['click:text=NS / NSF', 'click:text=matches snapshot'],
  ],
  ['step, presentation', '#preset=teaching&step=130', ['f']],
  ['step, presentation, dark', '#preset=teaching&step=130', ['f', 't']],
  ['step, predict', '#preset=teaching&step=129', ['p']],
  ['step, predict, presentation', '#preset=teaching&step=129', ['p', 'f']],
  ['step, i386-1g (canvas grid)', '#preset=i386-1g', []],
  ['step, i386-1g (canvas grid), dark', '#preset=i386-1g', ['t']],
  ['step, key help dialog (the dialog)', '#preset=teaching&step=130', ['?'], 'dialog[open]'],
  [
    'step, machine editor dialog (the dialog)',
    '#preset=teaching',
    ['click:button:has-text("New machine")', 'click:text=Paste a boot log'],
    '[role=dialog]',
  ],
  ['embed', '#preset=teaching&step=130&embed=1', []],
  ['compare', '#view=compare&preset=teaching', []],
  ['compare, dark', '#view=compare&preset=teaching', ['t']],
];

async function main() {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('./chromium.mjs');
  const port = Number(process.env.SMALLEST_TEXT_PORT ?? 4199);
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  try {
    const base = `http://127.0.0.1:${port}/`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        if (i > 120) throw new Error('vite preview did not start');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const rows = [];
    for (const [view, hash, keys, scope] of VIEWS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(base + hash);
      await page.waitForFunction(
        () =>
          /^Step [\d,]+ of [\d,]+/.test(
            document.querySelector('.step-text, .run-position')?.textContent ?? '',
          ),
        null,
        { timeout: 240_000 },
      );
      for (const k of keys) {
        if (k.startsWith('click:')) await page.click(k.slice(6));
        else await page.keyboard.press(k);
      }
      await page.waitForTimeout(400);
      rows.push([view, await page.evaluate(smallestTextInPage, scope ?? null)]);
      console.error(`measured: ${view}`);
      await page.close();
    }
    await browser.close();
    console.log('| view and mode (1280×720) | smallest text | where |');
    console.log('| --- | ---: | --- |');
    for (const [view, r] of rows)
      console.log(`| ${view} | ${r.px} px | \`${r.where}\` “${r.text}” |`);
  } finally {
    server.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
