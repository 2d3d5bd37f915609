import { RecordedEvent } from '@coachline/domain';
import { at, historyBuilder } from '@coachline/projections/testing';

export const session = (
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  kind = 'coaching-conversation',
) => ({
  providerId: 'p-017',
  sessionId,
  coachId: 'c-03',
  heldOn,
  durationMinutes,
  kind: kind as 'coaching-conversation',
  mode: 'in-person' as const,
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

/** The history behind the guides' dosage example. */
export const example = (): RecordedEvent[] =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'), {
      id: 'admin-1',
      role: 'admin',
    })
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
      { id: 'admin-1', role: 'admin' },
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
      { id: 'admin-1', role: 'admin' },
    )
    .add(
      'ProviderEnrolled',
      {
        providerId: 'p-017',
        communityId: 'kent',
        programYearId: 'py-2025',
        name: 'Ana Lima',
        site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
        agesServed: ['preschool'],
        coachId: 'c-03',
        enrolledOn: '2025-09-02',
      },
      at('2025-09-02'),
      { id: 'admin-1', role: 'admin' },
    )
    .add('SessionLogged', session('s-1', '2025-09-04', 60), at('2025-09-04'))
    .add('SessionLogged', session('s-2', '2025-09-16', 45), at('2025-09-16'))
    .add('SessionLogged', session('s-3', '2025-09-25', 60, 'observation'), at('2025-09-25'))
    .add('SessionLogged', session('s-4', '2025-10-09', 90, 'debrief'), at('2025-10-09'))
    .add('SessionLogged', session('s-5', '2025-10-20', 120, 'consultation'), at('2025-10-20'))
    .events();
