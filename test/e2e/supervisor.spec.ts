// The page supervises its engine worker: a worker that dies, throws mid-build or stops answering
// is noticed, shown in a banner and replaced, and the page comes back on the same scenario and
// step by itself. The faults are caused from inside the worker (Playwright's worker.evaluate and
// the worker's test-only `swsuspVizFault` hook, see src/engine/engine.worker.ts).
import { expect, test } from '@playwright/test';
import type { Page, Worker } from '@playwright/test';

const stepText = (page: Page) => page.locator('.step-text');

// Noticing a silent worker takes a heartbeat and a deadline: wait for that state generously.
test.use({ actionTimeout: 20_000 });
test.describe.configure({ timeout: 60_000 });
const NOTICE = { timeout: 20_000 };

/** A short hang deadline for these tests (the page's own is 20 s of silence). */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (globalThis as unknown as { swsuspVizEngineDeadlineMs: number }).swsuspVizEngineDeadlineMs =
      3000;
  });
});

/** The engine worker serving the page now (a restart makes a new one). */
async function engineWorker(page: Page, not?: Worker): Promise<Worker> {
  for (;;) {
    const w = page.workers().find((x) => x !== not && /engine\.worker/.test(x.url()));
    if (w) return w;
    await page.waitForEvent('worker');
  }
}

test('a worker terminated at step 40 is noticed and the page comes back at step 40', async ({
  page,
}) => {
  await page.goto('/#preset=teaching&step=40');
  await expect(stepText(page)).toHaveText('Step 40 of 463');
  const worker = await engineWorker(page);
  await worker.evaluate(() => (globalThis as unknown as { close(): void }).close());
  await expect(page.getByRole('alert')).toContainText(
    'The engine stopped answering: the engine stopped answering',
    NOTICE,
  );
  await expect(page.getByRole('alert')).toContainText(
    'Restarted it on “Teaching machine” at step 40.',
  );
  await expect(stepText(page)).toHaveText('Step 40 of 463');
  await expect(page).toHaveURL(/#preset=teaching&step=40$/);
  // The new engine answers.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText('Step 41 of 463');
  await expect(page).toHaveURL(/#preset=teaching&step=41$/);
});

test('a worker that throws mid-build is replaced and the build done again', async ({ page }) => {
  await page.goto('/#preset=teaching');
  await expect(stepText(page)).toHaveText('Step 0 of 463');
  const worker = await engineWorker(page);
  await worker.evaluate(() => {
    (globalThis as unknown as { swsuspVizFault: string }).swsuspVizFault = 'throw-mid-build';
  });
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('needs-shrinking');
  await expect(page.getByRole('alert')).toContainText('The engine crashed', NOTICE);
  await expect(page.getByRole('alert')).toContainText('throw-mid-build');
  await expect(page.getByRole('alert')).toContainText(
    'Restarted it on “needs-shrinking” at step 0.',
  );
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/);
  await expect(stepText(page)).not.toHaveText('Step 0 of 463');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('needs-shrinking');
  await expect(page).toHaveURL(/#preset=needs-shrinking&step=0$/);
});

test('a worker that stops answering mid-build is replaced and the build done again', async ({
  page,
}) => {
  await page.goto('/#preset=teaching&step=7');
  await expect(stepText(page)).toHaveText('Step 7 of 463');
  const worker = await engineWorker(page);
  await worker.evaluate(() => {
    (globalThis as unknown as { swsuspVizFault: string }).swsuspVizFault = 'hang-mid-build';
  });
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('needs-shrinking');
  await expect(page.getByRole('alert')).toContainText(
    'The engine stopped answering: the engine stopped reporting while building the trace',
    NOTICE,
  );
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('needs-shrinking');
  await expect(stepText(page)).not.toHaveText('Step 7 of 463');
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/);
  // The replacement works.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText(/^Step 1 of [\d,]+$/);
});

test('garbage from the worker is rejected and the engine restarted at the same step', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#preset=teaching&step=12');
  await expect(stepText(page)).toHaveText('Step 12 of 463');
  const worker = await engineWorker(page);
  await worker.evaluate(() =>
    (globalThis as unknown as { postMessage(m: unknown): void }).postMessage({
      v: 1,
      type: 'snapshot',
      step: 'NaN',
    }),
  );
  await expect(page.getByRole('alert')).toContainText(
    'The engine sent a message the page could not use',
    NOTICE,
  );
  await expect(stepText(page)).toHaveText('Step 12 of 463');
  await worker
    .evaluate(() => (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(null))
    .catch(() => {});
  expect(errors).toEqual([]);
});
