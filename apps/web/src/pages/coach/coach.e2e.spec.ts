import type { Page } from 'playwright-core';
import {
  type Browser,
  daysAfter,
  expectNoSeriousAxeViolations,
  fieldError,
  launchBrowser,
  screenshot,
  seedProgram,
  signInAs,
  signInWithPassword,
  startWebApi,
  streamEventTypes,
  todayUtc,
  type WebApi,
} from '../../testing';

// A coach's week in the browser: the caseload, a month of sessions logged through the form until
// the dosage is met, refusals shown beside their fields with nothing written, a provider's page
// with a correction and a void, the due list, and a session that outlives a reload but not a sign-out.
let api: WebApi;
let browser: Browser;
let page: Page;

const COACH = 'c-03';
const PROVIDER = 'p-017';

beforeAll(async () => {
  api = await startWebApi();
  await seedProgram(api, { coachId: COACH, providerIds: [PROVIDER, 'p-018'] });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

const providerRow = (providerId: string) => page.locator(`tr[data-provider="${providerId}"]`);

const openLogSession = async () => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Log a session' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log a session' }).waitFor();
};

const chooseProvider = async (providerId: string) => {
  await page.getByRole('combobox', { name: 'Provider' }).click();
  await page.getByRole('option', { name: providerId, exact: true }).click();
};

const submitSession = async (fields: { readonly heldOn: string; readonly minutes: string }) => {
  await page.getByLabel('Held on').fill(fields.heldOn);
  await page.getByLabel('Minutes').fill(fields.minutes);
  await page.getByRole('button', { name: 'Log the session' }).click();
};

test('a coach signed in from a sign-in link lands on their caseload, with no dosage yet this month', async () => {
  await signInAs(page, api, 'coach', COACH);
  await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  expect(await page.title()).toBe('My caseload · Coachline');
  await providerRow(PROVIDER).waitFor();
  expect(await providerRow(PROVIDER).locator('[data-status]').first().getAttribute('data-status')).toBe('none');
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'coach-caseload-start');
});

test('the navigation lists the coach pages and is reached from the keyboard after the skip link', async () => {
  const navigation = page.getByRole('navigation', { name: 'Pages' });
  expect(await navigation.getByRole('link').allTextContents()).toEqual([
    'My caseload',
    'Due',
    'Log a session',
    'Record',
  ]);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the page');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
});

test('a session of 0 minutes is refused by the domain codec beside its field, and nothing is sent', async () => {
  const before = await streamEventTypes(api, `provider-${PROVIDER}`);
  await openLogSession();
  await chooseProvider(PROVIDER);
  await submitSession({ heldOn: todayUtc(), minutes: '0' });
  await page.getByRole('alert').filter({ hasText: 'Nothing was sent' }).waitFor();
  expect(await fieldError(page, 'Minutes')).toContain('1 to 480');
  expect(await streamEventTypes(api, `provider-${PROVIDER}`)).toEqual(before);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'coach-log-session-refused');
});

test('a session held on a day still to come is refused by the API (rule 2) beside its field, and nothing is written', async () => {
  const before = await streamEventTypes(api, `provider-${PROVIDER}`);
  await submitSession({ heldOn: daysAfter(todayUtc(), 3), minutes: '60' });
  await page.getByRole('alert').filter({ hasText: 'Not logged' }).waitFor();
  expect(await fieldError(page, 'Held on')).toContain('rule 2');
  expect(await streamEventTypes(api, `provider-${PROVIDER}`)).toEqual(before);
});

test('three sessions of an hour logged through the form meet the month’s 150 minutes', async () => {
  for (let session = 0; session < 3; session++) {
    await submitSession({ heldOn: todayUtc(), minutes: '60' });
    await page.getByRole('status').filter({ hasText: 'Logged 60 minutes' }).waitFor();
    if (session === 0) await screenshot(page, 'coach-log-session');
  }
  const types = await streamEventTypes(api, `provider-${PROVIDER}`);
  expect(types.filter((type) => type === 'SessionLogged')).toHaveLength(3);
  await page.getByRole('link', { name: 'My caseload' }).click();
  await providerRow(PROVIDER).locator('[data-status="met"]').waitFor();
  expect(await providerRow(PROVIDER).textContent()).toContain('180 of 150 minutes');
  await screenshot(page, 'coach-caseload');
});

test("the provider's page shows dosage by month, and a session corrected then another voided", async () => {
  await providerRow(PROVIDER).getByRole('link', { name: PROVIDER }).click();
  await page.getByRole('heading', { level: 1, name: `Provider ${PROVIDER}` }).waitFor();
  const thisMonth = page.locator(`[data-testid="dosage-table"] tr[data-month="${todayUtc().slice(0, 7)}"]`);
  await thisMonth.locator('[data-status="met"]').waitFor();
  await page.locator('tr[data-session]').nth(2).waitFor();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'coach-provider');

  await page
    .getByRole('button', { name: /^Correct the session/ })
    .first()
    .click();
  const correction = page.getByRole('dialog');
  await correction.getByLabel('Minutes').fill('45');
  await correction.getByLabel('Reason for the correction').fill('The conversation ended early.');
  await expectNoSeriousAxeViolations(page);
  await correction.getByRole('button', { name: 'Save the correction' }).click();
  await correction.waitFor({ state: 'detached' });
  await page.locator('tr[data-session] td', { hasText: /^45$/ }).waitFor();

  await page
    .getByRole('button', { name: /^Void the session/ })
    .first()
    .click();
  const voiding = page.getByRole('dialog');
  await voiding.getByLabel('Reason').fill('Logged twice by mistake.');
  await voiding.getByRole('button', { name: 'Void the session' }).click();
  await voiding.waitFor({ state: 'detached' });
  await page.locator('tr[data-session]').nth(1).waitFor();
  expect(await page.locator('tr[data-session]').count()).toBe(2);
  // 45 voided away leaves 120 minutes: the month is no longer met.
  await thisMonth.locator('[data-status="partial"]').waitFor();

  const types = await streamEventTypes(api, `provider-${PROVIDER}`);
  expect(types).toContain('SessionCorrected');
  expect(types).toContain('SessionVoided');
});

test('the due list shows what is still to meet', async () => {
  await page.getByRole('link', { name: 'Due' }).click();
  await page.getByRole('heading', { level: 1, name: 'Due' }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  expect(await page.locator('table').textContent()).toContain('p-018');
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'coach-due');
});

test('a reload keeps the session; signing out ends it, and the pages ask to sign in again', async () => {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Due' }).waitFor();
  expect(await page.getByTestId('signed-in-as').textContent()).toContain(`${COACH} (coach)`);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.goto(`${api.url}/#/caseload`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  const answer = await page.evaluate(async () => (await fetch('/sessions/current')).status);
  expect(answer).toBe(401);

  // Signing in again from the sign-in page goes back to the page asked for.
  await signInWithPassword(page, api, COACH);
  await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
});
