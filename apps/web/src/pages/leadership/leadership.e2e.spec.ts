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

// Leadership reads the confidential share in counts, dates and durations only (rule 10): no name, note or id.
let api: WebApi;
let browser: Browser;
let page: Page;
let seeded: SeededSecrets;

beforeAll(async () => {
  api = await startWebApi();
  seeded = await seedCoachingRecord(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'leadership', 'lead-1');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const cellNumbers = (page: Page, table: string, column: number): Promise<number[]> =>
  page
    .getByTestId(table)
    .locator('tbody tr')
    .evaluateAll((rows, at) => rows.map((row) => Number(row.children[at]?.textContent ?? 'NaN')), column);

test('the program page draws the shared minutes by month, the cycles completed and the practices in focus', async () => {
  await page.getByRole('heading', { level: 1, name: 'Coaching across the program' }).waitFor();
  await page.getByTestId('minutes-table').waitFor();
  // Both sessions of p-1: 90 and 75 minutes, in whichever months they fell.
  expect((await cellNumbers(page, 'minutes-table', 1)).reduce((sum, minutes) => sum + minutes, 0)).toBe(165);
  expect(await page.getByRole('definition').allTextContents()).toEqual(['2', '1', '1 of 1']);
  const practices = page.getByTestId('practices-table');
  // The agreement's list and the goal both name schedules and routines; only the list names transitions.
  expect(await practices.getByRole('row', { name: /schedules-routines/ }).textContent()).toContain('2');
  expect(await practices.getByRole('row', { name: /transitions/ }).textContent()).toContain('1');
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'leadership-program');
});

test('the program report gives a community’s month in counts, for the month chosen', async () => {
  await page.goto(`${api.url}/#/program-report`);
  await page.getByRole('heading', { level: 1, name: 'Program report' }).waitFor();
  await page.getByLabel('Month').fill(seeded.lastSession.heldOn.slice(0, 7));
  const figures = page.getByTestId('report-figures');
  await figures.getByText(`${seeded.communityId}, ${seeded.lastSession.heldOn.slice(0, 7)}`).waitFor();
  expect(await figures.getByRole('row', { name: /Coaching cycles completed/ }).textContent()).toMatch(/\d$/);
  await page.getByLabel('Month').fill('2025-13');
  await page.getByText('Give the month as YYYY-MM, such as 2025-10.').waitFor();
  await page.getByLabel('Month').fill(seeded.lastSession.heldOn.slice(0, 7));
  await figures.waitFor();
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'leadership-report');
});

test('no page of leadership holds a coach or provider id, a name or a note known to the store', async () => {
  const paths = await navigationPaths(page);
  expect(paths).toEqual(['#/program', '#/program-report']);
  const secrets = [...seeded.coachIds, ...seeded.providerIds, ...seeded.names, ...seeded.notes];
  for (const path of paths) {
    await page.goto(`${api.url}/${path}`);
    await page.getByRole('table').first().waitFor();
    const scanned = await pageTextAndAttributes(page);
    expect(secretsFound(scanned, secrets)).toEqual([]);
  }
  // The scan finds what is there: text naming a provider and their coach is caught.
  expect(secretsFound('Provider p-1 with Dana Ruiz', secrets)).toEqual(['p-1', 'Dana Ruiz']);
});
