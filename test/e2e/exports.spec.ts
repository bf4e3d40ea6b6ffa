// What the step page hands on and takes in: the export menu's files (PNG, SVG, report, scenario,
// step trace) parse and match the CLI; a scenario file opened or dropped runs, a bad one says
// what to fix and keeps the run; and the step view loads without the compare view's chunk.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './axe';
import { watchConsole } from './support/console';

test('the step view loads without the compare view, which loads when it opens', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/#preset=teaching&step=5');
  await expect(page.getByText('Step 5 of')).toBeVisible();
  expect(scripts.filter((s) => /CompareView-/.test(s))).toEqual([]);
  await page.getByRole('link', { name: /Compare/ }).click();
  await expect(page.getByRole('table', { name: '2.6.17 vs 2.6.20' })).toBeVisible();
  expect(scripts.filter((s) => /CompareView-/.test(s))).toHaveLength(1);
  expect(errors).toEqual([]);
});

/** `simulate`'s output, from the CLI bundle, for the same run. */
function cli(args: string[]): string {
  const r = spawnSync(process.execPath, ['scripts/simulate.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Clicks an Export button and returns the download's name and bytes. */
async function download(page: Page, name: RegExp): Promise<{ file: string; bytes: Buffer }> {
  const menu = page.getByRole('group', { name: 'Export' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: /^Export/ }).click();
  const started = page.waitForEvent('download');
  await menu.getByRole('button', { name }).click();
  const d = await started;
  const path = await d.path();
  return { file: d.suggestedFilename(), bytes: readFileSync(path) };
}

test('every export downloads and parses, and the report and trace are the CLI’s', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const expected = cli(['--preset', 'needs-shrinking', '--model', 'linux-2.6.17']);
  const steps = (JSON.parse(expected) as { steps: number }).steps;
  await page.goto('/#preset=needs-shrinking&model=linux-2.6.17&step=40');
  await expect(page.getByText('Step 40 of')).toBeVisible();
  const toggle = page.getByRole('button', { name: /^Export/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/export-menu.png' });

  const png = await download(page, /PNG/);
  expect(png.file).toBe('needs-shrinking_linux-2.6.17_step-40.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const pngWidth = png.bytes.readUInt32BE(16);
  const pngHeight = png.bytes.readUInt32BE(20);

  const svg = await download(page, /SVG/);
  expect(svg.file).toBe('needs-shrinking_linux-2.6.17_step-40.svg');
  const figure = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      frames: doc.querySelectorAll('g.frames > rect.frame').length,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('title')?.textContent,
    };
  }, svg.bytes.toString('utf8'));
  expect(figure).toMatchObject({
    errors: 0,
    frames: 80,
    title: `Needs shrinking · linux-2.6.17 · step 40 of ${steps}`,
  });
  // The PNG is the same figure at twice the scale.
  expect([pngWidth, pngHeight]).toEqual([figure.width * 2, figure.height * 2]);

  const report = await download(page, /Report/);
  expect(report.file).toBe('needs-shrinking_linux-2.6.17_step-40.report.json');
  expect(report.bytes.toString('utf8')).toBe(expected);

  const trace = await download(page, /Step trace/);
  expect(trace.file).toBe('needs-shrinking_linux-2.6.17_step-40.steps.jsonl');
  const lines = trace.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(steps);
  expect(lines.map((l) => (JSON.parse(l) as { index: number }).index)).toEqual(
    Array.from({ length: steps }, (_, i) => i),
  );
  expect(trace.bytes.toString('utf8')).toBe(
    cli(['--preset', 'needs-shrinking', '--model', 'linux-2.6.17', '--steps']),
  );

  const scenario = await download(page, /Scenario file/);
  expect(scenario.file).toBe('needs-shrinking_linux-2.6.17_step-40.scenario.json');
  const dir = mkdtempSync(join(tmpdir(), 'swsusp-viz-'));
  writeFileSync(join(dir, 'scenario.json'), scenario.bytes);
  // The CLI takes the saved scenario and gives the same run.
  expect(cli([join(dir, 'scenario.json')])).toBe(expected);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText(
    'Saved needs-shrinking_linux-2.6.17_step-40.scenario.json',
  );
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(errors).toEqual([]);
});

/** Drops a file named `name` holding `text` on the page, as a file dragged from the desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], fileName, { type: 'application/json' }));
      const target = document.querySelector('.grid-area') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    [name, text],
  );
}

const HOSTILE = '<img src=x onerror=alert(1)>';

test('a dropped bad file says what to fix and keeps the run; a good file runs as one’s own', async ({
  page,
}) => {
  const errors = watchConsole(page);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/#preset=teaching&step=30');
  await expect(page.getByText('Step 30 of')).toBeVisible();
  const hash = await page.evaluate(() => location.hash);

  const teaching = readFileSync('src/core/presets/teaching.json', 'utf8');
  await dropFile(page, 'broken.json', teaching.replace(/"suspend": "/, '"suspend": "F0 '));
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toHaveText(
    /^"broken\.json" is not a valid scenario: suspend: zone Normal, run 1 \("F0"\): .* count of 1 or more\.\s*Dismiss$/,
  );
  // The run shown, the picker and the address stay as they were.
  await expect(page.getByText('Step 30 of')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();

  // A good file with markup in its name, through the picker: it runs, and the name stays text.
  const doc = { ...(JSON.parse(teaching) as object), name: HOSTILE, model: 'linux-2.6.17' };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open scenario file' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('(custom)');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toContainText(HOSTILE);
  await expect(page.getByText(/^Step 0 of \d+$/)).toBeVisible();
  await expect(page).toHaveURL(/#scenario=/);

  // Its exports keep the name as text: the SVG's title, the scenario file's name field.
  const svg = await download(page, /SVG/);
  expect(svg.file).toMatch(/^img-src-x-onerror-alert-1_linux-2\.6\.17_step-0\.svg$/);
  const parsed = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      errors: d.getElementsByTagName('parsererror').length,
      images: d.getElementsByTagName('img').length,
      title: d.querySelector('title')?.textContent,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toEqual({ errors: 0, images: 0, title: expect.stringContaining(HOSTILE) });
  const saved = await download(page, /Scenario file/);
  expect(JSON.parse(saved.bytes.toString('utf8'))).toMatchObject({
    name: HOSTILE,
    model: 'linux-2.6.17',
  });
  await download(page, /PNG/);
  expect(dialogs).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(errors).toEqual([]);
});
