import fc from 'fast-check';
import { CoachingSystemComponent, DistrictChecklistItem } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { coachingSystemProjection, leadershipCoachingSystem } from './coaching-system.projection';
import { coachingSystemTable } from './coaching-system.table';
import { CoachingSystemView } from './coaching-system.view';

type History = ReturnType<ReturnType<typeof historyBuilder>['events']>;
const systemOf = (history: History, communityId?: string) =>
  viewOf<CoachingSystemView>(coachingSystemProjection, history, communityId === undefined ? {} : { communityId });

const registered = () =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'lansing', name: 'Lansing', kind: 'county' }, at('2025-06-01'))
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent', kind: 'county' }, at('2025-06-01'))
    .add('CoachRegistered', { coachId: 'c-01', communityId: 'lansing', name: 'Ana', role: 'coach' }, at('2025-06-02'))
    .add('CoachRegistered', { coachId: 'c-02', communityId: 'lansing', name: 'Ben', role: 'coach' }, at('2025-06-02'));

const drafted = () => {
  const history = registered();
  CoachingSystemComponent.values.forEach((component) =>
    history.add(
      'CoachingSystemComponentDefined',
      { communityId: 'lansing', component, text: `Our ${component}.`, definedOn: '2025-06-10' },
      at('2025-06-10'),
    ),
  );
  return history;
};

const training = {
  communityId: 'lansing',
  module: 'other' as const,
  attendees: { providerIds: [], coachIds: ['c-01'] },
};
const feedback = (trainingId: string, useful: number, willUse: number, diversity: number) => ({
  communityId: 'lansing',
  trainingId,
  givenOn: '2025-09-20',
  useful,
  willUse,
  diversity,
});

describe('the coaching system view', () => {
  it('shows a registered community with every component open and the checklist at 0%', () => {
    const [kent] = systemOf(registered().events(), 'kent').communities;
    expect(kent).toMatchObject({ componentsDefined: 0, approved: null, checklistPercentComplete: 0, sharings: [] });
    expect(kent!.components.map((c) => [c.component, c.text, c.definitions])).toEqual(
      CoachingSystemComponent.values.map((component) => [component, null, 0]),
    );
    expect(kent!.checklist.map((row) => [row.item, row.status])).toEqual(
      DistrictChecklistItem.values.map((item) => [item, null]),
    );
  });

  it('shows each component’s latest text and how often it was defined', () => {
    const history = drafted().add(
      'CoachingSystemComponentDefined',
      {
        communityId: 'lansing',
        component: 'definition',
        text: 'Coaching is on-site support.',
        definedOn: '2025-06-12',
      },
      at('2025-06-12'),
    );
    const [lansing] = systemOf(history.events(), 'lansing').communities;
    expect(lansing!.componentsDefined).toBe(7);
    expect(lansing!.components[0]).toEqual({
      component: 'definition',
      title: 'Definition of coaching',
      text: 'Coaching is on-site support.',
      definedOn: '2025-06-12',
      definitions: 2,
    });
  });

  it('shows the approval, the sharings, and which coaches have reviewed the system', () => {
    const history = drafted()
      .add(
        'CoachingSystemApproved',
        { communityId: 'lansing', approvedBy: 'supt', approvedOn: '2025-06-25' },
        at('2025-06-25'),
      )
      .add(
        'CoachingSystemShared',
        { communityId: 'lansing', audience: 'coaches', sharedOn: '2025-06-26' },
        at('2025-06-26'),
      )
      .add(
        'CoachingSystemReviewed',
        { coachId: 'c-02', communityId: 'lansing', reviewedOn: '2025-06-30' },
        at('2025-06-30'),
      );
    const [lansing] = systemOf(history.events(), 'lansing').communities;
    expect(lansing).toMatchObject({
      approved: { approvedBy: 'supt', approvedOn: '2025-06-25' },
      sharings: [{ audience: 'coaches', sharedOn: '2025-06-26' }],
      coachesReviewed: 1,
      reviews: [
        { coachId: 'c-01', reviewedOn: null },
        { coachId: 'c-02', reviewedOn: '2025-06-30' },
      ],
    });
  });

  it('reads each checklist item at its latest record: a revision back out of place undoes its share of 100%', () => {
    const history = registered();
    DistrictChecklistItem.values.forEach((item) =>
      history.add(
        'DistrictChecklistItemRecorded',
        { communityId: 'lansing', item, status: 'in-place', recordedOn: '2025-09-01' },
        at('2025-09-01'),
      ),
    );
    expect(systemOf(history.events(), 'lansing').communities[0]!.checklistPercentComplete).toBe(100);
    history.add(
      'DistrictChecklistItemRecorded',
      { communityId: 'lansing', item: 'effectiveness-data', status: 'partially-in-place', recordedOn: '2025-10-01' },
      at('2025-10-01'),
    );
    const [lansing] = systemOf(history.events(), 'lansing').communities;
    expect(lansing!.checklistPercentComplete).toBe(85);
    expect(lansing!.checklist.find((row) => row.item === 'effectiveness-data')).toMatchObject({
      status: 'partially-in-place',
      recordedOn: '2025-10-01',
    });
  });

  it('counts each training’s answers and the mean of each rating, none before the first answer', () => {
    const history = registered()
      .add('TrainingHeld', { ...training, trainingId: 'tr-1', heldOn: '2025-09-20' }, at('2025-09-20'))
      .add('TrainingHeld', { ...training, trainingId: 'tr-2', heldOn: '2025-10-20' }, at('2025-10-20'))
      .add('TrainingFeedbackGiven', feedback('tr-1', 5, 4, 3), at('2025-09-20', '18:00:00.000'))
      .add('TrainingFeedbackGiven', feedback('tr-1', 4, 4, 4), at('2025-09-20', '18:00:01.000'))
      .add('TrainingFeedbackGiven', feedback('tr-1', 4, 3, 5), at('2025-09-20', '18:00:02.000'));
    const [lansing] = systemOf(history.events(), 'lansing').communities;
    expect(lansing!.trainings).toEqual([
      {
        trainingId: 'tr-1',
        module: 'other',
        heldOn: '2025-09-20',
        responses: 3,
        meanUseful: 4.33,
        meanWillUse: 3.67,
        meanDiversity: 4,
      },
      {
        trainingId: 'tr-2',
        module: 'other',
        heldOn: '2025-10-20',
        responses: 0,
        meanUseful: null,
        meanWillUse: null,
        meanDiversity: null,
      },
    ]);
  });

  it('gives leadership the checklist’s completeness and the feedback, nothing of components, approvers or coaches', () => {
    const history = drafted()
      .add(
        'CoachingSystemReviewed',
        { coachId: 'c-02', communityId: 'lansing', reviewedOn: '2025-06-30' },
        at('2025-06-30'),
      )
      .add('TrainingHeld', { ...training, trainingId: 'tr-1', heldOn: '2025-09-20' }, at('2025-09-20'));
    const reduced = leadershipCoachingSystem(systemOf(history.events(), 'lansing'));
    expect(Object.keys(reduced.communities[0]!).sort()).toEqual([
      'checklistPercentComplete',
      'communityId',
      'trainings',
    ]);
    const table = coachingSystemTable(reduced);
    expect(new Set(table.rows.map((row) => row[1]))).toEqual(new Set(['checklist-complete', 'training-feedback']));
    expect(JSON.stringify(table)).not.toContain('c-02');
  });

  it('writes one table row per line of the full view, each as wide as the header', () => {
    const view = systemOf(drafted().events(), 'lansing');
    const table = coachingSystemTable(view);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
    // Seven components, two coaches not yet reviewed, seven checklist items and the completeness line.
    expect(table.rows.length).toBe(7 + 2 + 7 + 1);
  });

  it('keeps the mean of every training between 1 and 5 whatever the answers', () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (answers) => {
          const history = registered().add(
            'TrainingHeld',
            { ...training, trainingId: 'tr-1', heldOn: '2025-09-20' },
            at('2025-09-20'),
          );
          answers.forEach(([u, w, d], i) =>
            history.add(
              'TrainingFeedbackGiven',
              feedback('tr-1', u, w, d),
              at('2025-09-21', `10:00:${String(i).padStart(2, '0')}.000`),
            ),
          );
          const [row] = systemOf(history.events(), 'lansing').communities[0]!.trainings;
          return (
            row!.responses === answers.length &&
            [row!.meanUseful, row!.meanWillUse, row!.meanDiversity].every((m) => m !== null && m >= 1 && m <= 5)
          );
        },
      ),
    ));

  it('keeps hostile ids as plain entries, never as the state’s prototype', () => {
    const history = historyBuilder()
      .add('CommunityRegistered', { communityId: 'constructor', name: 'X', kind: 'county' }, at('2025-06-01'))
      .add(
        'TrainingHeld',
        { ...training, communityId: 'constructor', trainingId: 'toString', heldOn: '2025-09-20' },
        at('2025-09-20'),
      );
    const view = systemOf(history.events());
    expect(view.communities.map((c) => [c.communityId, c.trainings.map((t) => t.trainingId)])).toEqual([
      ['constructor', ['toString']],
    ]);
  });
});
