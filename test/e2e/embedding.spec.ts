// The built app on a plain static host under a sub-path (no CORS headers), embedded by a page on
// another origin: as an iframe sandboxed with allow-scripts alone, and as the <swsusp-viz> tag;
// the host page drives the iframe through every command and hears every event; commands from a
// foreign origin are ignored.
import { expect, test } from '@playwright/test';
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticHost } from './support/staticServer';
import type { StaticHost } from './support/staticServer';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const PATH = '/some/path/';

let app: StaticHost;
let docs: StaticHost;
let foreign: StaticHost;

test.beforeAll(async () => {
  app = await startStaticHost(dist, PATH);
  docs = await startStaticHost(null);
  foreign = await startStaticHost(null);
});
test.afterAll(async () => {
  await Promise.all([app.close(), docs.close(), foreign.close()]);
});

/** Console errors and page errors of the host page and every frame in it. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /sandbox/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  return frame;
}

/** Posts a command from the host page, as a doc page's own script would. */
function hostSend(page: Page, command: string, fields: Record<string, unknown> = {}) {
  return page.evaluate(`window.send(${JSON.stringify(command)}, ${JSON.stringify(fields)})`);
}

const iframePage = (
  hash: string,
) => `<!doctype html><html lang="en"><head><title>Docs</title><link rel="icon" href="data:,"></head>
<body><h1>Snapshot</h1>
<iframe src="${app.origin}${PATH}embed.html#${hash}" title="swsusp-viz" sandbox="allow-scripts"
  style="width:800px;height:500px;border:0"></iframe>
<script>
  window.events = [];
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'swsusp-viz:event') window.events.push({ origin: e.origin, ...e.data });
  });
  window.send = (command, fields) => document.querySelector('iframe').contentWindow
    .postMessage({ type: 'swsusp-viz:command', command, ...fields }, '*');
</script></body></html>`;

test('an iframe sandboxed with allow-scripts alone runs from a sub-path with no CORS', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  docs.pages.set('/guide.html', iframePage('preset=teaching&step=40'));
  await page.goto(`${docs.origin}/guide.html`);
  const frame = await embedFrame(page);
  await expect(frame.getByText('Step 40 of')).toBeVisible();
  await expect(frame.getByRole('list', { name: /Legend/ }).first()).toBeVisible();
  // The engine runs in a worker started from a blob (the frame's origin is opaque).
  expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);
  expect(app.requests.filter((r) => r.status !== 200)).toEqual([]);
  expect(errors).toEqual([]);
});

test('embed mode fits an 800×500 frame with its legend, narration and controls', async ({
  page,
}) => {
  docs.pages.set('/fit.html', iframePage('preset=teaching&step=130'));
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(`${docs.origin}/fit.html`);
  const frame = await embedFrame(page);
  await expect(frame.getByText('Step 130 of')).toBeVisible({ timeout: 30_000 });
  for (const region of [
    frame.getByRole('list', { name: 'Legend: frame roles shown' }),
    frame.getByRole('region', { name: 'Narration' }),
    frame.getByRole('button', { name: /Play/ }),
    frame.getByRole('slider').first(),
  ])
    await expect(region).toBeInViewport();
  const scroll = await frame.evaluate(
    'document.scrollingElement.scrollHeight - document.scrollingElement.clientHeight',
  );
  expect(scroll).toBeLessThanOrEqual(0);
  await page.locator('iframe').screenshot({ path: 'test-results/embed-800x500.png' });
});

test('the host page drives the iframe through every command and hears every event', async ({
  page,
}) => {
  docs.pages.set('/driven.html', iframePage('preset=teaching'));
  await page.goto(`${docs.origin}/driven.html`);
  const frame = await embedFrame(page);
  const events = () => page.evaluate<Record<string, unknown>[]>('window.events');
  const send = (command: string, fields: Record<string, unknown> = {}) =>
    hostSend(page, command, fields);
  const last = async (event: string) => (await events()).filter((e) => e.event === event).at(-1);
  await expect.poll(async () => (await last('ready'))?.preset).toBe('teaching');
  const ready = await last('ready');
  expect(ready).toMatchObject({ origin: 'null', model: 'linux-2.6.20' });
  const total = Number(ready?.steps);
  expect(total).toBeGreaterThan(100);

  await send('seek', { step: 40 });
  await expect.poll(async () => (await last('step'))?.step).toBe(40);
  expect(await last('step')).toMatchObject({
    phase: expect.any(String),
    function: expect.stringMatching(/\w/),
    narration: expect.stringMatching(/\w/),
  });
  await expect(frame.getByText('Step 40 of')).toBeVisible();
  await send('step', { delta: -2 });
  await expect.poll(async () => (await last('step'))?.step).toBe(38);
  await send('phase', { delta: 1 });
  await expect.poll(async () => Number((await last('step'))?.step)).toBeGreaterThan(38);
  await send('speed', { stepsPerSecond: 120 });
  await send('play');
  await expect
    .poll(async () => (await last('outcome'))?.outcome, { timeout: 30_000 })
    .toBe('restored');
  await send('pause');
  await send('seek', { step: 10 });
  await expect.poll(async () => (await last('step'))?.step).toBe(10);
  await send('load', { preset: 'not-enough-memory', model: 'linux-2.6.17', step: 3 });
  await expect.poll(async () => (await last('ready'))?.preset).toBe('not-enough-memory');
  expect(await last('ready')).toMatchObject({ model: 'linux-2.6.17' });
  await expect.poll(async () => (await last('step'))?.step).toBe(3);
  await send('seek', { step: 'forty' });
  await expect.poll(async () => (await last('error'))?.message).toMatch(/“step” must be a number/);
  const all = await events();
  expect(new Set(all.map((e) => e.event))).toEqual(new Set(['ready', 'step', 'outcome', 'error']));
});

test('commands from a foreign origin are ignored', async ({ page }) => {
  // The embed is framed by docs but allows only the docs origin; a page of another origin that
  // frames it, and a sibling frame of another origin, both try to drive it.
  foreign.pages.set(
    '/sibling.html',
    `<script>parent.frames[0].postMessage({ type: 'swsusp-viz:command', command: 'seek', step: 7 }, '*');
     document.title = 'sent';</script>`,
  );
  docs.pages.set(
    '/two.html',
    iframePage('preset=teaching&step=20').replace(
      '</body>',
      `<iframe id="sib" src="${foreign.origin}/sibling.html"></iframe></body>`,
    ),
  );
  await page.goto(`${docs.origin}/two.html`);
  const frame = await embedFrame(page);
  await expect(frame.getByText('Step 20 of')).toBeVisible();
  await page.locator('#sib').waitFor();
  await expect
    .poll(() =>
      page
        .frames()
        .find((f) => f.url().includes('sibling'))
        ?.title(),
    )
    .toBe('sent');
  // A command of the real host afterwards is served: the sibling's came first and was dropped.
  await hostSend(page, 'seek', { step: 25 });
  await expect(frame.getByText('Step 25 of')).toBeVisible();

  foreign.pages.set(
    '/framer.html',
    iframePage(`preset=teaching&step=20&origins=${encodeURIComponent(docs.origin)}`),
  );
  await page.goto(`${foreign.origin}/framer.html`);
  const other = await embedFrame(page);
  await expect(other.getByText('Step 20 of')).toBeVisible();
  await hostSend(page, 'seek', { step: 9 });
  // The frame answers nothing to a page whose origin it does not allow, and stays put.
  await hostSend(page, 'step', { delta: 1 });
  await expect(other.getByText('Step 20 of')).toBeVisible();
  expect(await page.evaluate('window.events.length')).toBe(0);
});

test('the <swsusp-viz> tag loads from another origin with a plain script tag', async ({ page }) => {
  const errors = watchErrors(page);
  docs.pages.set(
    '/tag.html',
    `<!doctype html><html lang="en"><head><title>Tag</title><link rel="icon" href="data:,">
<script src="${app.origin}${PATH}embed.js" defer></script></head><body>
<swsusp-viz id="viz" preset="teaching" step="40" height="500"></swsusp-viz>
<swsusp-viz id="bad" preset="teaching" step="-5" height="1e9"></swsusp-viz>
<script>
  window.tagEvents = [];
  for (const name of ['ready', 'step', 'outcome', 'error'])
    document.getElementById('viz').addEventListener(name, (e) => window.tagEvents.push(e.detail));
</script></body></html>`,
  );
  await page.goto(`${docs.origin}/tag.html`);
  const frame = page.frameLocator('#viz iframe');
  await expect(frame.getByText('Step 40 of')).toBeVisible();
  await page.evaluate("document.getElementById('viz').seek(44)");
  await expect(frame.getByText('Step 44 of')).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate("window.tagEvents.filter((e) => e.event === 'step').map((e) => e.step)"),
    )
    .toContain(44);
  // Bad attributes: clamped or dropped, each with a message under the frame.
  const bad = page.locator('#bad');
  await expect(bad.getByRole('status')).toHaveText(
    /step=“-5” is before the first step; starting at step 0\. height=“1e9” is outside 240–2000 pixels; using 2000\./,
  );
  expect(await page.evaluate("document.querySelector('#bad iframe').style.height")).toBe('2000px');
  expect(errors.filter((e) => !e.startsWith('swsusp-viz:'))).toEqual([]);
});

/**
 * The HTML of docs/embedding.md as a reader copies it: every html block, and the HTML inside the
 * Sphinx (raw directive) and mdBook blocks.
 */
function documentedSnippets(): { lang: string; html: string }[] {
  const md = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const out: { lang: string; html: string }[] = [];
  for (const m of md.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    const [, lang, body] = m;
    if (!body.includes('https://HOST/PATH/')) continue;
    if (lang === 'html') out.push({ lang, html: body });
    else if (lang === 'rst')
      out.push({ lang, html: body.replace(/^\.\. raw:: html\n/, '').replace(/^ {3}/gm, '') });
    else if (lang === 'markdown' && body.includes('<script')) out.push({ lang, html: body });
  }
  return out;
}

test('the documented examples work as written on a sub-path with no CORS', async ({ page }) => {
  const snippets = documentedSnippets();
  expect(snippets.map((s) => s.lang)).toEqual(['html', 'html', 'rst', 'markdown', 'html', 'html']);
  const errors = watchErrors(page);
  for (const [i, { html }] of snippets.entries()) {
    const body = html.replaceAll('https://HOST/PATH/', `${app.origin}${PATH}`);
    docs.pages.set(
      `/doc-${i}.html`,
      `<!doctype html><html lang="en"><head><title>Doc</title><link rel="icon" href="data:,"></head><body>${body}</body></html>`,
    );
    await page.goto(`${docs.origin}/doc-${i}.html`);
    const frame = page.frameLocator('iframe').first();
    if (html.includes('120')) {
      await expect(frame.getByText('Step 120 of')).toBeVisible({ timeout: 30_000 });
      continue;
    }
    // The host API examples: a button moves the embed a phase on, the page shows where it is.
    await expect(frame.getByText('Step 0 of')).toBeVisible({ timeout: 30_000 });
    const output = page.locator('output');
    await expect(output).toHaveText(/^Step 0/);
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect(output).toHaveText(/^Step [1-9]\d+\b/);
    const first = await output.textContent();
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect(output).not.toHaveText(first ?? '');
  }
  expect(errors).toEqual([]);
});
