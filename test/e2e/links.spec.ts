// Links end to end: "Copy link" on a machine of one's own opens the same machine, model, step and
// overlays in a fresh browser (through the clipboard, and through the field shown when copying is
// not allowed); a new machine is a history entry (Back returns to the previous one at its step);
// bad values in an edited address say what was wrong, keep the run shown and put the address right.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeScenarioParam } from '../../src/core/scenario/link';
import { seriousViolations } from './axe';

const teaching = JSON.parse(
  readFileSync(new URL('../../src/core/presets/teaching.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const stepText = (page: Page) => page.locator('.step-text');
const picker = (page: Page) => page.getByRole('combobox', { name: 'Scenario' });
const notice = (page: Page) => page.locator('.banner-notice');

/** A machine saved in this browser's local storage, as the editor keeps it. */
const saved = {
  format: 'swsusp-viz/machines@1',
  machines: [
    {
      id: 'lab42',
      savedAt: '2026-11-27T12:00:00.000Z',
      doc: {
        ...teaching,
        name: 'Lab <b>box</b>',
        suspend: 'N2 K6 S4 F36 | R1 S10 F21',
      },
    },
  ],
};

test('a saved machine’s copied link opens at the same step, model and overlays in a fresh browser', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript((value) => {
    localStorage.setItem('swsusp-viz/machines', value);
  }, JSON.stringify(saved));
  await page.goto('/#preset=mine-lab42&model=linux-2.6.17&step=30');
  await expect(stepText(page)).toHaveText(/^Step 30 of /);
  const total = (await stepText(page).textContent())?.replace(/^Step 30 of /, '');
  await expect(picker(page)).toHaveValue('mine-lab42');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2.6.17');
  await page.getByRole('checkbox', { name: 'orig_bm' }).check();
  await page.getByRole('checkbox', { name: 'copy_bm' }).check();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepText(page)).toHaveText(`Step 31 of ${total}`);
  await expect(page).toHaveURL(
    /#preset=mine-lab42&model=linux-2\.6\.17&step=31&overlays=orig,copy$/,
  );

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  await page.screenshot({ path: 'test-results/links-copied.png' });
  const link = await page.evaluate<string>('navigator.clipboard.readText()');
  // The machine itself travels in the link: another browser has no local copy of it.
  expect(link).toMatch(/#scenario=[\w-]+&model=linux-2\.6\.17&step=31&overlays=orig,copy$/);
  expect(link.startsWith(`${baseURL}/`)).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(stepText(other)).toHaveText(`Step 31 of ${total}`);
  await expect(other.getByRole('heading', { level: 1 })).toContainText('2.6.17');
  await expect(picker(other)).toHaveValue('(custom)');
  await expect(other.getByRole('option', { name: 'Lab <b>box</b> (your own)' })).toBeAttached();
  await expect(other.getByRole('checkbox', { name: 'orig_bm' })).toBeChecked();
  await expect(other.getByRole('checkbox', { name: 'copy_bm' })).toBeChecked();
  await expect(other.getByRole('checkbox', { name: 'safe_highmem_bm' })).not.toBeChecked();
  await expect(other.locator('.banner-notice')).toHaveCount(0);
  await other.screenshot({ path: 'test-results/links-fresh.png' });
  await fresh.close();
});

test('where copying is not allowed, the link is shown selected in a field', async ({
  page,
  browser,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  const mine = { ...teaching, name: 'Scenario object', resume: 'N2 K6 B5 F35 | R1 B4 F27' };
  await page.goto(`/#scenario=${encodeScenarioParam(mine)}&step=12&present=1`);
  await expect(stepText(page)).toHaveText(/^Step 12 of /);
  const total = (await stepText(page).textContent())?.replace(/^Step 12 of /, '');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toBeFocused();
  await expect(page.getByRole('status')).toContainText('Copying was not allowed');
  const selected = await field.evaluate((el: HTMLInputElement) =>
    el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
  );
  const link = await field.inputValue();
  expect(selected).toBe(link);
  expect(link).toMatch(/#scenario=[\w-]+&model=linux-2\.6\.20&step=12&present=1$/);
  await page.screenshot({ path: 'test-results/links-fallback.png' });
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(stepText(other)).toHaveText(`Step 12 of ${total}`);
  await expect(other.locator('.app')).toHaveClass(/app-present/);
  // Presentation mode hides the header; out of it, the picker names the machine from the link.
  await other.keyboard.press('f');
  await expect(other.getByRole('option', { name: 'Scenario object (your own)' })).toBeAttached();
  await expect(other).toHaveURL(/&step=12$/);
  await fresh.close();
});

test('a new machine pushes a history entry, steps replace it, Back and Forward restore', async ({
  page,
}) => {
  await page.goto('/#preset=teaching&step=12');
  await expect(stepText(page)).toHaveText('Step 12 of 463');
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/#preset=teaching&step=14$/);
  // Straight on, before the throttled address could catch up: the entry left keeps step 14.
  await picker(page).selectOption('lowmem-only');
  await expect(page).toHaveURL(/#preset=lowmem-only&step=0$/);
  await expect(stepText(page)).toHaveText(/^Step 0 of /);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/#preset=lowmem-only&step=1$/);

  await page.goBack();
  await expect(page).toHaveURL(/#preset=teaching&step=14$/);
  await expect(picker(page)).toHaveValue('teaching');
  await expect(stepText(page)).toHaveText('Step 14 of 463');
  await page.goForward();
  await expect(picker(page)).toHaveValue('lowmem-only');
  await expect(stepText(page)).toHaveText(/^Step 1 of /);
  await expect(notice(page)).toHaveCount(0);

  // The other view is a visit too: Back from the compare view returns to the step shown.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('link', { name: /^Compare/ }).click();
  await expect(page).toHaveURL(/#view=compare&preset=lowmem-only$/);
  await expect(page.getByText(/^Phase \d of \d+: /)).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await expect(page).toHaveURL(/#preset=lowmem-only&step=2$/);
  await expect(stepText(page)).toHaveText(/^Step 2 of /);
});

test('bad values in the address say what was wrong and keep the run shown', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#preset=teaching&step=40');
  await expect(stepText(page)).toHaveText('Step 40 of 463');
  const edit = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

  for (const [step, why] of [
    ['abc', 'is not a step number'],
    ['-5', 'is negative (steps count from 0)'],
    ['1e99', 'is not a whole number of steps'],
  ]) {
    await edit(`#preset=teaching&step=${step}`);
    await expect(notice(page)).toHaveText(
      `The link’s step “${step}” ${why}; staying at step 40.Dismiss`,
    );
    await expect(stepText(page)).toHaveText('Step 40 of 463');
    await expect(page).toHaveURL(/#preset=teaching&step=40$/);
  }
  await edit('#preset=teaching&step=9999');
  await expect(notice(page)).toContainText(
    'The link’s step 9999 is past the end of this run (463 steps); staying at step 40.',
  );
  await expect(page).toHaveURL(/#preset=teaching&step=40$/);

  await edit('#view=bogus&preset=teaching&step=41&model=linux-9&overlays=orig,bits');
  await expect(notice(page)).toContainText('The link’s view “bogus” is not “step” or “compare”');
  await expect(notice(page)).toContainText('The link’s model “linux-9” is not one of');
  await expect(notice(page)).toContainText('The link’s overlay “bits” is not among');
  await expect(stepText(page)).toHaveText('Step 41 of 463');
  await expect(page.getByRole('checkbox', { name: 'orig_bm' })).toBeChecked();
  await expect(page).toHaveURL(/#preset=teaching&step=41&overlays=orig$/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/links-notices.png' });

  await edit('#scenario=not*base64&step=3');
  await expect(notice(page)).toHaveText(
    /^The link’s scenario is not in the form the page writes .*; keeping “teaching”\.Dismiss$/,
  );
  const invalid = encodeScenarioParam({ ...teaching, suspend: 'N2 K6 S6 F0 | R1 S18 F13' });
  await edit(`#scenario=${invalid}&step=3`);
  await expect(notice(page)).toHaveText(
    /^The link’s scenario is not valid: suspend.*F0.*; keeping “teaching”\.Dismiss$/,
  );
  await expect(stepText(page)).toHaveText('Step 41 of 463');
  await expect(picker(page)).toHaveValue('teaching');
  await expect(page).toHaveURL(/#preset=teaching&step=41&overlays=orig$/);

  await edit(`#preset=teaching&step=${'x'.repeat(2_000_000)}`);
  await expect(notice(page)).toContainText('is not a step number; staying at step 41.');
  expect((await notice(page).textContent())?.length).toBeLessThan(200);
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeInViewport();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a bad link opened afresh says what is shown, and the address agrees', async ({ page }) => {
  await page.goto('/#preset=teaching&step=-5');
  await expect(stepText(page)).toHaveText('Step 0 of 463');
  await expect(notice(page)).toContainText(
    'The link’s step “-5” is negative (steps count from 0); starting at step 0.',
  );
  await expect(page).toHaveURL(/#preset=teaching&step=0$/);
  await page.goto('/#preset=mine-gone&step=7');
  await expect(notice(page)).toContainText(
    'The link names “mine-gone”, a machine saved in another browser or deleted',
  );
  await expect(picker(page)).toHaveValue('teaching');
  await expect(stepText(page)).toHaveText('Step 0 of 463');
  await expect(page).toHaveURL(/#preset=teaching&step=0$/);
});

test('the compare view copies its own link, a saved machine inside it, and Back returns', async ({
  page,
  browser,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript((value) => {
    localStorage.setItem('swsusp-viz/machines', value);
  }, JSON.stringify(saved));
  await page.goto('/#view=compare&preset=teaching');
  const phase = page.getByText(/^Phase \d of \d+: /);
  await expect(phase).toHaveText(/^Phase 1 of /, { timeout: 30_000 });
  await picker(page).selectOption('mine-lab42');
  await expect(page).toHaveURL(/#view=compare&preset=mine-lab42$/);
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(phase).toHaveText(/^Phase 2 of \d+: image, 0%$/);
  await expect(page).toHaveURL(/#view=compare&preset=mine-lab42&phase=image$/);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const link = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(link).toMatch(/#view=compare&scenario=[\w-]+&phase=image$/);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByText(/^Phase \d of \d+: /)).toHaveText(/^Phase 2 of \d+: image, 0%$/, {
    timeout: 30_000,
  });
  await expect(picker(other)).toHaveValue('(custom)');
  await expect(other.getByRole('option', { name: 'Lab <b>box</b> (your own)' })).toBeAttached();
  await fresh.close();

  await page.goBack();
  await expect(picker(page)).toHaveValue('teaching');
  await expect(page).toHaveURL(/#view=compare&preset=teaching$/);
});
