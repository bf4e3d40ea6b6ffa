// A long run opens before it is traced to the end: the machine shows at once with the timeline
// filled as far as it is traced, and a link to a deep step goes there as soon as the trace does.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const stepText = (page: Page) => page.locator('.step-text');

test('a link to step 1,000,000 of i386-1g shows the machine at once and lands there once traced', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#preset=i386-1g&step=1000000');
  // Steppable before the run is traced: step 0 of what is traced so far, and the wait shown.
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+ traced so far$/, { timeout: 60_000 });
  await expect(
    page.getByRole('status').filter({ hasText: 'Going to step 1,000,000' }),
  ).toBeVisible();
  await expect(stepText(page)).toHaveText(/^Step 1,000,000 of /, { timeout: 150_000 });
  await expect(page).toHaveURL(/#preset=i386-1g&step=1000000$/);
  // Once the whole run is traced the counter gives its length, and stepping goes on from there.
  await expect(stepText(page)).toHaveText('Step 1,000,000 of 1,485,337', { timeout: 150_000 });
  await page.keyboard.press('ArrowRight');
  await expect(stepText(page)).toHaveText('Step 1,000,001 of 1,485,337');
  await expect(page).toHaveURL(/#preset=i386-1g&step=1000001$/);
});
