/* global window, document, KeyboardEvent, requestAnimationFrame */
/**
 * npm run bench:browser — grid draw and step latency of the built app in headless Chromium.
 * Builds the app, serves dist/ with `vite preview`, opens the teaching and the 4 GiB presets and
 * presses → repeatedly. Prints one JSON object:
 *   { "drawMs": { preset: stats }, "seekMs": { preset: stats }, ... }
 * drawMs: the grid renderer's update (User Timing `grid:svg` / `grid:canvas`): for the 4 GiB
 * machine every step repaints all 1,048,576 frames. seekMs: from the key press to the end of that
 * grid update, through the worker and the store (the grid subscribes to the store directly).
 * pageMs: from the key press until every panel shows the new step (User Timing `ui:commit`, after
 * React's commit). Targets: 1M-frame redraw ≤ 8 ms, a teaching-size step ≤ 4 ms.
 *
 * firstStepMs: from navigation start to the first "Step 0 of N" on the page, for teaching,
 * i386-4g and i386-16g-pae (a fresh page each). longTaskMs: the longest main-thread task (Long
 * Tasks API, so only tasks over 50 ms are seen; 0 means none) while that page loads, and during
 * 10 s of play that follows. Goal: i386-4g within 2× teaching; no task over 50 ms.
 */
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const STEPS = Number(process.env.BENCH_STEPS ?? 40);
const CASES = [
  { preset: 'teaching', start: 100 },
  { preset: 'i386-4g', start: 600000 },
];

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))];
  const r = (x) => Math.round(x * 100) / 100;
  return { median: r(q(0.5)), p95: r(q(0.95)), max: r(v[v.length - 1]), n: v.length };
}

/** In the page: press → `n` times; per press, time to the end of the grid update and its length. */
async function pressSteps(n) {
  const seek = [];
  const draw = [];
  const pageDone = [];
  const parts = { fill: [], put: [], blit: [] };
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < n; i++) {
    const entries = [];
    const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    obs.observe({ entryTypes: ['measure', 'mark'] });
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const until = t0 + 5000;
    let grid;
    let commit;
    while (!(grid && commit) && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 0));
      grid = entries.find((e) => e.name === 'grid:svg' || e.name === 'grid:canvas');
      commit = entries.find((e) => e.name === 'ui:commit');
    }
    obs.disconnect();
    if (!grid || !commit) throw new Error('no grid update or page commit after a step');
    seek.push(grid.startTime + grid.duration - t0);
    pageDone.push(commit.startTime - t0);
    draw.push(grid.duration);
    for (const k of Object.keys(parts)) {
      const e = entries.find((x) => x.name === `grid:${k}`);
      if (e) parts[k].push(e.duration);
    }
    // Let the store ack the snapshot (after the next frame) before the next press.
    await nextFrame();
    await nextFrame();
  }
  return {
    seek,
    draw,
    pageDone,
    parts,
    text: document.querySelector('.step-text')?.textContent ?? '',
  };
}

const NAV_PRESETS = (process.env.BENCH_NAV ?? 'teaching,i386-4g,i386-16g-pae').split(',');
const PLAY_MS = Number(process.env.BENCH_PLAY_MS ?? 10_000);

/** Collects long tasks from the very start of the page, before any script of the app runs. */
function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ entryTypes: ['longtask'] });
}

function longest(tasks, from, to) {
  let max = 0;
  for (const t of tasks) if (t.start >= from && t.start < to) max = Math.max(max, t.duration);
  return Math.round(max);
}

/** Opens `preset` in a fresh page: time to the first step, then long tasks in load and in play. */
async function navigation(browser, url, preset) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await page.addInitScript(recordLongTasks);
    await page.goto(`${url}#preset=${preset}`);
    const first = await page.waitForFunction(
      () => {
        const t = document.querySelector('.step-text')?.textContent ?? '';
        return /^Step 0 of/.test(t) ? performance.now() : null;
      },
      null,
      { timeout: 300_000, polling: 'raf' },
    );
    const firstStepMs = Math.round(await first.jsonValue());
    // a moment for the first grid paint to finish before play starts
    await page.waitForTimeout(500);
    const playStart = await page.evaluate(() => performance.now());
    await page.keyboard.press('Space');
    await page.waitForTimeout(PLAY_MS);
    await page.keyboard.press('Space');
    const playEnd = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => window.__longTasks);
    const stepText = await page.locator('.step-text').first().textContent();
    return {
      firstStepMs,
      longTaskLoadMs: longest(tasks, 0, playStart),
      longTaskPlayMs: longest(tasks, playStart, playEnd),
      longTasksOver50: tasks.length,
      reachedAfterPlay: stepText?.trim() ?? '',
    };
  } finally {
    await page.close();
  }
}

async function main() {
  await build({ logLevel: 'error' });
  const server = await preview({
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not start');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const out = {
    drawMs: {},
    seekMs: {},
    pageMs: {},
    parts: {},
    firstStepMs: {},
    longTaskMs: {},
    environment: {},
  };
  try {
    for (const preset of NAV_PRESETS) {
      const n = await navigation(browser, url, preset);
      out.firstStepMs[preset] = n.firstStepMs;
      out.longTaskMs[preset] = {
        load: n.longTaskLoadMs,
        play: n.longTaskPlayMs,
        tasksOver50: n.longTasksOver50,
        afterPlay: n.reachedAfterPlay,
      };
    }
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    for (const c of CASES) {
      await page.goto(`${url}#preset=${c.preset}&step=${c.start}`);
      await page
        .locator('.step-text')
        .filter({ hasText: new RegExp(`^Step ${c.start.toLocaleString('en-GB')} of`) })
        .waitFor({ timeout: 120_000 });
      await page.waitForTimeout(300);
      await page.evaluate(pressSteps, 5); // warm-up
      const r = await page.evaluate(pressSteps, STEPS);
      out.drawMs[c.preset] = stats(r.draw);
      out.seekMs[c.preset] = stats(r.seek);
      out.pageMs[c.preset] = stats(r.pageDone);
      const parts = {};
      for (const [k, v] of Object.entries(r.parts)) if (v.length) parts[k] = stats(v);
      if (Object.keys(parts).length) out.parts[c.preset] = parts;
    }
    out.environment = {
      chromium: browser.version(),
      viewport: '1366x768',
      frames: { teaching: 80, 'i386-4g': 1048576, 'i386-16g-pae': 4194304 },
      playMs: PLAY_MS,
      targets: {
        'drawMs.i386-4g.median': 8,
        'seekMs.teaching.median': 4,
        'firstStepMs.i386-4g': '≤ 2 × firstStepMs.teaching',
        'longTaskMs.*': 50,
      },
    };
  } finally {
    await browser.close();
    await new Promise((r) => server.httpServer.close(() => r()));
  }
  console.log(JSON.stringify(out, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
