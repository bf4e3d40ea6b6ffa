import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { watchConsole } from './support/console';

/** The step page is ready: the counter shows a run of this many steps or more. */
async function ready(page: Page) {
  await expect(page.locator('.step-counter')).toHaveText(/Step [\d,]+ of [\d,]+/, {
    timeout: 240_000,
  });
}

const SMALL = ['today-teaching', 'half-ram-cap', 'zero-pages'] as const;

for (const preset of SMALL) {
  test(`step view of ${preset} opens on linux-6.12 and steps through its preallocation`, async ({
    page,
  }) => {
    const errors = watchConsole(page);
    await page.goto(`/#preset=${preset}`);
    await ready(page);
    // A 6.12 preset opens on its own model, and the compare tab offers 2.6.20 beside it.
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('linux-6.12');
    await expect(page.getByRole('link', { name: 'Compare 2.6.20 ↔ 6.12' })).toBeVisible();
    const narration = page.getByRole('region', { name: 'Narration' });
    const counters = page.getByRole('region', { name: 'Counters' });
    await page.keyboard.press('ArrowRight');
    await expect(narration).toContainText('basic bitmaps');
    // Step to the end of the preallocation: PageDown goes a phase at a time, so step by call.
    for (let i = 0; i < 40; i++) {
      const text = (await counters.getByRole('figure').getAttribute('aria-label')) ?? '';
      if (/shrink path|fits path/.test(text) && /preallocated/.test(text)) break;
      await page.keyboard.press('Shift+ArrowRight');
    }
    await expect(counters.getByRole('figure').first()).toHaveAttribute(
      'aria-label',
      /^hibernate_preallocate_memory\(\): count [\d,]+, saveable [\d,]+; max_size [\d,]+; size [\d,]+; (fits|shrink) path/,
    );
    // The bitmaps panel draws the radix trees: extent, root, leaves, bits.
    const bitmaps = page.getByRole('region', { name: 'Memory bitmaps' });
    await expect(bitmaps.getByRole('article', { name: 'forbidden_pages_map' })).toContainText(
      'mem_zone_bm_rtree',
    );
    await expect(bitmaps.getByRole('list', { name: 'orig_bm leaves' })).toBeVisible();

    await page.keyboard.press('End');
    const outcome = narration;
    if (preset === 'half-ram-cap')
      await expect(outcome).toContainText(
        'Suspend failed in hibernate_preallocate_memory: PM: hibernation: Image allocation is',
      );
    else await expect(outcome).toContainText('Restored');
    if (preset === 'zero-pages') {
      // Zero pages are in the image's meta pages, with no data page of their own.
      await page.keyboard.press('Home');
      const image = page.getByRole('region', { name: 'Image' });
      for (let i = 0; i < 12; i++) {
        if ((await image.locator('.slot-zero').count()) > 0) break;
        await page.keyboard.press(']');
      }
      await expect(image.locator('.slot-zero').first()).toContainText('no data page');
      await expect(page.locator('.legend')).toContainText('zero page');
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`compare of 2.6.20 ↔ 6.12 on ${preset}: by phase, preallocation on 6.12 alone, the table`, async ({
    page,
  }) => {
    const errors = watchConsole(page);
    await page.goto(`/#view=compare&preset=${preset}&models=linux-2.6.20,linux-6.12`);
    const region = page.getByRole('region', { name: 'Compare' });
    const old = region.getByRole('region', { name: 'Linux 2.6.20' });
    const today = region.getByRole('region', { name: 'Linux 6.12' });
    await expect(today.locator('.run-outcome')).toHaveText(/^(✓ restored|✗ suspend failed)/, {
      timeout: 120_000,
    });
    await expect(old.locator('.run-outcome')).toHaveText(/^(✓ restored|✗ suspend failed)/);
    await expect(page.getByRole('link', { name: 'Compare 2.6.20 ↔ 6.12' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The position starts in preallocation: 6.12 runs it, 2.6.20 waits at its suspend.
    await expect(page.getByRole('button', { name: 'preallocation' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    await expect(old.locator('.run-position')).toContainText('has no preallocation phase');
    await expect(today.locator('.run-position')).toHaveText(/ · preallocation 0\/\d+/);
    const table = page.getByRole('table', { name: '2.6.20 vs 6.12' });
    const zero = table.getByRole('row', { name: /^Zero pages/ }).getByRole('cell');
    await expect(zero.nth(0)).toHaveText('—');
    if (preset === 'half-ram-cap') {
      await expect(old.locator('.run-outcome')).toHaveText('✓ restored');
      await expect(today.locator('.run-outcome')).toHaveText(
        '✗ suspend failed in hibernate_preallocate_memory()',
      );
    } else await expect(zero.nth(1)).toHaveText(/^[1-9][\d,]*$/);
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect(page).toHaveURL(/models=linux-2\.6\.20,linux-6\.12&phase=suspend$/);
    await expect(page.getByRole('img', { name: 'Image ceiling, i386 4 GiB' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the 4 GiB machine under 6.12: the step view steps, the compare with 2.6.20 shows its table', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const errors = watchConsole(page);
  await page.goto('/#preset=i386-4g-today');
  await ready(page);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('linux-6.12');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('basic bitmaps');
  await page.goto('/#view=compare&preset=i386-4g-today&models=linux-2.6.20,linux-6.12');
  const table = page.getByRole('table', { name: '2.6.20 vs 6.12' });
  await expect(
    table
      .getByRole('row', { name: /^Zero pages/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(/^[1-9][\d,]*$/, { timeout: 600_000 });
  await expect(
    table
      .getByRole('row', { name: /^Preallocated for the copies/ })
      .getByRole('cell')
      .nth(1),
  ).toContainText('path');
  expect(errors).toEqual([]);
});
