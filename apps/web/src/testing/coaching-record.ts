import { asAdmin, daysAfter, seedProgram, todayUtc } from './admin-requests';
import type { WebApi } from './api-process';

/**
 * What the record seeded by `seedCoachingRecord` holds that some readers must never be shown:
 * the specs of the provider, leadership and evaluator pages look for each of these in the DOM.
 */
export interface SeededSecrets {
  readonly coachIds: ReadonlyArray<string>;
  readonly providerIds: ReadonlyArray<string>;
  readonly names: ReadonlyArray<string>;
  /** Session summaries and next steps, debrief text, goal descriptions, a concern and its resolution. */
  readonly notes: ReadonlyArray<string>;
  /** Observation scores, Benchmarks of Quality ratings and the coaching feedback rating, as written. */
  readonly scores: ReadonlyArray<string>;
  /** The keys the scores were recorded under. */
  readonly scoreKeys: ReadonlyArray<string>;
  /** The reference of the child whose data was erased, and of one still screened. */
  readonly erasedChildRef: string;
  readonly keptChildRef: string;
  readonly communityId: string;
  /** The day the first sessions were held and the minutes of the second one, logged last. */
  readonly lastSession: { readonly providerId: string; readonly heldOn: string; readonly minutes: number };
}

const post = (api: WebApi, path: string, body: unknown) => asAdmin(api, 'POST', path, body);

/**
 * A provider's coaching record through the API (Rooted in Relationships `000` with a STARS
 * agreement `002`): an observation with scores and its debrief, Benchmarks of Quality, an action
 * plan with a goal achieved, sessions with summaries and feedback, an agreement with a cycle and a
 * concern, and two screenings, one child's data erased. Every day lies between the program
 * year's first day and today.
 */
export const seedCoachingRecord = async (api: WebApi): Promise<SeededSecrets> => {
  await seedProgram(api, { coachId: 'c-1', providerIds: ['p-1', 'p-2'] });
  const today = todayUtc();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  const startsOn = `${year}-07-01`;
  const span = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000);
  // The n-th hundredth of the way from the year's first day to today: in order, never in the future.
  const day = (n: number) => daysAfter(startsOn, Math.floor((span * n) / 100));
  const p1 = '/providers/p-1';
  await post(api, `${p1}/consents`, {
    consentId: 'consent-1',
    instrument: 'TPOT',
    signedOn: day(1),
    document: { uri: 'https://documents.example/consent-1.pdf', sha256: 'ab'.repeat(32) },
  });
  await post(api, `${p1}/observations`, {
    observationId: 'obs-1',
    instrument: 'TPOT',
    scheduledFor: day(2),
    observerId: 'obs-ann',
  });
  await post(api, `${p1}/observation-results`, {
    observationId: 'obs-1',
    observedOn: day(2),
    scores: { keyPracticesPercent: 72.5, redFlags: 3 },
  });
  await post(api, `${p1}/debriefs`, {
    observationId: 'obs-1',
    heldOn: day(3),
    strengths: ['Warm greetings at arrival.'],
    nextSteps: ['Add a visual schedule at the cubbies.'],
  });
  await post(api, `${p1}/benchmarks-of-quality`, {
    boqId: 'boq-1',
    form: 'BOQ',
    completedOn: day(3),
    ratings: { 'leadership-team': 2, 'staff-buy-in': 1 },
    formVersion: '2024',
  });
  await post(api, `${p1}/action-plans`, {
    actionPlanId: 'ap-1',
    goals: [{ goalId: 'g-1', practice: 'schedules-routines', description: 'Use a visual schedule every day.' }],
    steps: ['Print the schedule cards.'],
    setOn: day(4),
  });
  const session = (sessionId: string, heldOn: string, durationMinutes: number, summary: string, nextStep: string) => ({
    sessionId,
    coachId: 'c-1',
    heldOn,
    durationMinutes,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['schedules-routines'],
    strategies: ['modeling'],
    summary,
    nextSteps: [nextStep],
  });
  await post(
    api,
    `${p1}/sessions`,
    session('s-1', day(5), 90, 'Talked through the transition song.', 'Try the song before lunch.'),
  );
  await post(api, `${p1}/feedback`, { sessionId: 's-1', sentOn: day(6) });
  await post(api, `${p1}/goals-achieved`, { goalId: 'g-1', on: day(7) });
  await post(api, `${p1}/coaching-feedback`, { surveyId: 'survey-1', coachId: 'c-1', completedOn: day(7), rating: 4 });
  await post(api, '/agreements/a-1/draft', {
    providerId: 'p-1',
    coachId: 'c-1',
    practices: ['schedules-routines', 'transitions'],
    visitMode: 'in-person',
    estimatedCycles: 4,
    cadence: 'every-two-weeks',
  });
  await post(api, '/agreements/a-1/signatures', { party: 'coach', signedBy: 'c-1', signedOn: day(5) });
  await post(api, '/agreements/a-1/signatures', { party: 'supervisor', signedBy: 'sup-1', signedOn: day(5) });
  await post(api, '/agreements/a-1/signatures', { party: 'coachee', signedBy: 'p-1', signedOn: day(5) });
  await post(api, '/agreements/a-1/concerns', {
    raisedBy: 'coachee',
    raisedWith: 'supervisor',
    concernId: 'concern-1',
    summary: 'Visits keep moving to Fridays.',
  });
  await post(api, '/agreements/a-1/concern-resolutions', {
    concernId: 'concern-1',
    resolvedOn: day(8),
    resolution: 'Visits move to Tuesdays.',
  });
  await post(api, '/screenings/scr-1/distribution', {
    providerId: 'p-1',
    childRef: 'child-7f3a',
    ageIntervalMonths: 36,
    distributedOn: day(4),
  });
  await post(api, '/screenings/scr-1/score', { score: 40, zone: 'below-cutoff', scoredOn: day(5) });
  await post(api, '/screenings/scr-1/erasure', { childRef: 'child-7f3a', on: day(9) });
  await post(api, '/screenings/scr-2/distribution', {
    providerId: 'p-1',
    childRef: 'child-b2c9',
    ageIntervalMonths: 48,
    distributedOn: day(4),
  });
  // Logged last, so a moment before it and one after it differ by its minutes.
  const lastHeldOn = day(10);
  await post(
    api,
    `${p1}/sessions`,
    session('s-2', lastHeldOn, 75, 'Modelled the calm-down corner.', 'Invite the assistant next time.'),
  );
  await post(api, '/agreements/a-1/cycles', { cycleNumber: 1, completedOn: lastHeldOn, sessionIds: ['s-1', 's-2'] });
  return {
    coachIds: ['c-1'],
    providerIds: ['p-1', 'p-2'],
    names: [
      'Dana Ruiz',
      'Provider 1',
      'Provider 2',
      'Maple Street Center 1',
      'Maple Street Center 2',
      'obs-ann',
      'sup-1',
    ],
    notes: [
      'Talked through the transition song.',
      'Try the song before lunch.',
      'Modelled the calm-down corner.',
      'Invite the assistant next time.',
      'Warm greetings at arrival.',
      'Add a visual schedule at the cubbies.',
      'Use a visual schedule every day.',
      'Print the schedule cards.',
      'Visits keep moving to Fridays.',
      'Visits move to Tuesdays.',
    ],
    scores: ['72.5'],
    scoreKeys: ['keyPracticesPercent', 'redFlags', 'leadership-team', 'staff-buy-in'],
    erasedChildRef: 'child-7f3a',
    keptChildRef: 'child-b2c9',
    communityId: 'kent',
    lastSession: { providerId: 'p-1', heldOn: lastHeldOn, minutes: 75 },
  };
};
