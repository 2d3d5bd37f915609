import type { Page } from 'playwright-core';
import {
  asAdmin,
  type Browser,
  expectNoSeriousAxeViolations,
  fieldError,
  launchBrowser,
  screenshot,
  settled,
  signInAs,
  startWebApi,
  TEST_PASSWORD,
  type WebApi,
} from '../../testing';

// An admin's work: accounts for the people of the program, their one-time links, disabling one, and tokens.
let api: WebApi;
let browser: Browser;
let page: Page;
let coachBrowser: Browser | undefined;
let coach: Page;

const state = (id: string) => page.locator(`tr[data-account="${id}"] [data-column="state"]`).getAttribute('data-state');

beforeAll(async () => {
  api = await startWebApi();
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'admin', 'admin-1');
});

afterAll(async () => {
  await coachBrowser?.close();
  await browser?.close();
  await api?.stop();
});

test('an admin’s navigation holds the accounts, the tokens and every supervisor page', async () => {
  const navigation = page.getByRole('navigation', { name: 'Pages' });
  for (const name of [
    'Accounts',
    'Sign-in tokens',
    'Coaches',
    'Qualifications',
    'Reassign a provider',
    'Teams',
    'Coaching system',
  ])
    await navigation.getByRole('link', { name, exact: true }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await expectNoSeriousAxeViolations(page);
});

test('an id the codec refuses is named beside its field and nothing is created', async () => {
  await page.getByLabel('Account id').fill('not an id!');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Nothing was sent' }).waitFor();
  expect(await fieldError(page, 'Account id')).toBeTruthy();
  const listed = await asAdmin<{ accounts: ReadonlyArray<{ id: string }> }>(api, 'GET', '/accounts');
  expect(listed.accounts.map((account) => account.id)).toEqual(['admin-1']);
});

let link = '';

test('an admin creates a coach’s account and is shown the one-time link to hand over', async () => {
  await page.getByLabel('Account id').fill('c-9');
  await page.getByRole('combobox', { name: 'Role', exact: true }).click();
  await page.getByRole('option', { name: 'Coach', exact: true }).click();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Account c-9 created' }).waitFor();
  link = (await page.getByTestId('sign-in-link').textContent()) ?? '';
  expect(link).toMatch(new RegExp(`^${api.url.replace(/\./g, '\\.')}/#/sign-in-link\\?code=[A-Za-z0-9_-]{43}$`));
  await page.getByRole('button', { name: 'Copy the link' }).waitFor();
  await page.locator('tr[data-account="c-9"]').waitFor();
  expect(await state('c-9')).toBe('awaiting-password');
  expect(await page.locator('tr[data-account="c-9"] td').nth(1).textContent()).toBe('coach c-9');
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'admin-accounts');
});

test('the same id is refused beside the field the second time', async () => {
  await page.getByLabel('Account id').fill('c-9');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Account not created' }).waitFor();
  expect(await fieldError(page, 'Account id')).toBe('taken');
});

test('the link signs the coach in, in a browser of their own', async () => {
  coachBrowser = await launchBrowser();
  coach = await coachBrowser.newPage();
  await coach.goto(link);
  await coach.getByLabel('Choose a password').fill(TEST_PASSWORD);
  await coach.getByLabel('Repeat the password').fill(TEST_PASSWORD);
  await coach.getByRole('button', { name: 'Save and sign in' }).click();
  await coach.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(await coach.getByTestId('signed-in-as').textContent()).toContain('c-9 (coach)');
  await page.reload();
  await page.locator('tr[data-account="c-9"]').waitFor();
  expect(await state('c-9')).toBe('active');
});

test('an admin disables the account and the coach’s session ends', async () => {
  await page.getByRole('button', { name: 'Disable c-9' }).click();
  const dialog = page.getByRole('dialog');
  await settled(dialog);
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Disable the account' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('tr[data-account="c-9"] [data-state="disabled"]').waitFor();
  const who = await coach.evaluate(async () => (await fetch('/sessions/current')).status);
  expect(who).toBe(401);
  await coach.reload();
  await coach.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  expect(await coach.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
});

test('an admin lists the tokens and revokes one: from then on it is refused', async () => {
  const minted = await asAdmin<{ id: string; token: string }>(api, 'POST', '/tokens', { id: 'ob-1', role: 'observer' });
  const read = () => fetch(`${api.url}/coaches`, { headers: { Authorization: `Bearer ${minted.token}` } });
  // Known but not granted the coaches: the token is let in, and refused only the read.
  expect((await read()).status).toBe(403);
  await page.getByRole('link', { name: 'Sign-in tokens' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign-in tokens' }).waitFor();
  const row = page.locator(`tr[data-token="${minted.id}"]`);
  await row.waitFor();
  expect(await row.locator('[data-column="state"]').textContent()).toBe('active');
  expect(await page.locator('tr[data-subject="c-9"] [data-column="state"]').allTextContents()).not.toContain('active');
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'admin-tokens');
  await row.getByRole('button', { name: `Revoke ${minted.id} of ob-1` }).click();
  await row.locator('[data-column="state"]', { hasText: 'revoked' }).waitFor();
  expect((await read()).status).toBe(401);
});
