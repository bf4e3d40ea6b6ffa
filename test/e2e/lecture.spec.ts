/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const stepText = (page: Page) => page.locator('.step-text');

async function stepNumber(page: Page): Promise<number> {
  const m = /^Step ([\d,]+) of/.exec((await stepText(page).textContent()) ?? '');
  if (!m) throw new Error('no step counter');
  return Number(m[1].replace(/,/g, ''));
}

async function ready(page: Page, hash = '#preset=teaching'): Promise<void> {
  await page.goto(`/${hash}`);
  const step = /step=(\d+)/.exec(hash)?.[1] ?? '0';
  await expect(stepText(page)).toHaveText(new RegExp(`^Step ${step} of \\d+$`), {
    timeout: 30_000,
  });
}

test.describe('keys never trap', () => {
  test('after picking a scenario, → steps the run instead of loading the next machine', async ({
    page,
  }) => {
    await ready(page);
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    await scenario.selectOption('lowmem-only');
    await expect(page.locator('.step-text')).toHaveText(/^Step 0 of \d+$/);
    await expect(page).toHaveURL(/preset=lowmem-only/);
    await expect(scenario).not.toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 1 of/);
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 2 of/);
    await expect(scenario).toHaveValue('lowmem-only');
  });

  test('a focused select takes ←/→, Space, Home/End and [ ] as visualiser keys', async ({
    page,
  }) => {
    await ready(page);
    const scenario = page.getByRole('combobox', { name: 'Scenario' });
    await scenario.focus();
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 1 of/);
    await page.keyboard.press('End');
    await expect(stepText(page)).toHaveText(/^Step (\d+) of \1$/);
    await page.keyboard.press('Home');
    await expect(stepText(page)).toHaveText(/^Step 0 of/);
    await expect(scenario).toHaveValue('teaching');
    const speed = page.getByRole('combobox', { name: 'Speed' });
    await speed.selectOption('2');
    await expect(speed).not.toBeFocused();
    await speed.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 1 of/);
    await expect(speed).toHaveValue('2');
  });

  test('after a transport button is clicked, Space plays and pauses', async ({ page }) => {
    await ready(page);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepText(page)).toHaveText(/^Step 1 of/);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    // Keyboard focus on a button: Space still plays; Enter presses the button.
    await page.getByRole('button', { name: 'Step back' }).focus();
    const at = await stepNumber(page);
    await page.keyboard.press('Enter');
    await expect(stepText(page)).toHaveText(new RegExp(`^Step ${at - 1} of`));
  });

  test('] on a fresh page goes to the next phase, [ back to the start', async ({ page }) => {
    await ready(page);
    await page.keyboard.press(']');
    await expect(page.locator('.step-phase')).toHaveText('image');
    await page.keyboard.press('[');
    await expect(stepText(page)).toHaveText(/^Step (0|1) of/);
  });

  test('− and + change the speed; f toggles presentation mode; ? opens the key help', async ({
    page,
  }) => {
    await ready(page);
    const speed = page.getByRole('combobox', { name: 'Speed' });
    await speed.selectOption('8');
    await page.keyboard.press('+');
    await expect(speed).toHaveValue('15');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(speed).toHaveValue('4');
    await page.keyboard.press('f');
    await expect(page.locator('.app')).toHaveClass(/app-present/);
    await page.keyboard.press('Shift+F');
    await expect(page.locator('.app')).not.toHaveClass(/app-present/);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keys' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(/^Step 0 of/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the first Tab offers a skip link that lands on Play', async ({ page }) => {
    await ready(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the controls' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
    await expect(page).toHaveURL(/#preset=teaching/);
  });
});

test.describe('invariants and predict', () => {
  test('the Invariants region follows the step and names the one it relies on', async ({
    page,
  }) => {
    await ready(page, '#preset=teaching&step=130');
    const inv = page.getByRole('region', { name: 'Invariants' });
    await expect(inv.locator('[aria-current="step"]')).toContainText('Counts match at copy time');
    await expect(inv).toContainText('all hold');
  });

  test('predict mode asks, reveals and scores, also in presentation mode', async ({ page }) => {
    await ready(page);
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Predict' }).click();
    const card = page.getByRole('region', { name: 'Prediction' });
    await expect(card).toContainText('Will this suspend succeed?');
    await card.getByRole('button', { name: /^Yes/ }).click();
    await page.keyboard.press('ArrowRight');
    await expect(card).toContainText('✓ Right.');
    await expect(card).toContainText('Score 1 of 1');
  });
});

test.describe('a lecture from the keyboard', () => {
  test('a lecturer drives a whole run of teaching in presentation mode with keys alone', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await ready(page);
    const phase = page.locator('.step-phase');
    // No key moves the window, and the focus is never on something the room cannot see.
    const steady = async () => {
      const s = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const r = el && el !== document.body ? el.getBoundingClientRect() : null;
        return { scrollY: window.scrollY, hidden: r !== null && (r.width < 2 || r.height < 2) };
      });
      expect(s).toEqual({ scrollY: 0, hidden: false });
    };

    await page.keyboard.press('f');
    await expect(page.locator('.app')).toHaveClass(/app-present/);
    await steady();
    // Phase by phase to the end of the run, then one back.
    for (const name of ['image', 'power-off', 'resume', 'restore', 'restored']) {
      await page.keyboard.press(']');
      await expect(phase).toHaveText(name);
      await steady();
    }
    await page.keyboard.press('[');
    await expect(phase).toHaveText('restore');
    const at = await stepNumber(page);
    await page.keyboard.press('ArrowRight');
    await expect(stepText(page)).toHaveText(new RegExp(`^Step ${at + 1} of`));
    await page.keyboard.press('ArrowLeft');
    await expect(stepText(page)).toHaveText(new RegExp(`^Step ${at} of`));
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => stepNumber(page)).toBeGreaterThan(at);
    await steady();

    // Speed, then play and pause.
    const speed = page.getByRole('combobox', { name: 'Speed' });
    const rate = Number(await speed.inputValue());
    await page.keyboard.press('-');
    await expect.poll(async () => Number(await speed.inputValue())).toBeLessThan(rate);
    await page.keyboard.press('Home');
    await expect(stepText(page)).toHaveText(/^Step 0 of/);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => stepNumber(page)).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await steady();

    // Predict: the room's answer by its number, revealed with →.
    await page.keyboard.press('Home');
    await expect(stepText(page)).toHaveText(/^Step 0 of/);
    await page.keyboard.press('p');
    const card = page.getByRole('region', { name: 'Prediction' });
    await expect(card).toContainText('Will this suspend succeed?');
    const yes = card.getByRole('button', { name: /^Yes/ });
    await expect(yes).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('1');
    await expect(yes).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(card).toContainText('✓ Right.');
    await expect(card).toContainText('Score 1 of 1');
    await page.keyboard.press('p');
    await expect(card).toBeHidden();

    // The key help, and Esc out of it.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keys' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // To the end: the outcome; Tab reaches only controls the room can see.
    await page.keyboard.press('End');
    await expect(stepText(page)).toHaveText(/^Step (\d+) of \1$/);
    await expect(page.locator('.outcome')).toBeVisible();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      await steady();
    }
    await page.keyboard.press('f');
    await expect(page.locator('.app')).not.toHaveClass(/app-present/);
  });
});
