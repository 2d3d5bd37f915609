import type { Page } from 'playwright-core';

/**
 * The error shown beside the input labelled `label`: the text of the element its
 * `aria-describedby` names as its error, so the test reads what a screen reader announces.
 */
export const fieldError = async (page: Page, label: string): Promise<string | undefined> => {
  const input = page.getByLabel(label);
  if ((await input.getAttribute('aria-invalid')) !== 'true') return undefined;
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
};
