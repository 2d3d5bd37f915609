import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { decodeCommand } from '../catalogue/command-catalogue';
import { command, deciderSpec } from '../testing';
import { CoachingSystemComponent } from './coaching-system-component-defined';
import { CommunityCommand } from './community.commands';
import { communityDecider } from './community.decider';
import { CommunityEvent } from './community.events';
import { DistrictChecklistItem } from '../guides/mimtss-coaching-system';

const spec = deciderSpec(communityDecider);
type CommandData<T extends CommunityCommand['type']> = Extract<CommunityCommand, { type: T }>['data'];

const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: { communityId: 'lansing', name: 'Lansing School District', kind: 'county' },
};
const year: CommunityEvent = {
  type: 'ProgramYearStarted',
  data: {
    communityId: 'lansing',
    programYearId: 'py-2025',
    guideId: 'mimtss-coaching-system',
    startsOn: '2025-07-01',
    endsOn: '2026-06-30',
  },
};
const components: CommunityEvent[] = CoachingSystemComponent.values.map((component) => ({
  type: 'CoachingSystemComponentDefined',
  data: { communityId: 'lansing', component, text: `Our ${component}.`, definedOn: '2025-09-10' },
}));
const approved: CommunityEvent = {
  type: 'CoachingSystemApproved',
  data: { communityId: 'lansing', approvedBy: 'superintendent', approvedOn: '2025-10-15' },
};
const training: CommunityEvent = {
  type: 'TrainingHeld',
  data: {
    communityId: 'lansing',
    trainingId: 'tr-coaching-system',
    module: 'other',
    heldOn: '2025-09-20',
    attendees: { providerIds: [], coachIds: ['c-01'] },
  },
};
const drafted = [registered, year, ...components];

describe('the coaching system on the community stream (004)', () => {
  describe('ShareCoachingSystem', () => {
    const share = (sharedOn: string, audience: 'coaches' | 'implementation-teams' = 'coaches') =>
      command<CommunityCommand>('ShareCoachingSystem', { communityId: 'lansing', audience, sharedOn });

    it('shares the approved system with coaches', () =>
      spec
        .given([...drafted, approved])
        .when(share('2025-10-20'))
        .then([
          {
            type: 'CoachingSystemShared',
            data: { communityId: 'lansing', audience: 'coaches', sharedOn: '2025-10-20' },
          },
        ]));
    it('shares it again with implementation teams on the day of approval', () =>
      spec
        .given([
          ...drafted,
          approved,
          {
            type: 'CoachingSystemShared',
            data: { communityId: 'lansing', audience: 'coaches', sharedOn: '2025-10-20' },
          },
        ])
        .when(share('2025-10-15', 'implementation-teams'))
        .then([
          {
            type: 'CoachingSystemShared',
            data: { communityId: 'lansing', audience: 'implementation-teams', sharedOn: '2025-10-15' },
          },
        ]));
    it('refuses to share a system not yet approved', () =>
      spec.given(drafted).when(share('2025-10-20')).thenFails('coaching-system-not-approved', ['data.communityId']));
    it('refuses a sharing dated before the approval', () =>
      spec
        .given([...drafted, approved])
        .when(share('2025-10-14'))
        .thenFails('shared-before-approval', ['data.sharedOn']));
    it('refuses a community never registered', () =>
      spec.given([]).when(share('2025-10-20')).thenFails('community-not-registered', ['data.communityId']));
  });

  describe('RecordDistrictChecklistItem', () => {
    // Raw words, so that the codec's refusal of words outside the checklist can be shown too.
    const record = (item: string, status: string, recordedOn: string) =>
      command<CommunityCommand>('RecordDistrictChecklistItem', {
        communityId: 'lansing',
        item,
        status,
        recordedOn,
      } as CommandData<'RecordDistrictChecklistItem'>);
    const partly: CommunityEvent = {
      type: 'DistrictChecklistItemRecorded',
      data: { communityId: 'lansing', item: 'system-drafted', status: 'partially-in-place', recordedOn: '2025-09-01' },
    };

    it('records where an item stands', () =>
      spec
        .given([registered])
        .when(record('system-drafted', 'partially-in-place', '2025-09-01'))
        .then([partly]));
    it('revises an item with a later record, even back out of place', () =>
      spec
        .given([registered, partly])
        .when(record('system-drafted', 'not-in-place', '2025-09-01'))
        .then([
          {
            type: 'DistrictChecklistItemRecorded',
            data: { communityId: 'lansing', item: 'system-drafted', status: 'not-in-place', recordedOn: '2025-09-01' },
          },
        ]));
    it('refuses a revision dated before the item’s last record', () =>
      spec
        .given([registered, partly])
        .when(record('system-drafted', 'in-place', '2025-08-31'))
        .thenFails('checklist-record-out-of-order', ['data.recordedOn']));
    it('lets another item be recorded on an earlier day', () =>
      spec
        .given([registered, partly])
        .when(record('system-approved', 'not-in-place', '2025-08-01'))
        .then([
          {
            type: 'DistrictChecklistItemRecorded',
            data: { communityId: 'lansing', item: 'system-approved', status: 'not-in-place', recordedOn: '2025-08-01' },
          },
        ]));
    it('reads an item only from the guide’s checklist, naming the field', () =>
      fc.assert(
        fc.property(
          fc.oneof(fc.constantFrom(...DistrictChecklistItem.values), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)),
          (item) => {
            const decoded = decodeCommand({ ...record(item, 'in-place', '2025-09-01') });
            if (DistrictChecklistItem.is(item)) return E.isRight(decoded);
            return E.isLeft(decoded) && decoded.left.errors.map((f) => f.path).join() === 'data.item';
          },
        ),
      ));
    it('refuses a status outside the three, naming the field', () => {
      const decoded = decodeCommand(record('system-drafted', 'done', '2025-09-01'));
      expect(E.isLeft(decoded) && decoded.left.errors.map((f) => f.path)).toEqual(['data.status']);
    });
  });

  describe('GiveTrainingFeedback', () => {
    const feedback = {
      communityId: 'lansing',
      trainingId: 'tr-coaching-system',
      givenOn: '2025-09-20',
      useful: 5,
      willUse: 4,
      diversity: 3,
    };
    const give = (data: Partial<typeof feedback> = {}) =>
      command<CommunityCommand>('GiveTrainingFeedback', { ...feedback, ...data });

    it('records an anonymous answer on the day of the training', () =>
      spec
        .given([registered, year, training])
        .when(give())
        .then([{ type: 'TrainingFeedbackGiven', data: feedback }]));
    it('takes any number of answers to one training', () =>
      spec
        .given([registered, year, training, { type: 'TrainingFeedbackGiven', data: feedback }])
        .when(give({ givenOn: '2025-09-22', useful: 1 }))
        .then([{ type: 'TrainingFeedbackGiven', data: { ...feedback, givenOn: '2025-09-22', useful: 1 } }]));
    it('refuses feedback on a training the community never held', () =>
      spec.given([registered, year]).when(give()).thenFails('training-not-recorded', ['data.trainingId']));
    it('refuses feedback dated before the training', () =>
      spec
        .given([registered, year, training])
        .when(give({ givenOn: '2025-09-19' }))
        .thenFails('feedback-before-training', ['data.givenOn']));
    it('refuses a rating outside 1 to 5, a respondent and free text, naming each field', () => {
      const decoded = decodeCommand({
        ...give({ diversity: 6, useful: 0 }),
        data: { ...feedback, diversity: 6, useful: 0, respondentId: 'p-1', comment: 'Great' },
      });
      expect(E.isLeft(decoded) && decoded.left.errors.map((f) => f.path).sort()).toEqual([
        'data.comment',
        'data.diversity',
        'data.respondentId',
        'data.useful',
      ]);
    });
  });
});
