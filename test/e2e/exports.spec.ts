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

/** Console errors and page errors, asserted empty at the end of a test. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

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
