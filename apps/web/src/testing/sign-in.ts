import type { Role } from '@coachline/domain';
import type { Page } from 'playwright-core';
import { createAccount } from './admin-requests';
import type { WebApi } from './api-process';

/** Every account the harness makes signs in with this; long enough for the API's minimum. */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Makes an account for `id` in `role` through the API with the admin's token, then signs in as a
 * person would: opens the sign-in link, chooses the password, and lands on the role's first page.
 */
export const signInAs = async (page: Page, api: WebApi, role: Role, id: string): Promise<void> => {
  const { signInLink } = await createAccount(api, id, role);
  await page.goto(`${api.url}${signInLink.startsWith('/') ? '' : '/'}${signInLink}`);
  await page.getByLabel('Choose a password').fill(TEST_PASSWORD);
  await page.getByLabel('Repeat the password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

/** Signs in through the sign-in page with an account that has a password. */
export const signInWithPassword = async (page: Page, api: WebApi, id: string): Promise<void> => {
  await page.goto(`${api.url}/#/sign-in`);
  await page.getByLabel('Account id').fill(id);
  await page.getByLabel(/^Password/).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};
