import type { Locator } from 'playwright-core';

/**
 * Waits until an element and everything around it is fully opaque: a dialog fading in is read
 * by the accessibility check as faint text until its transition ends.
 */
export const settled = async (element: Locator): Promise<void> => {
  await element.waitFor();
  await element.evaluate(
    (node) =>
      new Promise<void>((done) => {
        const opaque = () => {
          for (let at: Element | null = node; at !== null; at = at.parentElement)
            if (getComputedStyle(at).opacity !== '1') return false;
          return true;
        };
        const check = () => (opaque() ? done() : requestAnimationFrame(check));
        check();
      }),
  );
};
