import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Fails on every serious or critical WCAG 2.1 A/AA violation of the page as it is, naming each and where. */
export const expectNoSeriousAxeViolations = async (page: Page): Promise<void> => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (serious.length > 0)
    throw new Error(
      `${page.url()} has ${serious.length} serious accessibility violations:\n${serious
        .map(
          (violation) =>
            `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        )
        .join('\n')}`,
    );
};
