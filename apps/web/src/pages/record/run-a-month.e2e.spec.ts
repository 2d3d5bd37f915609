import { commandCatalogue } from '@coachline/domain';
import type { Page } from 'playwright-core';
import { documentedCommands } from '../../forms/command-routes';
import {
  type Browser,
  daysAfter,
  expectNoSeriousAxeViolations,
  fieldError,
  launchBrowser,
  schoolYearStart,
  screenshot,
  settled,
  signInAs,
  startWebApi,
  streamEventTypes,
  todayUtc,
  type WebApi,
} from '../../testing';

// A new installation's first month, run from the browser alone: the first admin made through the
// setup address registers the community, starts the year under Rooted in Relationships, registers a
// coach and enrolls two providers through the Record page's forms; the coach logs the month's
// sessions, sets an action plan, holds a debrief and sends feedback the same way, until the caseload
// shows the month's dosage met. Refused forms name the field at fault and write nothing.
let api: WebApi;
let browser: Browser;
let page: Page;

const ADMIN_PASSWORD = 'the first admin password';
const COACH = 'c-dana';
const PROVIDERS = ['p-ana', 'p-ben'] as const;
const today = todayUtc();
const startsOn = schoolYearStart(today);
const programYearId = `py-${startsOn.slice(0, 4)}`;

beforeAll(async () => {
  api = await startWebApi();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

/** Opens a command's form by its address, as a link from another page would. */
const openForm = async (type: string, query = '') => {
  // By way of the list, so a form opened again after it recorded starts empty.
  await page.goto(`${api.url}/#/record`);
  await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
  await page.goto(`${api.url}/#/record/${type}${query}`);
  await page.getByRole('form', { name: type }).waitFor();
};

/** A label exactly, with or without the asterisk a required input's label ends with. */
const named = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);

const fill = (label: string, value: string) => page.getByLabel(named(label)).fill(value);

const choose = async (label: string, option: string) => {
  await page.getByRole('combobox', { name: named(label) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** Sends the form and waits for what was recorded: answers the event types it lists. */
const record = async (): Promise<string> => {
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  const recorded = page.getByRole('status').filter({ hasText: 'Recorded' });
  const notRecorded = page.getByRole('alert').filter({ hasText: 'Not recorded' });
  await recorded.or(notRecorded).first().waitFor();
  // A refusal fails the step with the form's own words, rather than a timeout.
  if (await notRecorded.isVisible()) throw new Error(`Refused: ${await page.getByRole('form').textContent()}`);
  return (await recorded.textContent()) ?? '';
};

const refused = async (text: string) => {
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: text }).first().waitFor();
};

test('the first admin, made through the setup address, finds the Record page listing commands by what they record', async () => {
  await page.goto(`${api.url}/#/setup?code=${api.setupCode}`);
  await page.getByLabel('Account id').fill('admin-1');
  await page.getByLabel('Choose a password').fill(ADMIN_PASSWORD);
  await page.getByLabel('Repeat the password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Create and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Record' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
  for (const kind of ['Community', 'Coach', 'Provider', 'Agreement', 'Screening', 'Team'])
    await page.getByRole('heading', { level: 2, name: kind, exact: true }).waitFor();
  await page.getByRole('link', { name: 'Register community' }).waitFor();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'record');
});

test('the admin registers the community and starts its year under the Rooted in Relationships guide', async () => {
  await page.getByRole('link', { name: 'Register community' }).click();
  await page.getByRole('form', { name: 'RegisterCommunity' }).waitFor();
  expect(page.url()).toBe(`${api.url}/#/record/RegisterCommunity`);
  await fill('Community id', 'kent');
  await fill('Name', 'Kent County');
  await choose('Kind', 'county');
  await expectNoSeriousAxeViolations(page);
  expect(await record()).toContain('CommunityRegistered');

  await openForm('StartProgramYear');
  await fill('Community id', 'kent');
  await fill('Program year id', programYearId);
  await choose('Guide id', 'Rooted in Relationships — Year 1');
  await fill('Starts on', startsOn);
  await fill('Ends on', `${Number(startsOn.slice(0, 4)) + 1}-06-30`);
  expect(await record()).toContain('ProgramYearStarted');
  expect(await streamEventTypes(api, 'community-kent')).toEqual(['CommunityRegistered', 'ProgramYearStarted']);
});

test('a form missing a required field names it beside its input and sends nothing', async () => {
  await openForm('RegisterCoach');
  await fill('Coach id', COACH);
  await fill('Community id', 'kent');
  await choose('Role', 'coach');
  await refused('Nothing was sent');
  expect(await fieldError(page, 'Name')).toContain('non-blank text');
  expect(await fieldError(page, 'Coach id')).toBeUndefined();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'record-refused');
  await fill('Name', 'Dana Ruiz');
  expect(await record()).toContain('CoachRegistered');
});

test('the admin enrolls two providers on the coach’s caseload, the site a fieldset and ages a list', async () => {
  for (const [index, providerId] of PROVIDERS.entries()) {
    await openForm('EnrollProvider');
    await fill('Provider id', providerId);
    await fill('Community id', 'kent');
    await fill('Program year id', programYearId);
    await page
      .getByLabel(named('Name'))
      .first()
      .fill(`Provider ${index + 1}`);
    const site = page.getByRole('group', { name: 'Site' });
    await site.getByLabel('Site id').fill(`site-${index + 1}`);
    await site.getByLabel(named('Name')).fill(`Maple Street Center ${index + 1}`);
    await choose('Setting', 'center');
    await choose('Ages served 1', 'preschool');
    await page.getByRole('button', { name: 'Add to ages served' }).click();
    await choose('Ages served 2', 'toddler');
    await fill('Coach id', COACH);
    await fill('Enrolled on', startsOn);
    if (index === 0) {
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'record-enroll-provider');
    }
    expect(await record()).toContain('ProviderEnrolled');
  }
});

test('the admin records the consent, schedules the observation and scores it by name', async () => {
  const [provider] = PROVIDERS;
  await openForm('UploadConsent', `?providerId=${provider}`);
  expect(await page.getByLabel(named('Provider id')).inputValue()).toBe(provider);
  await fill('Consent id', 'consent-1');
  await choose('Instrument', 'TPOT');
  await fill('Signed on', startsOn);
  const document = page.getByRole('group', { name: 'Document' });
  await document.getByLabel('Uri').fill('https://documents.example/consent-1.pdf');
  await document.getByLabel('Sha 256').fill('ab'.repeat(32));
  expect(await record()).toContain('ConsentUploaded');

  await openForm('ScheduleObservation', `?providerId=${provider}`);
  await fill('Observation id', 'obs-1');
  await choose('Instrument', 'TPOT');
  await fill('Scheduled for', today);
  await fill('Observer id', 'obs-ann');
  expect(await record()).toContain('ObservationScheduled');

  await openForm('CompleteObservation', `?providerId=${provider}`);
  await fill('Observation id', 'obs-1');
  await fill('Observed on', today);
  await fill('Scores 1: name', 'keyPracticesPercent');
  await fill('Scores 1: value', '72.5');
  await page.getByRole('button', { name: 'Add to scores' }).click();
  await fill('Scores 2: name', 'redFlags');
  await fill('Scores 2: value', '3');
  expect(await record()).toContain('ObservationCompleted');
});

test('the coach signs in and logs the month’s sessions through Record forms until the dosage is met', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signInAs(page, api, 'coach', COACH);
  const [provider] = PROVIDERS;
  for (let session = 1; session <= 3; session++) {
    await openForm('LogSession', `?providerId=${provider}&coachId=${COACH}`);
    await fill('Session id', `s-${session}`);
    await fill('Held on', today);
    await fill('Duration minutes', '60');
    await choose('Kind', 'coaching-conversation');
    await choose('Mode', 'in-person');
    await page.getByLabel('Agenda used').check();
    await fill('Practices 1', 'Transitions');
    const recorded = await record();
    expect(recorded).toContain('SessionLogged');
    expect(recorded).toContain(`provider-${provider}`);
  }
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'My caseload' }).click();
  const row = page.locator(`tr[data-provider="${provider}"]`);
  await row.locator('[data-status="met"]').waitFor();
  expect(await row.textContent()).toContain('180 of 150 minutes');
});

test('a session on a day still to come is refused by the API beside its date, and nothing is written', async () => {
  const [provider] = PROVIDERS;
  const before = await streamEventTypes(api, `provider-${provider}`);
  await openForm('LogSession', `?providerId=${provider}`);
  // The signed-in coach's own id is filled in without the address naming it.
  expect(await page.getByLabel(named('Coach id')).inputValue()).toBe(COACH);
  await fill('Session id', 's-future');
  await fill('Held on', daysAfter(today, 3));
  await fill('Duration minutes', '60');
  await choose('Kind', 'coaching-conversation');
  await choose('Mode', 'virtual');
  await refused('Not recorded');
  expect(await fieldError(page, 'Held on')).toContain('rule 2');
  expect(await streamEventTypes(api, `provider-${provider}`)).toEqual(before);
});

test('a session with a provider no one enrolled is refused, and nothing is written', async () => {
  await openForm('LogSession', `?providerId=p-nobody&coachId=${COACH}`);
  await fill('Session id', 's-nobody');
  await fill('Held on', today);
  await fill('Duration minutes', '30');
  await choose('Kind', 'coaching-conversation');
  await choose('Mode', 'virtual');
  await refused('Not recorded');
  // Checked as it rests: the pointer off the button, and its label faded back in once the answer came.
  await page.mouse.move(0, 0);
  await settled(page.getByRole('button', { name: 'Record', exact: true }).getByText('Record'));
  await expectNoSeriousAxeViolations(page);
  await expect(streamEventTypes(api, 'provider-p-nobody')).rejects.toThrow();
});

test('the coach sets an action plan, holds the debrief and sends feedback on a session', async () => {
  const [provider] = PROVIDERS;
  await openForm('SetActionPlan', `?providerId=${provider}`);
  await fill('Action plan id', 'ap-1');
  const goal = page.getByRole('group', { name: 'Goals 1' });
  await goal.getByLabel('Goal id').fill('g-1');
  await goal.getByLabel('Practice').fill('Visual schedules');
  await goal.getByLabel('Description').fill('A visual schedule at every transition.');
  await fill('Steps 1', 'Print the schedule cards.');
  await fill('Set on', today);
  expect(await record()).toContain('ActionPlanSet');

  await openForm('HoldDebrief', `?providerId=${provider}`);
  await fill('Observation id', 'obs-1');
  await fill('Held on', today);
  await fill('Strengths 1', 'Warm greetings at arrival.');
  await fill('Next steps 1', 'Add a visual schedule at the cubbies.');
  expect(await record()).toContain('DebriefHeld');

  await openForm('SendFeedback', `?providerId=${provider}`);
  await fill('Session id', 's-1');
  await fill('Sent on', today);
  expect(await record()).toContain('FeedbackSent');
  await page.getByRole('button', { name: 'Record another' }).click();
  expect(await page.getByLabel(named('Provider id')).inputValue()).toBe(provider);

  const types = await streamEventTypes(api, `provider-${provider}`);
  expect(types.filter((type) => type === 'SessionLogged')).toHaveLength(3);
  expect(types).toEqual(expect.arrayContaining(['ActionPlanSet', 'DebriefHeld', 'FeedbackSent']));
});

test("every command of the domain's catalogue has its route in the API's document, where the forms post", async () => {
  const response = await fetch(`${api.url}/docs`);
  const commands = documentedCommands(await response.json());
  expect([...commands.keys()].sort()).toEqual(commandCatalogue.map((definition) => definition.type).sort());
  expect(commands.get('LogSession')?.path).toBe('/providers/{id}/sessions');
  expect([...(commands.get('RegisterCommunity')?.roles ?? [])].sort()).toEqual(['admin', 'supervisor']);
});

test('a hostile command name in the address is named as no command, never run as markup', async () => {
  for (const name of ['__proto__', encodeURIComponent('<img src=x onerror=alert(1)>')]) {
    await page.goto(`${api.url}/#/record/${name}`);
    await page.getByRole('alert').filter({ hasText: 'No such command' }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  }
});

test('the coach is not offered the commands only program staff send', async () => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Record' }).click();
  await page.getByRole('link', { name: 'Log session' }).waitFor();
  expect(await page.getByRole('link', { name: 'Register community' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Enroll provider' }).count()).toBe(0);
});
