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
  // A null message from the new engine: noticed too, never thrown.
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const next = await engineWorker(page, worker);
  await next.evaluate(() =>
    (globalThis as unknown as { postMessage(m: unknown): void }).postMessage(null),
  );
  await expect(page.getByRole('alert')).toContainText(
    'The engine sent a message the page could not use',
    NOTICE,
  );
  await expect(stepText(page)).toHaveText('Step 12 of 463');
  expect(errors).toEqual([]);
});

test('switching scenarios mid-load drops the old build at once, even one that never ends', async ({
  page,
}) => {
  await page.goto('/#preset=teaching&step=3');
  await expect(stepText(page)).toHaveText('Step 3 of 463');
  const worker = await engineWorker(page);
  // The next build spins for ever at its first progress report: only abandoning it lets the
  // page go on, so waiting for the old trace would show up as a hang (3 s here) and a banner.
  await worker.evaluate(() => {
    (globalThis as unknown as { swsuspVizFault: string }).swsuspVizFault = 'hang-mid-build';
  });
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await picker.selectOption('needs-shrinking');
  await expect(page.getByRole('status').filter({ hasText: 'Building the trace' })).toBeVisible();
  await picker.selectOption('lowmem-only');
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/, NOTICE);
  await expect(picker).toHaveValue('lowmem-only');
  await expect(page).toHaveURL(/#preset=lowmem-only&step=0$/);
  await expect(page.getByText(/stopped answering|engine crashed/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText(/^Step 1 of [\d,]+$/);
  await expect(page.getByText(/stopped answering|engine crashed/)).toHaveCount(0);
});

test('the compare view supervises both engines: terminated workers are noticed and both runs come back where they were', async ({
  page,
}) => {
  await page.goto('/#view=compare&preset=teaching');
  const region = page.getByRole('region', { name: 'Compare' });
  const old = region.getByRole('region', { name: 'Linux 2.6.17' });
  const neu = region.getByRole('region', { name: 'Linux 2.6.20' });
  await expect(old.locator('.run-position')).toHaveText(/^Step 0 of 6 /);
  await expect(neu.locator('.run-position')).toHaveText(/^Step 0 of \d+ · suspend/);
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(neu.locator('.run-position')).toHaveText(/ · image 0\/\d+/);
  const before = await neu.locator('.run-position').textContent();
  await expect(old.locator('.run-position')).toHaveText(/^Step 6 of 6/);
  // Both workers die without a word.
  await expect
    .poll(() => page.workers().filter((w) => /engine\.worker/.test(w.url())).length)
    .toBe(2);
  for (const w of page.workers().filter((x) => /engine\.worker/.test(x.url())))
    await w.evaluate(() => (globalThis as unknown as { close(): void }).close());
  for (const col of [old, neu]) {
    await expect(col.getByRole('alert')).toContainText('The engine stopped answering', NOTICE);
    await expect(col.getByRole('alert')).toContainText(/Restarted it on “[^”]+” at step \d+\./);
  }
  await expect(neu.locator('.run-position')).toHaveText(before ?? '');
  await expect(old.locator('.run-position')).toHaveText(/^Step 6 of 6/);
  // The new engines answer, still in step with each other.
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(neu.locator('.run-position')).toHaveText(/ · power-off/);
  await expect(page).toHaveURL(/#view=compare&preset=teaching&phase=power-off$/);
});
