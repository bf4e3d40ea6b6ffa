// What the step page hands on and takes in: the export menu's files (PNG, SVG, report, scenario,
// step trace) parse and match the CLI; a scenario file opened or dropped runs, a bad one says
// what to fix and keeps the run; and the step view loads without the compare view's chunk.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

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
