import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './axe';
import { screenshot } from './screenshot';

/**
 * Everything the page shows or carries: its visible text, and every attribute value of every
 * element (titles, labels, data attributes, hidden inputs), one per line. What a reader could
 * find on screen, by a screen reader, or in the page's source.
 */
export const pageTextAndAttributes = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const values: string[] = [document.title, document.body.innerText];
    for (const element of Array.from(document.querySelectorAll('*')))
      for (const attribute of Array.from(element.attributes)) values.push(attribute.value);
    return values.join('\n');
  });

/** An id as a whole word: `p-1` but not `p-12` or `step-1`. */
export const wholeWord = (word: string): RegExp =>
  new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_-])`);

/** Which of `secrets` the scanned page holds: ids as whole words, other text as written. */
export const secretsFound = (scanned: string, secrets: ReadonlyArray<string>): string[] =>
  secrets.filter((secret) => (/^[\w-]+$/.test(secret) ? wholeWord(secret).test(scanned) : scanned.includes(secret)));

/** The labelled pages of the navigation, by their `/#/` paths, as the signed-in role is offered them. */
export const navigationPaths = async (page: Page): Promise<string[]> => {
  const navigation = page.getByRole('navigation');
  await navigation.getByRole('link').first().waitFor();
  const hrefs = await navigation
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('#/')))];
};

/**
 * The axe check of the page at rest: the pointer moved off whatever the test last clicked, so a
 * button is judged in the colours it shows until someone points at it.
 */
export const expectAccessibleAtRest = async (page: Page): Promise<void> => {
  await page.mouse.move(0, 0);
  await expectNoSeriousAxeViolations(page);
};

/** The guide's screenshot of a page as a reader first sees it (every screenshot is taken so). */
export const screenshotFromTop = screenshot;
