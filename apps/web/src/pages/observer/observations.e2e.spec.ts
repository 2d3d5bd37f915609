import type { Page } from 'playwright-core';
import { asAdmin, type Browser, launchBrowser, signInAs, startWebApi, todayUtc, type WebApi } from '../../testing';
import { seedCoachingRecord } from '../../testing/coaching-record';
import { expectAccessibleAtRest, screenshotFromTop } from '../../testing/page-scan';

// An observer, often outside staff, schedules an observation, records its scores and holds its debrief.
let api: WebApi;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  api = await startWebApi();
  await seedCoachingRecord(api);
  browser = await launchBrowser();
  page = await browser.newPage();
  await signInAs(page, api, 'observer', 'obs-ann');
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

interface Recorded {
  readonly type: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly data: Record<string, unknown>;
}

const lastEvents = async (count: number): Promise<Recorded[]> =>
  (await asAdmin<{ events: Recorded[] }>(api, 'GET', '/streams/provider-p-1')).events.slice(-count);

test('the observer records an observation in three steps, each an event of the provider’s stream in their name', async () => {
  await page.getByRole('heading', { level: 1, name: 'Observations' }).waitFor();
  await expectAccessibleAtRest(page);
  const schedule = page.getByRole('form', { name: 'Schedule an observation' });
  await schedule.getByLabel('Provider').fill('p-1');
  await schedule.getByLabel('Observation id').fill('obs-2');
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await schedule.getByRole('status').filter({ hasText: 'Observation recorded' }).waitFor();

  const scores = page.getByRole('form', { name: 'Record the scores' });
  await scores.getByLabel('Provider').fill('p-1');
  await scores.getByLabel('Observation id').fill('obs-2');
  await scores.getByLabel('Score 1 value').fill('81.5');
  await scores.getByLabel('Score 2 value').fill('lots');
  await scores.getByRole('button', { name: 'Record the scores' }).click();
  // A value that is not a number is named by the domain's codec, and nothing is sent.
  await scores.getByRole('alert').filter({ hasText: 'Nothing was sent' }).waitFor();
  expect(await scores.locator('#scores-error').textContent()).toMatch(/\S/);
  expect((await lastEvents(1))[0]?.type).toBe('ObservationScheduled');
  await scores.getByLabel('Score 2 value').fill('1');
  await scores.getByRole('button', { name: 'Record the scores' }).click();
  await scores.getByRole('status').filter({ hasText: 'Scores recorded' }).waitFor();

  const debrief = page.getByRole('form', { name: 'Hold the debrief' });
  await debrief.getByLabel('Provider').fill('p-1');
  await debrief.getByLabel('Observation id').fill('obs-2');
  await debrief.getByLabel('Strengths').fill('Calm, clear transitions.\nEvery child greeted by name.');
  await debrief.getByLabel('Next steps').fill('Teach the feelings chart.');
  await debrief.getByRole('button', { name: 'Record the debrief' }).click();
  await debrief.getByRole('status').filter({ hasText: 'Debrief recorded' }).waitFor();
  await expectAccessibleAtRest(page);
  await screenshotFromTop(page, 'observer-observations');

  const recorded = await lastEvents(3);
  expect(recorded.map((event) => event.type)).toEqual(['ObservationScheduled', 'ObservationCompleted', 'DebriefHeld']);
  expect(recorded.every((event) => event.actor.id === 'obs-ann' && event.actor.role === 'observer')).toBe(true);
  expect(recorded[0]?.data).toMatchObject({ instrument: 'TPOT', scheduledFor: todayUtc(), observerId: 'obs-ann' });
  expect(recorded[1]?.data['scores']).toEqual({ keyPracticesPercent: 81.5, redFlags: 1 });
  expect(recorded[2]?.data).toMatchObject({
    strengths: ['Calm, clear transitions.', 'Every child greeted by name.'],
    nextSteps: ['Teach the feelings chart.'],
  });
});

test('the API’s refusal of a debrief of an observation never scheduled is shown, and nothing is recorded', async () => {
  const debrief = page.getByRole('form', { name: 'Hold the debrief' });
  await debrief.getByLabel('Observation id').fill('obs-never');
  await debrief.getByRole('button', { name: 'Record the debrief' }).click();
  await debrief.getByRole('alert').filter({ hasText: 'Debrief not recorded' }).waitFor();
  expect((await lastEvents(1))[0]?.type).toBe('DebriefHeld');
  expect((await lastEvents(1))[0]?.data['observationId']).toBe('obs-2');
});
