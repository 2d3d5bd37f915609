import fc from 'fast-check';
import { viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram, sessionData } from '../testing/fixtures';
import { dosageProjection } from './dosage.projection';
import { DosageView } from './dosage.view';

/**
 * One provider's dosage is rendered from that provider and their coach's caseload alone. It
 * must read as the whole program's view would for them: the same months, and their coach's
 * caseload and providers under target exactly as the whole view counts them.
 */

const PROVIDERS = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];
const COACHES = ['c-03', 'c-04'];
const DAY_MS = 86_400_000;
const dayAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('session' as const),
    providerId: fc.constantFrom(...PROVIDERS),
    sessionId: fc.constantFrom('s-1', 's-2', 's-3', 's-4'),
    durationMinutes: fc.integer({ min: 1, max: 180 }),
  }),
  fc.record({
    kind: fc.constant('reassign' as const),
    providerId: fc.constantFrom(...PROVIDERS),
    toCoachId: fc.constantFrom(...COACHES, 'c-unregistered'),
  }),
  fc.record({ kind: fc.constant('exit' as const), providerId: fc.constantFrom(...PROVIDERS) }),
);

const program = fc.record({
  coachOf: fc.array(fc.constantFrom(...COACHES), { minLength: PROVIDERS.length, maxLength: PROVIDERS.length }),
  steps: fc.array(fc.record({ after: fc.integer({ min: 0, max: 20 }), step }), { maxLength: 30 }),
  asOfAfter: fc.integer({ min: 0, max: 400 }),
});

type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;

const historyOf = (g: Program) => {
  // Kent's program year and coach c-03, and a second coach to reassign providers to.
  const history = kentProgram().add(
    'CoachRegistered',
    { coachId: 'c-04', communityId: 'kent', name: 'Coach', role: 'coach' },
    at('2025-06-21'),
  );
  const coachOf = new Map(PROVIDERS.map((providerId, i) => [providerId, g.coachOf[i]!]));
  for (const providerId of PROVIDERS)
    history.add(
      'ProviderEnrolled',
      enrollment(providerId, '2025-07-01', { coachId: coachOf.get(providerId)! }),
      at('2025-07-01'),
    );
  let day = '2025-07-02';
  for (const { after, step: s } of g.steps) {
    day = dayAfter(day, after);
    if (s.kind === 'session')
      history.add(
        'SessionLogged',
        { ...sessionData(s.providerId, s.sessionId, day, s.durationMinutes), coachId: coachOf.get(s.providerId)! },
        at(day),
      );
    else if (s.kind === 'reassign') {
      const fromCoachId = coachOf.get(s.providerId)!;
      history.add(
        'ProviderReassigned',
        { providerId: s.providerId, fromCoachId, toCoachId: s.toCoachId, on: day },
        at(day),
      );
      coachOf.set(s.providerId, s.toCoachId);
    } else history.add('ProviderExited', { providerId: s.providerId, on: day, reason: 'Moved away.' }, at(day));
  }
  return { events: history.events(), asOf: at(dayAfter('2025-07-01', g.asOfAfter), '23:59:59.999') };
};

describe('one provider’s dosage', () => {
  it('holds that provider as the whole view does, and their coach’s figures as the whole view counts them', () =>
    fc.assert(
      fc.property(program, (g) => {
        const { events, asOf } = historyOf(g);
        const whole = viewOf<DosageView>(dosageProjection, events, { asOf });
        for (const providerId of [...PROVIDERS, 'p-never-enrolled']) {
          const selected = viewOf<DosageView>(dosageProjection, events, { asOf, providerId });
          const providers = whole.providers.filter((p) => p.providerId === providerId);
          const coachId = providers[0]?.coachId;
          expect(selected).toEqual({
            ...whole,
            providers,
            coaches: whole.coaches.filter((c) => c.coachId === coachId),
          });
        }
      }),
    ));
});
