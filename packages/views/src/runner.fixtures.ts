import { RecordedEvent } from '@coachline/domain';
import { at, historyBuilder } from '@coachline/projections/testing';

type Builder = ReturnType<typeof historyBuilder>;

/** `count` sessions over three providers and a school year, `voids` of them voided later. */
export const sessionEvents =
  (count: number, voids: number) =>
  (history: Builder): Builder => {
    for (let i = 0; i < count; i++) {
      const day = `2025-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      history.add(
        'SessionLogged',
        {
          providerId: `p-${i % 3}`,
          sessionId: `s-${i}`,
          coachId: 'c-03',
          heldOn: day,
          durationMinutes: 15 + (i % 5) * 15,
          kind: i % 6 === 5 ? 'consultation' : 'coaching-conversation',
          mode: 'in-person',
          agendaUsed: true,
          practices: ['schedules-routines'],
          strategies: ['modeling'],
        },
        at(day),
      );
    }
    for (let i = 0; i < Math.min(voids, count); i++) {
      history.add(
        'SessionVoided',
        { providerId: `p-${i % 3}`, sessionId: `s-${i}`, reason: 'Logged twice.' },
        at('2026-01-15'),
      );
    }
    return history;
  };

/** A program year, a coach and three providers, then whatever `more` adds. */
export const programHistory = (more: (history: Builder) => Builder): RecordedEvent[] => {
  const history = historyBuilder()
    .add(
      'ProgramYearStarted',
      {
        communityId: 'kent',
        programYearId: 'py-2025',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    );
  for (const providerId of ['p-0', 'p-1', 'p-2']) {
    history.add(
      'ProviderEnrolled',
      {
        providerId,
        communityId: 'kent',
        programYearId: 'py-2025',
        name: `Provider ${providerId}`,
        site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
        agesServed: ['preschool'],
        coachId: 'c-03',
        enrolledOn: '2025-08-20',
      },
      at('2025-08-20'),
    );
  }
  return more(history).events();
};
