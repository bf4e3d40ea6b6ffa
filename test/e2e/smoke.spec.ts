import { expect, test } from '@playwright/test';

test('home page loads with the product title and no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await expect(page).toHaveTitle(/swsusp-viz/);
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(errors).toEqual([]);
});
