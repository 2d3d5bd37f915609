import { CoachingSystemComponent } from '../community/coaching-system-component-defined';
import { DomainEvent } from '../kernel/decider';
import { DistrictChecklistItem, mimtssCoachingSystemGuide } from './mimtss-coaching-system';
import { RequirementStatus, StatusQuery, requirementStatuses } from './requirement-status';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };
const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const byId = (list: RequirementStatus[]) => new Map(list.map((s) => [s.requirementId, s]));
const statuses = (scope: StatusQuery['scope'], events: DomainEvent[], on = '2026-06-30') =>
  byId(requirementStatuses({ guide: mimtssCoachingSystemGuide, programYear, scope, events, on }));

const components = CoachingSystemComponent.values.map((component) =>
  ev('CoachingSystemComponentDefined', { communityId: 'lansing', component, text: 'Ours.', definedOn: '2025-09-10' }),
);
const checklist = (status: string, recordedOn: string) =>
  DistrictChecklistItem.values.map((item) =>
    ev('DistrictChecklistItemRecorded', { communityId: 'lansing', item, status, recordedOn }),
  );
const training = (trainingId: string, heldOn: string) =>
  ev('TrainingHeld', { communityId: 'lansing', trainingId, module: 'other', heldOn, attendees: {} });
const feedback = (trainingId: string, givenOn: string) =>
  ev('TrainingFeedbackGiven', { communityId: 'lansing', trainingId, givenOn, useful: 4, willUse: 4, diversity: 5 });

describe('MiMTSS District Coaching System requirement statuses (004)', () => {
  it('asks a team’s coach to be chosen under the approved system, and counts no consultation', () => {
    expect(mimtssCoachingSystemGuide.teamCoachNeedsApprovedSystem).toBe(true);
    expect(mimtssCoachingSystemGuide.dosage).toEqual({
      countedKinds: ['coaching-conversation', 'observation', 'debrief'],
    });
  });

  it('plans each of the seven components, in the source’s order, with a question', () =>
    expect(mimtssCoachingSystemGuide.coachingSystem?.components.map((c) => c.component)).toEqual(
      CoachingSystemComponent.values,
    ));

  it('lists the checklist items a record may name, and counts them all for 100%', () => {
    expect(mimtssCoachingSystemGuide.coachingSystem?.districtChecklist.map((entry) => entry.item)).toEqual(
      DistrictChecklistItem.values,
    );
    const complete = mimtssCoachingSystemGuide.requirements.find((r) => r.id === 'dit-checklist-complete');
    expect(complete).toMatchObject({ kind: 'count', min: DistrictChecklistItem.values.length });
  });

  it('is met by all seven components, counting a revised component once', () => {
    expect(statuses('community', components.slice(0, 6)).get('coaching-system-components-defined')).toMatchObject({
      status: 'due',
      count: 6,
    });
    expect(
      statuses('community', [...components.slice(0, 6), components[0]!, components[6]!]).get(
        'coaching-system-components-defined',
      ),
    ).toMatchObject({ status: 'done', count: 7 });
  });

  it('asks for a sharing with coaches and one with implementation teams, each by its audience', () => {
    const shared = statuses('community', [
      ev('CoachingSystemShared', { communityId: 'lansing', audience: 'coaches', sharedOn: '2025-10-20' }),
    ]);
    expect(shared.get('coaching-system-shared-with-coaches')).toMatchObject({ status: 'done' });
    expect(shared.get('coaching-system-shared-with-teams')).toMatchObject({ status: 'due' });
  });

  it('asks each coach to review the system', () => {
    expect(statuses('coach', []).get('coaching-system-reviewed')).toMatchObject({ status: 'due' });
    expect(
      statuses('coach', [
        ev('CoachingSystemReviewed', { coachId: 'c-1', communityId: 'lansing', reviewedOn: '2025-11-01' }),
      ]).get('coaching-system-reviewed'),
    ).toMatchObject({ status: 'done' });
  });

  it('completes the checklist when every item is recorded in place, and not on partial records', () => {
    expect(
      statuses('community', checklist('partially-in-place', '2025-09-01')).get('dit-checklist-complete'),
    ).toMatchObject({
      status: 'due',
      count: 0,
    });
    expect(
      statuses('community', [
        ...checklist('partially-in-place', '2025-09-01'),
        ...checklist('in-place', '2026-03-01'),
      ]).get('dit-checklist-complete'),
    ).toMatchObject({ status: 'done', count: DistrictChecklistItem.values.length });
  });

  it('asks for feedback within a month of each training, one line per training', () => {
    const seen = statuses(
      'community',
      [training('tr-1', '2025-09-20'), training('tr-2', '2026-02-10'), feedback('tr-1', '2025-09-20')],
      '2026-04-01',
    );
    expect(seen.get('training-feedback-tr-1')).toMatchObject({ status: 'done' });
    expect(seen.get('training-feedback-tr-2')).toMatchObject({ status: 'overdue' });
  });
});
