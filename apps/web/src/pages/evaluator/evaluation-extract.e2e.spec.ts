import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type Browser, launchBrowser, signInAs, startWebApi, type WebApi } from '../../testing';
import { seedCoachingRecord, type SeededSecrets } from '../../testing/coaching-record';
import { expectAccessibleAtRest, screenshotFromTop } from '../../testing/page-scan';

// The evaluation partner saves the de-identified extract; an erased child's reference is not in it (rule 11).
let api: WebApi;
let browser: Browser;
let page: Page;
let seeded: SeededSecrets;

beforeAll(async () => {
  api = await startWebApi();
  seeded = await seedCoachingRecord(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'evaluator', 'eval-1');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const downloaded = async (page: Page, button: string): Promise<{ name: string; text: string }> => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
};

test('the extract page counts what the extract holds, an erased screening among them', async () => {
  await page.getByRole('heading', { level: 1, name: 'De-identified extract' }).waitFor();
  const row = page.getByTestId('extract-summary').getByRole('row', { name: new RegExp(seeded.communityId) });
  await row.waitFor();
  // One observation completed, one Benchmarks of Quality, one screening scored, one child erased.
  expect((await row.locator('td').allTextContents()).map(Number)).toEqual([1, 1, 1, 1]);
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'evaluator-extract');
});

test('the CSV and JSON files hold the screened child by reference and never the erased one', async () => {
  const csv = await downloaded(page, 'Download the extract as CSV');
  expect(csv.name).toMatch(/^evaluation-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text).toContain(seeded.keptChildRef);
  expect(csv.text).not.toContain(seeded.erasedChildRef);
  const json = await downloaded(page, 'Download the extract as JSON');
  expect(json.name).toMatch(/\.json$/);
  const view = JSON.parse(json.text) as {
    communities: Array<{ screenings: { records: Array<{ childRef: string }> } }>;
  };
  const refs = view.communities.flatMap((community) => community.screenings.records.map((record) => record.childRef));
  expect(refs).toContain(seeded.keptChildRef);
  expect(refs).not.toContain(seeded.erasedChildRef);
  expect(json.text).not.toContain(seeded.erasedChildRef);
  // No name of a person the store knows is in either file.
  for (const name of ['Dana Ruiz', 'Provider 1', 'Maple Street Center 1'])
    expect(`${csv.text}\n${json.text}`).not.toContain(name);
});
