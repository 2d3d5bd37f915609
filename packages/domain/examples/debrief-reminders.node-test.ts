/**
 * Decider specifications under node's own test runner, with no jest in sight. From the
 * repository's root (the tsconfig maps the packages to their sources):
 * `TSX_TSCONFIG_PATH=packages/domain/tsconfig.json node --import tsx --test packages/domain/examples/debrief-reminders.node-test.ts`
 */
import { describe, it } from 'node:test';
import { ProviderCommand, ProviderEvent, providerDecider } from '@coachline/domain';
import { command, deciderSpec } from '@coachline/domain/testing';
import { debriefReminders, SendDebriefReminder } from './debrief-reminders';

const enrolled: ProviderEvent = {
  type: 'ProviderEnrolled',
  data: {
    providerId: 'p-017',
    communityId: 'kent',
    programYearId: 'py-2025',
    name: 'Ana Lima',
    site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
    agesServed: ['preschool'],
    coachId: 'c-03',
    enrolledOn: '2025-09-02',
  },
};
const logged = {
  type: 'SessionLogged',
  data: {
    providerId: 'p-017',
    sessionId: 's-0410',
    coachId: 'c-03',
    heldOn: '2025-09-04',
    durationMinutes: 60,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['schedules-routines'],
    strategies: ['modeling'],
  },
} satisfies ProviderEvent;

describe('Coachline’s provider decider', () => {
  const spec = deciderSpec(providerDecider);
  const logSession = command<ProviderCommand>('LogSession', logged.data, { issuedAt: '2025-09-04T18:00:00.000Z' });

  it('logs a session', () => spec.given([enrolled]).when(logSession).then([logged]));
  it('refuses the same session twice', () =>
    spec.given([enrolled, logged]).when(logSession).thenFails('session-already-logged', ['data.sessionId']));
  it('refuses a provider never enrolled', () =>
    spec
      .given([])
      .when(logSession)
      .thenFails((error) => error.kind === 'not-found'));
});

describe('the application’s debrief reminders', () => {
  const spec = deciderSpec(debriefReminders);
  const remind = (sessionId: string) =>
    command<SendDebriefReminder>('SendDebriefReminder', { sessionId, coachId: 'c-03' });
  const sent = { type: 'DebriefReminderSent', data: { sessionId: 's-0410', coachId: 'c-03' } } as const;

  it('reminds the coach', () => spec.given([]).when(remind('s-0410')).then([sent]));
  it('reminds only once', () => spec.given([sent]).when(remind('s-0410')).thenNothingHappened());
  it('refuses a session id outside the id grammar', () =>
    spec.given([]).when(remind('__proto__')).thenFails('invalid-session-id', ['data.sessionId']));
});
