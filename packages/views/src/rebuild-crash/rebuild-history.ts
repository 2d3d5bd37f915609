import { RecordedEvent } from '@coachline/domain';
import { at, historyBuilder } from '@coachline/projections/testing';

/**
 * A program year with `providers` providers and `sessions` sessions each, some corrected and
 * some voided: enough events for a rebuild to be interrupted many times.
 */
export const rebuildHistory = (providers: number, sessions: number): RecordedEvent[] => {
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
  for (let p = 0; p < providers; p++) {
    const providerId = `p-${String(p).padStart(4, '0')}`;
    history.add(
      'ProviderEnrolled',
      {
        providerId,
        communityId: 'kent',
        programYearId: 'py-2025',
        name: `Provider ${p}`,
        site: { siteId: `site-${p}`, name: `Site ${p}`, setting: 'center' },
        agesServed: ['preschool'],
        coachId: 'c-03',
        enrolledOn: '2025-07-01',
      },
      at('2025-07-01'),
    );
  }
  for (let s = 0; s < sessions; s++) {
    for (let p = 0; p < providers; p++) {
      const providerId = `p-${String(p).padStart(4, '0')}`;
      const day = `2025-${String(7 + (s % 6)).padStart(2, '0')}-${String(1 + ((s * 7 + p) % 28)).padStart(2, '0')}`;
      const sessionId = `s-${p}-${s}`;
      history.add(
        'SessionLogged',
        {
          providerId,
          sessionId,
          coachId: 'c-03',
          heldOn: day,
          durationMinutes: 15 + ((s + p) % 6) * 15,
          kind: (s + p) % 9 === 0 ? 'consultation' : 'coaching-conversation',
          mode: 'in-person',
          agendaUsed: true,
          practices: ['schedules-routines'],
          strategies: ['modeling'],
        },
        at(day),
      );
      if ((s + p) % 17 === 0)
        history.add(
          'SessionCorrected',
          { providerId, sessionId, changes: { durationMinutes: 90 }, reason: 'Ran long.' },
          at(day, '18:00:00.000'),
        );
      if ((s + p) % 23 === 0)
        history.add('SessionVoided', { providerId, sessionId, reason: 'Logged twice.' }, at(day, '19:00:00.000'));
    }
  }
  return history.events();
};
