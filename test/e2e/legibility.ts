/** The smallest visible text on the page (scripts/smallest-text.mjs walks the DOM). */
import type { Page } from '@playwright/test';
import { smallestTextInPage } from '../../scripts/smallest-text.mjs';
import type { SmallestText } from '../../scripts/smallest-text.mjs';

export type { SmallestText };

export function smallestText(page: Page): Promise<SmallestText> {
  return page.evaluate(smallestTextInPage, null);
}
