import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repositoryRoot } from './api-process';

/** The screenshots docs/web.md shows, taken by the specs so they show the pages as they are. */
export const SCREENSHOTS = join(repositoryRoot, 'docs', 'web');

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
};
