// Links: "Copy link" on a machine of one's own opens the same machine, model, step and overlays
// in a fresh browser; a new machine is a history entry (Back returns to the previous one); an
// address edited by hand to a bad step keeps the step shown and says so.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeScenarioParam } from '../../src/core/scenario/link';

const teaching = JSON.parse(
  readFileSync(new URL('../../src/core/presets/teaching.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const mine = { ...teaching, name: 'My <b>own</b> box' };

test('a copied link with a custom scenario opens at the same step in a fresh context', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/#scenario=${encodeScenarioParam(mine)}&model=linux-2.6.20&step=30`);
  await expect(page.getByText('Step 30 of')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('(custom)');
  await expect(page.getByRole('option', { name: 'My <b>own</b> box (your own)' })).toBeAttached();
  await page.getByRole('checkbox', { name: 'orig_bm' }).check();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText('Step 31 of')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(link).toMatch(/#scenario=[\w-]+&model=linux-2\.6\.20&step=31&overlays=orig$/);
  expect(link.startsWith(baseURL ?? '')).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByText('Step 31 of')).toBeVisible({ timeout: 30_000 });
  await expect(other.getByRole('heading', { level: 1 })).toContainText('2.6.20');
  await expect(other.getByRole('option', { name: 'My <b>own</b> box (your own)' })).toBeAttached();
  await expect(other.getByRole('checkbox', { name: 'orig_bm' })).toBeChecked();
  await fresh.close();
});

test('a new machine pushes a history entry; steps replace it; Back returns', async ({ page }) => {
  await page.goto('/#preset=teaching&step=12');
  await expect(page.getByText('Step 12 of')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/#preset=teaching&step=13$/);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('lowmem-only');
  await expect(page).toHaveURL(/#preset=lowmem-only&step=0$/);
  await expect(page.getByText('Step 0 of')).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await expect(page).toHaveURL(/#preset=teaching&step=13$/);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
  await expect(page.getByText('Step 13 of')).toBeVisible({ timeout: 30_000 });
});

test('an address edited to a bad step keeps the step shown and says so', async ({ page }) => {
  await page.goto('/#preset=teaching&step=40');
  await expect(page.getByText('Step 40 of')).toBeVisible({ timeout: 30_000 });
  await page.evaluate("location.hash = '#preset=teaching&step=abc'");
  await expect(page.getByRole('alert')).toHaveText(
    /The link’s step “abc” is not a step number; staying at step 40\./,
  );
  await expect(page.getByText('Step 40 of')).toBeVisible();
  await expect(page).toHaveURL(/#preset=teaching&step=40$/);
  await page.evaluate(`location.hash = '#preset=teaching&step=' + 'x'.repeat(2000000)`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('is not a step number');
  expect((await alert.textContent())?.length).toBeLessThan(200);
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeInViewport();
  await page.evaluate("location.hash = '#view=bogus&preset=teaching&step=41'");
  await expect(alert).toHaveText(/The link’s view “bogus” is not “step” or “compare”/);
  await expect(page.getByText('Step 41 of')).toBeVisible();
});
