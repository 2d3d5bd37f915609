import { sessionLoggedEvent } from '../provider/provider.fixtures';
import { DomainEvent } from '../kernel/decider';
import { ProgramGuide } from './program-guide';
import { requirementStatuses } from './requirement-status';
import { rirYear1Guide } from './rir-year-1';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };

const logged = (sessionId: string, heldOn: string, durationMinutes: number): DomainEvent =>
  sessionLoggedEvent(sessionId, heldOn, durationMinutes);
const voided = (sessionId: string): DomainEvent => ({
  type: 'SessionVoided',
  data: { providerId: 'p-1', sessionId, reason: 'Wrong provider.' },
});

const september = (events: DomainEvent[], guide: ProgramGuide = rirYear1Guide, on = '2025-09-30') =>
  requirementStatuses({ guide, programYear, scope: 'provider', enrolledOn: '2025-07-01', events, on }).find(
    (s) => s.requirementId === 'dosage-2025-09',
  );

describe('the monthly dosage requirement', () => {
  it('is met by the session that brought the month to its target, same-day sessions taken in the order they were logged', () => {
    const sameDay = [
      logged('s-1', '2025-09-12', 100),
      logged('s-2', '2025-09-12', 60),
      logged('s-3', '2025-09-03', 10),
    ];
    expect(september(sameDay)).toMatchObject({
      status: 'done',
      minutes: 170,
      metBy: { type: 'SessionLogged', date: '2025-09-12', index: 1 },
    });
    const reversed = [
      logged('s-2', '2025-09-12', 60),
      logged('s-1', '2025-09-12', 100),
      logged('s-3', '2025-09-03', 10),
    ];
    expect(september(reversed)).toMatchObject({ status: 'done', minutes: 170, metBy: { index: 1 } });
    const firstAlone = [logged('s-1', '2025-09-12', 150), logged('s-2', '2025-09-12', 60)];
    expect(september(firstAlone)?.metBy).toEqual({ type: 'SessionLogged', date: '2025-09-12', index: 0 });
  });

  it('takes the sessions of a month by the day they were held, not the order they were logged', () =>
    expect(
      september([logged('s-1', '2025-09-20', 100), logged('s-2', '2025-09-05', 100), logged('s-3', '2025-09-10', 50)]),
    ).toMatchObject({
      minutes: 250,
      metBy: { date: '2025-09-10', index: 2 },
    }));

  it('counts each session id once: a repeated log neither doubles nor replaces it', () =>
    expect(
      september([logged('s-1', '2025-09-12', 100), logged('s-1', '2025-09-13', 100), logged('s-1', '2025-10-01', 30)]),
    ).toMatchObject({
      status: 'due',
      minutes: 100,
      targetMinutes: 150,
    }));

  it('counts nothing of a voided session, the void arriving after the month was met', () =>
    expect(
      september([logged('s-1', '2025-09-12', 100), logged('s-2', '2025-09-13', 100), voided('s-2')]),
    ).toMatchObject({
      status: 'due',
      minutes: 100,
    }));

  it('has nothing to reach in a guide that sets no monthly target', () => {
    const { targetMinutesPerMonth: _, ...noTarget } = rirYear1Guide.dosage!;
    const status = september([logged('s-1', '2025-09-12', 200)], { ...rirYear1Guide, dosage: noTarget });
    expect(status).toEqual({
      requirementId: 'dosage-2025-09',
      title: 'Coaching dosage: 2.5 hours this month',
      kind: 'monthly-dosage',
      month: '2025-09',
      window: { from: '2025-09-01', to: '2025-09-30' },
      status: 'not-applicable',
    });
  });
});

describe('the monthly dosage requirement on the day asked about', () => {
  it('counts a session held on that very day', () => {
    const history = [logged('s-1', '2025-09-10', 100), logged('s-2', '2025-09-12', 60)];
    expect(september(history, rirYear1Guide, '2025-09-12')).toMatchObject({
      status: 'done',
      minutes: 160,
      metBy: { type: 'SessionLogged', date: '2025-09-12', index: 1 },
    });
    expect(september(history, rirYear1Guide, '2025-09-11')).toMatchObject({ status: 'due', minutes: 100 });
  });
});
