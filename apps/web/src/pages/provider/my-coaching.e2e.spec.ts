import type { Page } from 'playwright-core';
import { type Browser, launchBrowser, signInAs, startWebApi, type WebApi } from '../../testing';
import { seedCoachingRecord, type SeededSecrets } from '../../testing/coaching-record';
import {
  expectAccessibleAtRest,
  navigationPaths,
  pageTextAndAttributes,
  screenshotFromTop,
  secretsFound,
} from '../../testing/page-scan';

// A provider reads what their coach shares with them, and never a score of an observation of them (rule 5).
let api: WebApi;
let browser: Browser;
let page: Page;
let seeded: SeededSecrets;

beforeAll(async () => {
  api = await startWebApi();
  seeded = await seedCoachingRecord(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'provider', 'p-1');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** A word of scoring followed closely by a number: "score 72", "rating: 4", "Scores (2)". */
const SCORE_NEAR_NUMBER = /\b(score|scores|scored|rating|ratings|rated)\b\W{0,24}\d/i;

test('My coaching shows the provider their plan, sessions with summaries and feedback days, debriefs and cycles', async () => {
  await page.getByRole('heading', { level: 1, name: 'My coaching' }).waitFor();
  await page.locator('[data-session="s-2"]').waitFor();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  expect(await sessions.getByText('Talked through the transition song.').count()).toBe(1);
  expect(await sessions.getByText('Try the song before lunch.').count()).toBe(1);
  expect(await page.locator('[data-session="s-1"]').textContent()).toContain('90');
  await page.getByText('Warm greetings at arrival.').waitFor();
  await page.getByText(/Use a visual schedule every day\./).waitFor();
  await page.getByRole('row', { name: /a-1/ }).waitFor();
  expect(await page.getByRole('row', { name: /a-1/ }).textContent()).toContain('1 of about 4');
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'provider-my-coaching');
});

test('no page of the provider holds a score, a score key or a word of scoring beside a number', async () => {
  const paths = await navigationPaths(page);
  expect(paths).toContain('#/my-coaching');
  for (const path of paths) {
    await page.goto(`${api.url}/${path}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Loading', { exact: false }).first().waitFor({ state: 'detached' });
    await expectAccessibleAtRest(page);
    const scanned = await pageTextAndAttributes(page);
    // My coaching has been read when the session the scan runs past is on it.
    if (path === '#/my-coaching') expect(scanned).toContain('Modelled the calm-down corner.');
    expect(secretsFound(scanned, [...seeded.scores, ...seeded.scoreKeys])).toEqual([]);
    expect(scanned).not.toMatch(SCORE_NEAR_NUMBER);
  }
});

test('a provider reaching for another provider’s record through the page is refused by the API', async () => {
  const answer = await page.evaluate(async () => {
    const response = await fetch('/providers/p-2/coaching-log', { credentials: 'same-origin' });
    return response.status;
  });
  expect(answer).toBe(403);
});
