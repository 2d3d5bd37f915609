import { at } from '../testing';
import { enrollment, kentProgram, sessionData } from '../testing/fixtures';
export { reportOf, reportViewsOf } from './report-views';

const session = (providerId: string, sessionId: string, heldOn: string, minutes: number, coachId = 'c-03') => ({
  ...sessionData(providerId, sessionId, heldOn, minutes),
  coachId,
});

/**
 * Kent County in September 2025: coach c-03 with p-1 (150 minutes, met) and p-2 (60, partly),
 * coach c-04 with p-3 (none); p-9 in another community. Module 1A and one collaboration meeting
 * held in September; c-03 attended Reflective Consultation, c-04 did not; p-1's first cycle completed.
 */
export const kentSeptember = () =>
  kentProgram()
    .add(
      'CoachRegistered',
      { coachId: 'c-04', communityId: 'kent', name: 'Sam Ortiz', role: 'coach' },
      at('2025-06-21'),
    )
    .add('ProviderEnrolled', enrollment('p-1', '2025-07-01'), at('2025-07-01'))
    .add('ProviderEnrolled', enrollment('p-2', '2025-07-01'), at('2025-07-01'))
    .add('ProviderEnrolled', enrollment('p-3', '2025-07-01', { coachId: 'c-04' }), at('2025-07-01'))
    .add('ProviderEnrolled', enrollment('p-9', '2025-07-01', { communityId: 'ash' }), at('2025-07-01'))
    .add('SessionLogged', session('p-1', 's-1', '2025-09-02', 90), at('2025-09-02'))
    .add('SessionLogged', session('p-1', 's-2', '2025-09-10', 60), at('2025-09-14'))
    .add('SessionLogged', session('p-2', 's-1', '2025-09-05', 60), at('2025-09-15'))
    .add('SessionLogged', session('p-2', 's-2', '2025-09-06', 60), at('2025-09-30'))
    .add('SessionVoided', { providerId: 'p-2', sessionId: 's-2', reason: 'Logged twice.' }, at('2025-09-30'))
    .add('SessionLogged', session('p-9', 's-1', '2025-09-05', 200), at('2025-09-25'))
    .add(
      'TrainingHeld',
      {
        communityId: 'kent',
        trainingId: 't-1',
        module: 'module-1a',
        heldOn: '2025-09-10',
        attendees: { providerIds: [], coachIds: ['c-03'] },
      },
      at('2025-09-10'),
    )
    .add(
      'ProviderCollaborationMeetingHeld',
      {
        communityId: 'kent',
        meetingId: 'm-1',
        heldOn: '2025-09-18',
        facilitatorIds: ['c-03'],
        attendeeIds: ['p-1'],
        topic: 'Transitions.',
      },
      at('2025-09-18'),
    )
    .add(
      'ReflectiveConsultationAttended',
      { coachId: 'c-03', month: '2025-09', heldOn: '2025-09-20', durationMinutes: 60 },
      at('2025-09-20'),
    )
    .add(
      'AgreementDrafted',
      {
        agreementId: 'ag-1',
        providerId: 'p-1',
        coachId: 'c-03',
        practices: ['schedules-routines'],
        visitMode: 'in-person',
        estimatedCycles: 6,
        cadence: 'every-two-weeks',
      },
      at('2025-08-02'),
    )
    .add(
      'CoachingCycleCompleted',
      { agreementId: 'ag-1', cycleNumber: 1, completedOn: '2025-09-12', sessionIds: ['s-1'] },
      at('2025-09-12'),
    );
