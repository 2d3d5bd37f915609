import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repositoryRoot } from './api-process';

/**
 * The screenshots docs/web.md shows, taken by the specs so they show the pages as they are. Pages
 * carry today's dates, so every run would change the committed pictures: they are written over
 * only when `UPDATE_SCREENSHOTS=1` asks for it, and otherwise beside the test results.
 */
export const SCREENSHOTS =
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? join(repositoryRoot, 'docs', 'web')
    : join(repositoryRoot, 'tmp', 'screenshots');

/**
 * A page as a reader first sees it: scrolled to the top, nothing focused, so the fixed header sits
 * at the top of the picture and the skip link stays hidden.
 */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  mkdirSync(SCREENSHOTS, { recursive: true, mode: 0o700 });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
};
