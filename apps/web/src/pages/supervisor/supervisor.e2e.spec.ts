import type { ProgramReport } from '@coachline/projections';
import type { Locator, Page } from 'playwright-core';
import {
  asAdmin,
  type Browser,
  expectNoSeriousAxeViolations,
  launchBrowser,
  screenshot,
  settled,
  seedStaffProgram,
  signInAs,
  startWebApi,
  streamEventTypes,
  todayUtc,
  type WebApi,
} from '../../testing';

// A supervisor's week: each coach's caseload, a qualification to verify, a provider to move, the teams and the system.
let api: WebApi;
let browser: Browser;
let page: Page;
const month = todayUtc().slice(0, 7);

const cell = (coachId: string, column: string) =>
  page.locator(`tr[data-coach="${coachId}"] [data-column="${column}"]`).textContent();

const select = (label: string) => page.getByRole('combobox', { name: label, exact: true });

/** Picks the option of a select whose text `option` matches, whatever else it says (verified or not). */
const choose = async (label: string, option: RegExp) => {
  await select(label).click();
  await page.getByRole('option', { name: option }).click();
};

/** The error shown beside an input: the text of the element its `aria-describedby` names as its error. */
const errorOf = async (input: Locator): Promise<string | undefined> => {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return undefined;
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
};

const reassignedOn = () => page.getByLabel('Reassigned on');

const report = () =>
  asAdmin<ProgramReport>(api, 'GET', `/reports/program?communityId=kent&month=${month}`).then((answer) =>
    Object.fromEntries(answer.coaches.map((coach) => [coach.coachId, coach])),
  );

beforeAll(async () => {
  api = await startWebApi();
  await seedStaffProgram(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'supervisor', 'sup-1');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

test('a supervisor lands on the coaches and sees each coach’s under-target and overdue counts as the report has them', async () => {
  await page.getByRole('heading', { level: 1, name: 'Coaches' }).waitFor();
  await page.locator('tr[data-coach="c-1"]').waitFor();
  const figures = await report();
  expect(figures['c-1']).toMatchObject({ providers: 2, minutes: 30, underTarget: 2 });
  expect(figures['c-1']!.overdueItems).toBeGreaterThan(0);
  expect(await cell('c-1', 'providers')).toBe('2');
  expect(await cell('c-1', 'minutes')).toBe('30');
  expect(await cell('c-1', 'under-target')).toBe('2');
  expect(await cell('c-1', 'overdue')).toBe(String(figures['c-1']!.overdueItems));
  expect(await cell('c-1', 'lag')).toBe('0 / 0 days');
  expect(await select('Community').inputValue()).toBe('kent');
  expect(await select('Month').inputValue()).toBe(month);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'supervisor-coaches');
});

test('a coach’s row opens their providers and what is overdue for them', async () => {
  await page.getByRole('link', { name: 'c-1', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Caseload of c-1' }).waitFor();
  await page.getByTestId('coach-providers').waitFor();
  expect(
    await page
      .locator('[data-testid="coach-providers"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-provider'))),
  ).toEqual(['p-1', 'p-2']);
  expect(await page.locator('[data-testid="coach-due"] tr[data-status="overdue"]').count()).toBeGreaterThan(0);
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the coaches' }).click();
  await page.locator('tr[data-coach="c-1"]').waitFor();
});

test('a supervisor verifies a coach’s qualification, recorded under their own id', async () => {
  await page.getByRole('link', { name: 'Qualifications' }).click();
  await page.getByRole('heading', { level: 1, name: 'Qualifications' }).waitFor();
  const row = page.locator('[data-coach="c-2"] tr[data-qualification="q-2"]');
  expect(await row.locator('[data-column="verified"]').textContent()).toBe('Verify');
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'supervisor-qualifications');
  await page.getByRole('button', { name: 'Verify Pyramid Model coach of c-2' }).click();
  const dialog = page.getByRole('dialog');
  await settled(dialog);
  await dialog.getByLabel('Verified on').fill(todayUtc());
  await expectNoSeriousAxeViolations(page);
  await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.locator('[data-column="verified"]', { hasText: 'by sup-1' }).waitFor();
  expect(await row.locator('[data-column="verified"]').textContent()).toBe(`by sup-1 on ${todayUtc()}`);
  expect(await streamEventTypes(api, 'coach-c-2')).toContain('CoachQualificationVerified');
});

test('a refused reassignment shows the API’s reason beside the new coach, and nothing is written', async () => {
  await page.getByRole('link', { name: 'Reassign a provider' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reassign a provider' }).waitFor();
  await page.getByTestId('caseloads').waitFor();
  await expectNoSeriousAxeViolations(page);
  const before = await streamEventTypes(api, 'provider-p-1');
  await choose('Provider', /^p-1 /);
  await choose('New coach', /\(c-1\)/);
  await page.getByRole('button', { name: 'Reassign' }).click();
  await page.getByRole('alert').filter({ hasText: 'Provider not reassigned' }).waitFor();
  expect(await errorOf(select('New coach'))).toContain('already on c-1');
  expect(await errorOf(select('Provider'))).toBeUndefined();
  expect(await streamEventTypes(api, 'provider-p-1')).toEqual(before);
  expect(await page.locator('tr[data-provider="p-1"] [data-column="coach"]').textContent()).toBe('c-1');
  await expectNoSeriousAxeViolations(page);
});

test('a day the codec refuses is shown beside its field before anything is sent', async () => {
  const before = await streamEventTypes(api, 'provider-p-1');
  await reassignedOn().fill('');
  await choose('New coach', /\(c-2\)/);
  await page.getByRole('button', { name: 'Reassign' }).click();
  await page.getByRole('alert').filter({ hasText: 'Nothing was sent' }).waitFor();
  expect(await errorOf(reassignedOn())).toBeTruthy();
  expect(await streamEventTypes(api, 'provider-p-1')).toEqual(before);
});

test('a supervisor reassigns a provider and sees the caseload move', async () => {
  await reassignedOn().fill(todayUtc());
  await page.getByRole('button', { name: 'Reassign' }).click();
  await page.getByRole('status').filter({ hasText: 'Provider reassigned' }).waitFor();
  await page.locator('tr[data-provider="p-1"] [data-column="coach"]', { hasText: 'c-2' }).waitFor();
  expect(await errorOf(select('New coach'))).toBeUndefined();
  expect((await streamEventTypes(api, 'provider-p-1')).at(-1)).toBe('ProviderReassigned');
  // The pointer leaves the button it pressed: the check reads the page at rest, not a hovered button.
  await page.mouse.move(0, 0);
  await settled(page.locator('button[type="submit"]:not([data-loading])').getByText('Reassign', { exact: true }));
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'supervisor-reassign');
  await page.getByRole('link', { name: 'Coaches', exact: true }).click();
  // The page may show the report it read before the move while it reads it again.
  await page.locator('tr[data-coach="c-2"] [data-column="providers"]', { hasText: /^1$/ }).waitFor();
  expect(await cell('c-2', 'providers')).toBe('1');
  expect(await cell('c-1', 'providers')).toBe('1');
});

test('a team’s coaching by month is read against its plan, consultation apart, and its effectiveness over time', async () => {
  await page.getByRole('link', { name: 'Teams', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Kent District Implementation Team' }).click();
  await page.getByRole('heading', { level: 1, name: 'Team dit-kent' }).waitFor();
  const thisMonth = page.locator(`[data-testid="team-months"] tr[data-month="${month}"]`);
  await thisMonth.waitFor();
  const cells = await thisMonth.locator('td').allTextContents();
  expect(cells.slice(0, 2)).toEqual(['60', '120']);
  const rows = await page.locator('[data-testid="team-months"] tbody tr').count();
  const consultation = await page.locator('[data-testid="team-months"] tbody tr td:nth-of-type(4)').allTextContents();
  expect(consultation.map(Number).reduce((sum, minutes) => sum + minutes, 0)).toBe(45);
  expect(rows).toBeGreaterThanOrEqual(1);
  expect(await page.locator('[data-testid="team-effectiveness"] tbody tr').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining('70%')]),
  );
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'supervisor-team');
});

test('the coaching system shows its checklist as a progress bar and each training’s feedback means', async () => {
  await page.getByRole('link', { name: 'Coaching system' }).click();
  await page.getByRole('heading', { level: 1, name: 'Coaching system' }).waitFor();
  const system = await asAdmin<{ communities: ReadonlyArray<{ checklistPercentComplete: number }> }>(
    api,
    'GET',
    '/coaching-system',
  );
  const percent = system.communities[0]!.checklistPercentComplete;
  expect(percent).toBeGreaterThan(0);
  const bar = page.getByRole('progressbar', { name: 'Installation checklist' });
  expect(await bar.getAttribute('aria-valuenow')).toBe(String(percent));
  await page.getByText('Approved by admin-1').waitFor();
  expect(await page.getByRole('row', { name: /module-1a/ }).allTextContents()).toEqual([
    expect.stringContaining('5.0'),
  ]);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'supervisor-coaching-system');
});

test('a hostile id in a page’s address stays one path segment or query value, and its refusal is shown', async () => {
  const requested: string[] = [];
  const record = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
  page.on('request', record);
  try {
    await page.goto(`${api.url}/#/teams/${encodeURIComponent('../accounts')}`);
    await page.getByRole('alert').filter({ hasText: 'The team could not be read' }).waitFor();
    await page.goto(`${api.url}/#/coaches/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await page.getByRole('alert').filter({ hasText: 'The providers could not be read' }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  } finally {
    page.off('request', record);
  }
  expect(requested).toContain('/teams/..%2Faccounts');
  expect(requested.filter((path) => path === '/accounts' || path === '/tokens')).toEqual([]);
});

test('a coach opening a supervisor page’s address is told they are not allowed, and shown nothing of it', async () => {
  const coachBrowser = await launchBrowser();
  try {
    const coach = await coachBrowser.newPage();
    await signInAs(coach, api, 'coach', 'c-1');
    for (const [path, what] of [
      ['coaches', 'coaches'],
      ['qualifications', 'coaches'],
      ['coaching-system', 'coaching system'],
    ] as const) {
      await coach.goto(`${api.url}/#/${path}`);
      const refusal = coach.locator('[data-refusal="forbidden"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`You are not allowed to read the ${what}`);
      expect(await coach.locator('table').count()).toBe(0);
    }
    await expectNoSeriousAxeViolations(coach);
  } finally {
    await coachBrowser.close();
  }
});
