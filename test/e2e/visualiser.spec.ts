import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { watchConsole } from './support/console';

const stepText = (page: Page) => page.locator('.step-text');

async function stepNumber(page: Page): Promise<number> {
  const m = /^Step ([\d,]+) of/.exec((await stepText(page).textContent()) ?? '');
  if (!m) throw new Error('no step counter');
  return Number(m[1].replace(/,/g, ''));
}

/** Presses a key and waits until the step counter shows something else. */
async function pressAndWait(page: Page, key: string): Promise<void> {
  const before = await stepText(page).textContent();
  await page.keyboard.press(key);
  await expect(stepText(page)).not.toHaveText(before ?? '');
}

test('plays the teaching preset to the end and reads the outcome', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(stepText(page)).toHaveText(/^Step 0 of \d+$/);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('teaching');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('120');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  const outcome = page.getByRole('region', { name: 'Narration' }).getByRole('status');
  await expect(outcome).toHaveText('Restored: all 30 saved pages match', { timeout: 30_000 });
  const total = /of (\d+)$/.exec((await stepText(page).textContent()) ?? '')?.[1];
  await expect(stepText(page)).toHaveText(`Step ${total} of ${total}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#preset=teaching&step=${total}$`));
  expect(errors).toEqual([]);
});

test('steps back to the start of copy_data_pages with the same counter and narration', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.goto('/#preset=teaching');
  await expect(stepText(page)).toHaveText(/^Step 0 of \d+$/);
  const source = page.getByRole('region', { name: 'Source' });
  const narration = page.getByRole('region', { name: 'Narration' }).locator('.narration-text');
  const counters = page.getByRole('region', { name: 'Counters' });
  // Find the named step: the first step of copy_data_pages(), by function call.
  for (let i = 0; i < 60; i++) {
    const fn = await source.locator('.source-fn').allTextContents();
    if (fn[0] === 'copy_data_pages()') break;
    await pressAndWait(page, 'Shift+ArrowRight');
  }
  await expect(source.locator('.source-fn')).toHaveText('copy_data_pages()');
  const named = await stepNumber(page);
  const said = await narration.textContent();
  const counted = await counters.innerText();
  for (let i = 0; i < 3; i++) await pressAndWait(page, 'ArrowRight');
  await expect(stepText(page)).toHaveText(new RegExp(`^Step ${named + 3} of`));
  for (let i = 0; i < 3; i++) {
    const before = await stepText(page).textContent();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(stepText(page)).not.toHaveText(before ?? '');
  }
  await expect(stepText(page)).toHaveText(new RegExp(`^Step ${named} of`));
  await expect(narration).toHaveText(said ?? '');
  expect(await counters.innerText()).toBe(counted);
  await expect(source.locator('[aria-current="step"]')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#preset=teaching&step=${named}$`));

  // The same step opened from its link says the same.
  await page.goto(`/#preset=teaching&step=${named}`);
  await page.reload();
  await expect(stepText(page)).toHaveText(new RegExp(`^Step ${named} of`));
  await expect(narration).toHaveText(said ?? '');
  expect(errors).toEqual([]);
});

test('opens i386-4g, zooms to a frame and inspects it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto('/');
  await expect(stepText(page)).toHaveText(/^Step 0 of \d+$/);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('i386-4g');
  await expect(stepText(page)).toHaveText(/^Step 0 of \d,\d{3},\d{3}$/, { timeout: 90_000 });
  await expect(page.getByText('1,048,576 frames (4 GiB)')).toBeVisible();
  const canvas = page.locator('canvas.grid-canvas');
  await expect(canvas).toHaveAttribute('aria-label', /^Page frames: 1,048,576 frames in 3 zones/);

  // Zoom with the wheel on a point of Normal memory until single frames are big, then click.
  const box = (await canvas.boundingBox())!;
  const x = box.x + 40;
  const y = box.y + box.height * 0.12;
  await page.mouse.move(x, y);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  await page.mouse.click(x, y);
  const inspector = page.getByRole('region', { name: 'Frame inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(/zone\s*(DMA|Normal|HighMem) \((lowmem|highmem)\)/);
  await expect(inspector).toContainText('Steps that touched it');

  // And straight to a frame by number.
  await page.getByRole('spinbutton', { name: 'Frame number' }).fill('300000');
  await page.keyboard.press('Enter');
  await expect(inspector.locator('.facts')).toContainText('300,000');
  await expect(inspector).toContainText('HighMem (highmem)');
  await expect(inspector).toContainText(/content now\s*0x[0-9a-f]{8}/);
  await expect(page).toHaveURL(/#preset=i386-4g&step=0$/);
  expect(errors).toEqual([]);
});

test('a bad link shows a message and the default scenario', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#preset=pdp-11&step=banana');
  await expect(page.getByRole('alert')).toContainText(
    'The link asks for the scenario “pdp-11”, which does not exist; showing “teaching” instead.',
  );
  await expect(page.getByRole('alert')).toContainText('“banana” is not a step number');
  await expect(stepText(page)).toHaveText(/^Step 0 of \d+$/);
  await expect(page.getByRole('region', { name: 'Page frames' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('embed mode shows the grid, the narration and the controls only', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/#preset=teaching&step=40&embed=1');
  await expect(stepText(page)).toHaveText(/^Step 40 of \d+$/);
  await expect(page.getByRole('region', { name: 'Page frames' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Narration' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Source' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#preset=teaching&step=41&embed=1$/);
  expect(errors).toEqual([]);
});

test('screenshot for the README', async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#preset=teaching&step=130');
  await expect(stepText(page)).toHaveText(/^Step 130 of \d+$/);
  await expect(page.locator('.arrow-copy')).toHaveCount(1);
  await page.screenshot({ path: 'docs/screenshot.png' });
  expect(errors).toEqual([]);
});
