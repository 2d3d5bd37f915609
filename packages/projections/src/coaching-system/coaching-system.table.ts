import type { ViewTable } from '../projection';
import type { CoachingSystemView, LeadershipCoachingSystemView, TrainingFeedbackRow } from './coaching-system.view';

const HEADER = [
  'communityId',
  'section',
  'id',
  'title',
  'status',
  'on',
  'text',
  'responses',
  'meanUseful',
  'meanWillUse',
  'meanDiversity',
];

type Row = ReadonlyArray<string | number | boolean | null>;

const trainingRow = (communityId: string, training: TrainingFeedbackRow): Row => [
  communityId,
  'training-feedback',
  training.trainingId,
  training.module,
  null,
  training.heldOn,
  null,
  training.responses,
  training.meanUseful,
  training.meanWillUse,
  training.meanDiversity,
];

const completeRow = (communityId: string, percent: number): Row => [
  communityId,
  'checklist-complete',
  null,
  null,
  `${percent}%`,
  null,
  null,
  null,
  null,
  null,
  null,
];

/**
 * One row per line of the system, its section naming which: each component, the approval, each sharing, each coach's
 * review, each checklist item, the checklist's completeness, and each training's feedback. Leadership's form has the
 * last two sections only.
 */
export const coachingSystemTable = (view: CoachingSystemView | LeadershipCoachingSystemView): ViewTable => ({
  header: HEADER,
  rows: view.communities.flatMap((community): Row[] => {
    const { communityId } = community;
    const summary = [
      completeRow(communityId, community.checklistPercentComplete),
      ...community.trainings.map((training) => trainingRow(communityId, training)),
    ];
    if (!('components' in community)) return summary;
    const none = [null, null, null, null];
    return [
      ...community.components.map((c): Row => [
        communityId,
        'component',
        c.component,
        c.title,
        c.definitions === 0 ? 'open' : c.definitions === 1 ? 'defined' : 'revised',
        c.definedOn,
        c.text,
        ...none,
      ]),
      ...(community.approved
        ? [
            [
              communityId,
              'approval',
              community.approved.approvedBy,
              null,
              'approved',
              community.approved.approvedOn,
              null,
              ...none,
            ],
          ]
        : []),
      ...community.sharings.map((s): Row => [
        communityId,
        'sharing',
        s.audience,
        null,
        'shared',
        s.sharedOn,
        null,
        ...none,
      ]),
      ...community.reviews.map((r): Row => [
        communityId,
        'review',
        r.coachId,
        null,
        r.reviewedOn === null ? 'not-reviewed' : 'reviewed',
        r.reviewedOn,
        null,
        ...none,
      ]),
      ...community.checklist.map((item): Row => [
        communityId,
        'checklist',
        item.item,
        item.title,
        item.status,
        item.recordedOn,
        null,
        ...none,
      ]),
      ...summary,
    ];
  }),
});
