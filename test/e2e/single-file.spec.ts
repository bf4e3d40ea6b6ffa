// `npm run build:single` → dist-single/swsusp-viz.html: one file that runs from file:// with no
// network at all, the engine in a worker from a blob, every preset, both models, both views.
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const file = fileURLToPath(new URL('../../dist-single/swsusp-viz.html', import.meta.url));

test('the single file runs from file:// with no network', async ({ page }) => {
  expect(existsSync(file), 'run `npm run build:single` first').toBe(true);
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    requests.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));

  const url = pathToFileURL(file).href;
  await page.goto(`${url}#preset=teaching&step=40`);
  await expect(page.getByText('Step 40 of')).toBeVisible({ timeout: 30_000 });
  expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);

  // Every preset is inside, and the other model.
  const options = await page
    .getByRole('combobox', { name: 'Scenario' })
    .locator('option')
    .allTextContents();
  const presets = readdirSync(new URL('../../src/core/presets/', import.meta.url));
  expect(options).toHaveLength(presets.filter((f) => f.endsWith('.json')).length);
  await page.goto(`${url}#preset=lowmem-only&model=linux-2.6.17&step=5`);
  await page.reload();
  await expect(page.getByText('Step 5 of')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2.6.17');

  // The compare view (its charts were a separate chunk in the page's build) is inside too.
  await page.goto(`${url}#view=compare&preset=teaching`);
  await page.reload();
  await expect(page.getByRole('figure').first()).toBeVisible({ timeout: 30_000 });

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
});
