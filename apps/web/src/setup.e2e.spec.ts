import type { Page } from 'playwright-core';
import {
  type Browser,
  createAccount,
  expectNoSeriousAxeViolations,
  launchBrowser,
  screenshot,
  startWebApi,
  type WebApi,
} from './testing';

// The first start of a new installation: the banner's setup address creates the first admin, once.
let api: WebApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startWebApi();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

test('the start prints a one-time setup address while no account exists', () => {
  expect(api.setupCode).toMatch(/^\S{20,}$/);
  expect(api.output()).toContain(`${api.url}/#/setup?code=${api.setupCode}`);
});

test('the setup page creates the first admin with a password and signs them in', async () => {
  await page.goto(`${api.url}/#/setup?code=${api.setupCode}`);
  await page.getByRole('heading', { level: 1, name: 'Create the first admin' }).waitFor();
  expect(await page.title()).toBe('Create the first admin · Coachline');
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel('Account id').fill('admin-1');
  await page.getByLabel('Choose a password').fill('short');
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  // A password below the minimum is named beside its field and nothing is sent.
  await page.getByText('Choose a password of at least 12 characters.').waitFor();
  await page.getByLabel('Choose a password').fill('a long enough first password');
  await page.getByLabel('Repeat the password').fill('a long enough first password');
  await screenshot(page, 'setup');
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(await page.getByTestId('signed-in-as').textContent()).toContain('admin-1 (admin)');
  await expectNoSeriousAxeViolations(page);
});

test('the setup address works once: a second admin cannot be made with it', async () => {
  const second = await browser.newPage();
  await second.context().clearCookies();
  await second.goto(`${api.url}/#/setup?code=${api.setupCode}`);
  await second.getByLabel('Account id').fill('admin-2');
  await second.getByLabel('Choose a password').fill('another long password');
  await second.getByLabel('Repeat the password').fill('another long password');
  await second.getByRole('button', { name: 'Create and sign in' }).click();
  await second.getByRole('alert').filter({ hasText: 'Not done' }).waitFor();
  expect(await second.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  await second.close();
});

test('the sign-in page names a wrong password without saying which part was wrong', async () => {
  const other = await browser.newPage();
  await other.context().clearCookies();
  await other.goto(`${api.url}/#/sign-in`);
  await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await expectNoSeriousAxeViolations(other);
  await screenshot(other, 'sign-in');
  await other.getByLabel('Account id').fill('admin-1');
  await other.getByLabel(/^Password/).fill('not the password at all');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('alert').filter({ hasText: 'Not signed in' }).waitFor();
  await other.getByLabel(/^Password/).fill('a long enough first password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('button', { name: 'Sign out' }).waitFor();
  await other.close();
});

test('a sign-in link chooses the password and signs in, once: opened again it is refused', async () => {
  const { signInLink } = await createAccount(api, 'c-09', 'coach');
  const linked = await browser.newPage();
  await linked.context().clearCookies();
  await linked.goto(`${api.url}${signInLink}`);
  await linked.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
  await expectNoSeriousAxeViolations(linked);
  await screenshot(linked, 'sign-in-link');
  await linked.getByLabel('Choose a password').fill('a coach password long enough');
  await linked.getByLabel('Repeat the password').fill('a coach password long enough');
  await linked.getByRole('button', { name: 'Save and sign in' }).click();
  await linked.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  expect(await linked.getByTestId('signed-in-as').textContent()).toContain('c-09 (coach)');

  await linked.context().clearCookies();
  await linked.goto(`${api.url}${signInLink}`);
  await linked.getByLabel('Choose a password').fill('another password long enough');
  await linked.getByLabel('Repeat the password').fill('another password long enough');
  await linked.getByRole('button', { name: 'Save and sign in' }).click();
  await linked.getByRole('alert').filter({ hasText: 'Not done' }).waitFor();
  expect(await linked.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  await linked.close();
});
