// The machine editor end to end: a machine painted on the grid and typed as runs is run, kept in
// local storage and back after a reload; a bad layout is marked at its character; a hostile name
// is text everywhere; a saved machine that no longer loads leaves the page on the run shown.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';

const stepText = (page: Page) => page.locator('.step-text');
const picker = (page: Page) => page.getByRole('combobox', { name: 'Scenario' });

/** Opens the "About this machine" box (by keyboard: on narrow headers its link is clipped). */
async function openAbout(page: Page): Promise<void> {
  await page.locator('.machine summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.machine-about')).toBeVisible();
}

/** Clicks frame `pfn` of the painter (80-frame machines: 24 px cells, 23 per row, Normal first). */
async function paintFrame(page: Page, pfn: number): Promise<void> {
  const canvas = page.getByRole('img', { name: /Suspend layout grid/ });
  await canvas.click({
    position: { x: (pfn % 23) * 24 + 12, y: 16 + Math.floor(pfn / 23) * 24 + 12 },
  });
}

test('a machine painted and typed in the editor runs and survives a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#preset=teaching');
  await expect(stepText(page)).toHaveText('Step 0 of 463');
  await page.getByRole('button', { name: 'New machine' }).click();
  const editor = page.getByRole('dialog', { name: 'Machine editor' });
  await editor.getByLabel('Name', { exact: true }).fill('Painted box');
  // Typed: more saveable pages in Normal.
  await editor.getByLabel('Suspend layout', { exact: true }).fill('N2 K6 S10 F30 | R1 S18 F13');
  // Painted: pfn 20 becomes saveable, pfn 21 reclaimable.
  await editor.locator('.editor-brush', { hasText: 'saveable' }).click();
  await paintFrame(page, 20);
  await editor.locator('.editor-brush', { hasText: 'reclaimable' }).click();
  await paintFrame(page, 21);
  await expect(editor.getByLabel('Suspend layout', { exact: true })).toHaveValue(
    'N2 K6 S10 F2 S1 C1 F26 | R1 S18 F13',
  );
  expect(await seriousViolations(page, '[role=dialog]')).toEqual([]);
  await page.screenshot({ path: 'test-results/editor-painted.png' });
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(editor).toBeHidden();
  await expect(picker(page)).toHaveValue(/^mine-[a-z0-9]+$/);
  const key = await picker(page).inputValue();
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/);
  await expect(stepText(page)).not.toHaveText('Step 0 of 463');
  await expect(page).toHaveURL(new RegExp(`#preset=${key}&step=0$`));
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText(/^Step 1 of /);
  await expect(page).toHaveURL(new RegExp(`#preset=${key}&step=1$`));
  const total = (await stepText(page).textContent())?.replace(/^Step 1 of /, '');

  await page.reload();
  await expect(picker(page)).toHaveValue(key);
  await expect(stepText(page)).toHaveText(`Step 1 of ${total}`);
  await expect(page.getByRole('option', { name: 'Painted box' })).toHaveCount(1);
  // Renamable (in its About box), and still there after another reload; then deletable.
  await openAbout(page);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Renamed box');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.reload();
  await expect(page.getByRole('option', { name: 'Renamed box' })).toHaveCount(1);
  await openAbout(page);
  await expect(page.locator('.machine-title')).toHaveText('Renamed box');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('button', { name: 'Delete machine' }).click();
  await expect(picker(page)).toHaveValue('teaching');
  await expect(page.getByRole('option', { name: 'Renamed box' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a bad layout shows its message at the right character', async ({ page }) => {
  await page.goto('/#preset=teaching');
  await page.getByRole('button', { name: 'New machine' }).click();
  const editor = page.getByRole('dialog', { name: 'Machine editor' });
  const field = editor.getByLabel('Suspend layout', { exact: true });
  await field.fill('N2 K6 S6 F0 F34 | R1 S18 F13');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('alert')).toContainText(
    'suspend: zone Normal, run 4 ("F0"): a run covers at least 1 frame',
  );
  // The marked character is the 0 of F0, the 11th character.
  await expect(editor.locator('.editor-mark mark')).toHaveText('0');
  await expect(editor.locator('.editor-mark')).toHaveAttribute('aria-label', 'character 11');
  await editor.getByRole('button', { name: 'Show' }).click();
  expect(
    await field.evaluate((el) => {
      const t = el as unknown as { selectionStart: number | null; selectionEnd: number | null };
      return [t.selectionStart, t.selectionEnd];
    }),
  ).toEqual([10, 11]);
  await page.screenshot({ path: 'test-results/editor-bad-layout.png' });
  // Fixed by typing: the message goes.
  await field.fill('N2 K6 S6 F34 | R1 S18 F13');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
});

test('a scenario name with markup renders as text everywhere', async ({ page }) => {
  const name = '<img src=x onerror=alert(1)>';
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/#preset=teaching');
  await page.getByRole('button', { name: 'New machine' }).click();
  const editor = page.getByRole('dialog', { name: 'Machine editor' });
  await editor.getByLabel('Name', { exact: true }).fill(name);
  await editor.getByLabel('Description').fill(name);
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(picker(page)).toHaveValue(/^mine-/);
  await expect(stepText(page)).toHaveText(/^Step 0 of /);
  // Picker, about, and no element was made from it.
  await expect(page.getByRole('option', { name })).toHaveCount(1);
  await openAbout(page);
  await expect(page.locator('.machine-title')).toHaveText(name);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The header and any other text that names the run.
  await page.reload();
  await expect(picker(page)).toHaveValue(/^mine-/);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a saved machine that no longer loads: the message, and the URL still matches the picture', async ({
  page,
}) => {
  await page.goto('/#preset=teaching&step=41');
  await expect(stepText(page)).toHaveText('Step 41 of 463');
  // A machine kept by an older page whose layout this one rejects (F0 is no longer a run).
  await page.evaluate(() => {
    const localStorage = (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage;
    const doc = {
      format: 'swsusp-viz/scenario@1',
      name: 'Old machine',
      zones: [{ name: 'Normal', pages: 8 }],
      suspend: 'K2 S2 F0 F4',
      resume: 'K2 F6',
    };
    localStorage.setItem(
      'swsusp-viz/machines',
      JSON.stringify({
        format: 'swsusp-viz/machines@1',
        machines: [{ id: 'old1', savedAt: '2026-01-01T00:00:00Z', doc }],
      }),
    );
    const w = globalThis as unknown as {
      dispatchEvent(e: unknown): void;
      StorageEvent: new (type: string, init: unknown) => unknown;
    };
    w.dispatchEvent(new w.StorageEvent('storage', { key: 'swsusp-viz/machines' }));
  });
  await picker(page).selectOption('mine-old1');
  await expect(page.getByRole('alert')).toContainText('That scenario could not be run.');
  await expect(page.getByRole('alert')).toContainText('run 3 ("F0")');
  await expect(page.getByRole('alert')).toContainText('Still showing “Teaching machine”.');
  await expect(picker(page)).toHaveValue('teaching');
  await expect(page).toHaveURL(/#preset=teaching&step=41$/);
  await expect(stepText(page)).toHaveText('Step 41 of 463');
  // The controls drive the run shown.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/#preset=teaching&step=42$/);
});

test('a machine from a pasted boot log: what was inferred is said, and it runs', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const fixture = (name: string) =>
    readFileSync(new URL(`../fixtures/bootlogs/${name}`, import.meta.url), 'utf8');
  await page.goto('/#preset=teaching');
  await expect(stepText(page)).toHaveText('Step 0 of 463');
  await page.getByRole('button', { name: 'New machine' }).click();
  const editor = page.getByRole('dialog', { name: 'Machine editor' });
  await editor.getByText('Paste a boot log').click();
  const box = editor.locator('.editor-bootlog');
  // A 64-bit laptop: no highmem, said plainly.
  await box.getByLabel('Boot log').fill(fixture('x86_64-matebook-4g.txt'));
  await box.getByRole('button', { name: 'Make the machine' }).click();
  await expect(box.getByRole('status')).toContainText('A 64-bit kernel: no highmem.');
  await expect(box.getByRole('status')).toContainText("DMA32 is merged into the model's Normal");
  await expect(editor.getByRole('checkbox', { name: 'HighMem' })).not.toBeChecked();
  expect(await seriousViolations(page, '[role=dialog]')).toEqual([]);
  // A 32-bit 2.6.22 machine from its e820 map: built without highmem; it runs.
  await box.getByLabel('Boot log').fill(fixture('i386-2.6.22-e820-1g.txt'));
  await box.getByRole('button', { name: 'Make the machine' }).click();
  await expect(box.getByRole('status')).toContainText('A 32-bit kernel without highmem');
  await expect(box.getByRole('status')).toContainText('the e820 map');
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue(
    /^Machine from a boot log \(32-bit/,
  );
  await editor.getByRole('button', { name: 'Run' }).click();
  await expect(editor).toBeHidden();
  await expect(picker(page)).toHaveValue(/^mine-[a-z0-9]+$/);
  await expect(stepText(page)).toHaveText(/^Step 0 of [\d,]+$/, { timeout: 200_000 });
  await expect(page.locator('.machine-size')).toHaveText(/229,376 frames/);
});
