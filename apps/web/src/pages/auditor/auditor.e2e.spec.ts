import type { Page } from 'playwright-core';
import { asAdmin, type Browser, launchBrowser, signInAs, startWebApi, type WebApi } from '../../testing';
import { seedCoachingRecord, type SeededSecrets } from '../../testing/coaching-record';
import { expectAccessibleAtRest, screenshotFromTop } from '../../testing/page-scan';

// An auditor reads a stream as recorded, replays it as of any of its moments, and lists who read what.
let api: WebApi;
let browser: Browser;
let page: Page;
let seeded: SeededSecrets;

beforeAll(async () => {
  api = await startWebApi();
  seeded = await seedCoachingRecord(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'auditor', 'aud-1');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const minutesOf = async (page: Page, month: string): Promise<number> =>
  Number(
    await page.locator(`[data-testid="dosage-as-of"] [data-month="${month}"] [data-testid="minutes"]`).textContent(),
  );

/** The month's dosage requirement on the timeline the API replayed: its counted minutes. */
const timelineMinutesOf = async (page: Page, month: string): Promise<number> =>
  Number(
    await page
      .locator(
        `[data-testid="timeline-as-of"] tr[data-kind="monthly-dosage"][data-month="${month}"] [data-testid="timeline-minutes"]`,
      )
      .textContent(),
  );

/** Both views the API replays as of the slider's moment agree on the month's minutes. */
const waitForMinutes = async (page: Page, month: string, minutes: number): Promise<void> => {
  await page.waitForFunction(
    ({ month, minutes }) =>
      [
        `[data-testid="dosage-as-of"] [data-month="${month}"] [data-testid="minutes"]`,
        `[data-testid="timeline-as-of"] tr[data-kind="monthly-dosage"][data-month="${month}"] [data-testid="timeline-minutes"]`,
      ].every((selector) => document.querySelector(selector)?.textContent === String(minutes)),
    { month, minutes },
  );
};

const eventsShown = (page: Page): Promise<number> => page.getByTestId('history-events').locator('tbody tr').count();

test('the history page picks a stream by kind and id and lists its events as recorded', async () => {
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  await page.getByRole('combobox', { name: 'Stream kind' }).click();
  await page.getByRole('option', { name: 'provider', exact: true }).click();
  await page.getByLabel('Id').fill('p-1');
  await page.getByRole('button', { name: 'Read the history' }).click();
  await page.getByTestId('history-events').waitFor();
  expect(page.url()).toContain('#/history?stream=provider-p-1');
  expect(await page.locator('[data-testid="history-events"] tbody tr').first().textContent()).toContain(
    'ProviderEnrolled',
  );
  await expectAccessibleAtRest(page);
});

test('moving the as-of slider with the keyboard reads the dosage and timeline the API replays as of that moment', async () => {
  const month = seeded.lastSession.heldOn.slice(0, 7);
  await page.getByTestId('dosage-as-of').waitFor();
  await page.getByTestId('timeline-as-of').waitFor();
  const slider = page.getByRole('slider', { name: 'Moment to read the stream as of' });
  const now = await minutesOf(page, month);
  expect(now).toBeGreaterThanOrEqual(seeded.lastSession.minutes);
  expect(await timelineMinutesOf(page, month)).toBe(now);
  const allEvents = await eventsShown(page);
  expect(await page.getByTestId('history-events').textContent()).toContain('Modelled the calm-down corner.');
  // The provider's last event is the session logged last: one moment back, it is not yet known.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="history-events"] tbody tr').length === count,
    allEvents - 1,
  );
  await waitForMinutes(page, month, now - seeded.lastSession.minutes);
  expect(await minutesOf(page, month)).toBe(now - seeded.lastSession.minutes);
  expect(await timelineMinutesOf(page, month)).toBe(now - seeded.lastSession.minutes);
  expect(await page.getByTestId('history-events').textContent()).not.toContain('Modelled the calm-down corner.');
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'auditor-history');
  // Home goes back to the enrollment alone: no session yet, so no minute in any month.
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-events"] tbody tr').length === 1);
  await waitForMinutes(page, month, 0);
  await page.keyboard.press('End');
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid="history-events"] tbody tr').length === count,
    allEvents,
  );
  await waitForMinutes(page, month, now);
  await expectAccessibleAtRest(page);
});

test('a community’s history shows the program report of the moment’s month as the API replays it', async () => {
  await page.goto(`${api.url}/#/history?stream=community-kent`);
  const report = page.getByTestId('report-as-of');
  await report.waitFor();
  expect(await report.textContent()).toMatch(/^kent, \d{4}-\d{2}, as of \d{4}-\d{2}-\d{2}T/);
  await expectAccessibleAtRest(page);
});

test('the hash chain page shows the store’s head at its last position, and checks a stream’s revisions', async () => {
  // One more event through the API: its answer names the position the store's head is now at.
  const written = await asAdmin<{ position: number; events: Array<{ id: string }> }>(
    api,
    'POST',
    '/agreements/a-1/concerns',
    {
      raisedBy: 'coach',
      raisedWith: 'supervisor',
      concernId: 'concern-head',
      summary: 'Noted before the head is read.',
    },
  );
  // An inclusion proof of that event: the API signs a checkpoint covering it first.
  const proof = await asAdmin<{ treeSize: number }>(api, 'GET', `/events/${written.events[0]!.id}/proof`);
  expect(proof.treeSize).toBe(written.position);
  await page.goto(`${api.url}/#/hash-chain?stream=agreement-a-1`);
  await page.getByRole('heading', { level: 1, name: 'Hash chain' }).waitFor();
  await page.getByTestId('chain-head').waitFor();
  expect(await page.getByTestId('head-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
  expect(Number(await page.getByTestId('head-position').textContent())).toBe(written.position);
  expect(await page.getByTestId('chain-head').textContent()).toContain(`of ${written.position} events`);
  await page.getByTestId('latest-checkpoint').waitFor();
  expect(await page.getByTestId('checkpoint-size').textContent()).toBe(`${written.position} events`);
  expect(await page.getByTestId('checkpoint-root').textContent()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  expect(await page.getByTestId('checkpoint-key').textContent()).toMatch(/^coachline\/[0-9a-f]{16}\+[0-9a-f]{8}\+/);
  await page.getByText('npx coachline verify --store <store>').waitFor();
  const order = page.getByTestId('stream-order');
  await order.waitFor();
  expect(await order.textContent()).toMatch(/agreement-a-1's \d+ events run from revision 0/);
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'auditor-hash-chain');
});

test('the access log lists the auditor’s own reads of the history, and filters by view and reader', async () => {
  await page.goto(`${api.url}/#/access-log`);
  await page.getByRole('heading', { level: 1, name: 'Access log' }).waitFor();
  await page.getByTestId('access-reads').waitFor();
  await page.getByLabel('View').fill('history');
  await page.getByLabel('Reader').fill('aud-1');
  await page.getByRole('button', { name: 'List the reads' }).click();
  await page.waitForURL(/view=history/);
  const rows = page.locator('[data-testid="access-reads"] tbody tr');
  // The table read before the filter stays on the page until the filtered one replaces it.
  const filtered = (texts: ReadonlyArray<string>) =>
    texts.length >= 2 && texts.every((text) => /aud-1 \(auditor\)history/.test(text));
  let texts = await rows.allTextContents();
  for (let tries = 0; tries < 100 && !filtered(texts); tries++) {
    await page.waitForTimeout(100);
    texts = await rows.allTextContents();
  }
  expect(texts.length).toBeGreaterThanOrEqual(2);
  for (const text of texts) expect(text).toMatch(/aud-1 \(auditor\)history/);
  expect(texts.some((text) => text.includes('stream=provider-p-1'))).toBe(true);
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'auditor-access-log');
  // A wrong day is named beside the field it was typed in.
  await page.getByLabel('From day').fill('2025-02-30');
  await page.getByRole('button', { name: 'List the reads' }).click();
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
});
