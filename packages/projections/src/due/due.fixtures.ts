import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { enrollment, kentProgram, sessionData } from '../testing/fixtures';
import { at } from '../testing/history';
import { timelineProjection } from '../timeline/timeline.projection';
import { TimelineView } from '../timeline/timeline.view';

/** Kent's year: p-017 (c-03, a center, from July) and p-020 (c-04, a family child care home, from September). */
export const kentDueHistory = (): RecordedEvent[] =>
  kentProgram()
    .add('CoachRegistered', { coachId: 'c-04', communityId: 'kent', name: 'Lee Park', role: 'coach' }, at('2025-06-21'))
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add('DemographicSurveyCompleted', { providerId: 'p-017', completedOn: '2025-07-15' }, at('2025-07-15'))
    .add('ProviderEnrolled', enrollment('p-020', '2025-09-02', { coachId: 'c-04', setting: 'fcch' }), at('2025-09-02'))
    .add(
      'ConsentUploaded',
      {
        providerId: 'p-017',
        consentId: 'k-1',
        instrument: 'TPOT',
        signedOn: '2025-09-05',
        document: { uri: 's3://consents/k-1.pdf', sha256: 'a'.repeat(64) },
      },
      at('2025-09-05'),
    )
    .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-10', 90), at('2025-09-10'))
    .add('SessionLogged', sessionData('p-017', 's-2', '2025-10-03', 150), at('2025-10-03'))
    .events();

/** Kent's timeline measured on a day, as of its end. */
export const kentTimelineOn = (day: string, events = kentDueHistory()): TimelineView =>
  viewOf<TimelineView>(timelineProjection, events, { asOf: `${day}T23:59:59.999Z` });
