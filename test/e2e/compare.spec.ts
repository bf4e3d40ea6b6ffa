import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchConsole } from './support/console';

function columns(page: Page) {
  const region = page.getByRole('region', { name: 'Compare' });
  return {
    region,
    old: region.getByRole('region', { name: 'Linux 2.6.17' }),
    neu: region.getByRole('region', { name: 'Linux 2.6.20' }),
  };
}

test('compares teaching under 2.6.17 and 2.6.20: the legacy failure, the table, the charts', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#view=compare&preset=teaching');
  const { old, neu } = columns(page);

  // Both runs ready, each with its outcome.
  await expect(old.locator('.run-outcome')).toHaveText(
    '✗ suspend failed in swsusp_shrink_memory()',
  );
  await expect(neu.locator('.run-outcome')).toHaveText('✓ restored');
  await expect(old.locator('.run-position')).toHaveText(/^Step 0 of 6 · suspend 0\/6/);
  await expect(neu.locator('.run-position')).toHaveText(/^Step 0 of \d+ · suspend 0\/\d+/);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');

  const table = page.getByRole('table', { name: '2.6.17 vs 2.6.20' });
  const outcome = table.getByRole('row', { name: /^Outcome/ }).getByRole('cell');
  await expect(outcome.nth(0)).toContainText('suspend failed');
  await expect(outcome.nth(0)).toContainText('in swsusp_shrink_memory(): Shrinking memory failed');
  await expect(outcome.nth(1)).toHaveText('✓ restored');
  await expect(
    table
      .getByRole('row', { name: /^Image pages/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(/^\d+ pages \(\d+ KiB\)$/);

  // Next phase: 2.6.20 enters "image", 2.6.17 stays where it failed and says so.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(neu.locator('.run-position')).toHaveText(/ · image 0\/\d+/);
  await expect(old.locator('.run-position')).toHaveText(/^Step 6 of 6 · ended before image/);
  await expect(old.getByRole('status')).toContainText(
    '2.6.17 stopped here: swsusp_shrink_memory(): Shrinking memory failed',
  );
  await expect(page).toHaveURL(/#view=compare&preset=teaching&phase=image$/);

  // The charts of "Why 2.6.20", each with its title.
  const why = page.getByRole('region', { name: 'Why 2.6.20' });
  for (const name of ['Image ceiling, i386 1 GiB', 'Image ceiling, i386 4 GiB']) {
    await expect(why.getByRole('heading', { name })).toBeVisible();
    const chart = why.getByRole('img', { name });
    await expect(chart).toBeVisible();
    // Today's kernel has a line of its own: the half-of-RAM cap.
    await expect(chart.locator('.chart-end-label')).toHaveText(['2.6.17', '2.6.20', '6.12']);
    await expect(chart.locator('path.chart-line')).toHaveCount(3);
  }
  await expect(why.getByRole('heading', { name: /^Metadata cost/ })).toBeVisible();
  const meta = why.getByRole('img', { name: 'Metadata cost' });
  await expect(meta).toBeVisible();
  await expect(meta.locator('.chart-rule-label').first()).toHaveText(
    /^break-even, 1 GiB: [\d,]+ pages/,
  );
  await expect(why).toContainText('must mean 400 megabytes');
  const box = await meta.boundingBox();
  expect(box && box.width > 300 && box.height > 200).toBe(true);
  expect(errors).toEqual([]);
});

test('plays a phase in both runs and moves by phase from the keyboard', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#view=compare&preset=teaching&phase=resume');
  const { old, neu } = columns(page);
  await expect(neu.locator('.run-outcome')).toHaveText('✓ restored');
  await expect(neu.locator('.run-position')).toHaveText(/ · resume 0\/\d+/);
  await expect(old.getByRole('status')).toContainText('2.6.17 stopped here');

  await page.getByRole('combobox', { name: 'A phase takes' }).selectOption('3');
  await page.getByRole('button', { name: 'Play this phase' }).click();
  const slider = page.getByRole('slider', { name: 'Position in the phase' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'resume: 100%', { timeout: 10_000 });
  await expect(neu.locator('.run-position')).toHaveText(/ · resume (\d+)\/\1/);
  await expect(page.getByRole('button', { name: 'Play this phase' })).toBeVisible();

  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuetext', 'restore: 0%');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', 'resume: 0%');
  expect(errors).toEqual([]);
});

test('the header links switch between the visualiser and the compare view', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#preset=teaching');
  await expect(page.locator('.step-text')).toHaveText(/^Step 0 of \d+$/);
  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('link', { name: 'Compare 2.6.17 ↔ 2.6.20' }).click();
  await expect(page).toHaveURL(/#view=compare&preset=teaching$/);
  await expect(page.getByRole('region', { name: 'Compare' })).toBeVisible();
  await expect(columns(page).neu.locator('.run-outcome')).toHaveText('✓ restored');
  await expect(views.getByRole('link', { name: 'Compare 2.6.17 ↔ 2.6.20' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Another scenario from the picker, then back to step by step on it.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('needs-shrinking');
  await expect(page).toHaveURL(/#view=compare&preset=needs-shrinking$/);
  await expect(columns(page).old.locator('.run-outcome')).toHaveText('✓ restored');
  await views.getByRole('link', { name: 'Step by step' }).click();
  await expect(page).toHaveURL(/#preset=needs-shrinking/);
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('needs-shrinking');
  await expect(page.locator('.step-text')).toHaveText(/^Step 0 of \d+$/);
  expect(errors).toEqual([]);
});

test('a step link opened from the compare view goes to the step-by-step view at that step', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#view=compare&preset=teaching');
  await expect(columns(page).region).toBeVisible();
  await page.goto('/#preset=lowmem-only&step=10');
  await expect(page.getByText('Step 10 of', { exact: false })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Compare' })).toHaveCount(0);
  expect(page.url()).toContain('step=10');
  expect(errors).toEqual([]);
});
