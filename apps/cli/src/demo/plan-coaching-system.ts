import { ChecklistItemStatus, CoachingSystemAudience, DistrictChecklistItem } from '@coachline/domain';
import { Issued } from './command-schedule';
import { Day, dateOf, DemoMonth, instantAt, weekdayFrom, MS_PER_SECOND } from './demo-calendar';
import { DemoContext } from './demo-context';
import { monthOfYear } from './plan-onboarding';

/**
 * The district coaching system at work (`004`): once approved it is shared with the implementation team and the
 * coaches, each coach reviews it, the team brings its installation checklist to 100% over the year, and each
 * training's participants answer the feedback survey. Nothing here draws on the demo's randomness: the rest of the
 * year is the same with or without these acts.
 */

const AUDIENCES: ReadonlyArray<CoachingSystemAudience> = ['implementation-teams', 'coaches'];

/**
 * Shares the approved system, the implementation team first, on the working days after approval; answers the day
 * the coaches got it.
 */
export const planCoachingSystemSharing = (context: DemoContext, approvedOn: Day): Day => {
  const { schedule, program } = context;
  let sharedOn = approvedOn;
  AUDIENCES.forEach((audience, index) => {
    sharedOn = weekdayFrom(sharedOn + 1);
    schedule.issue(
      'ShareCoachingSystem',
      { communityId: program.community.communityId, audience, sharedOn: dateOf(sharedOn) },
      { at: instantAt(sharedOn, 16 * 60 + 10 * index), actor: program.community.admin },
    );
  });
  return sharedOn;
};

/** Each coach reviews the shared system within the week after it reaches them, a few each day. */
export const planCoachingSystemReviews = (context: DemoContext, sharedWithCoachesOn: Day): void => {
  const { schedule, program } = context;
  program.coaches.forEach((coach, index) => {
    const reviewedOn = weekdayFrom(sharedWithCoachesOn + 1 + (index % 5));
    schedule.issue(
      'ReviewCoachingSystem',
      { coachId: coach.coachId, communityId: program.community.communityId, reviewedOn: dateOf(reviewedOn) },
      { at: instantAt(reviewedOn, 17 * 60 + ((index * 7) % 180)), actor: coach.actor },
    );
  });
};

/**
 * Where each checklist item stands after each of the year's checklist updates: the system's own items are in place
 * from the start, selection and plans follow the first coaching months, and effectiveness data once the first
 * cycles are reviewed.
 */
const CHECKLIST_UPDATES: ReadonlyArray<{
  readonly monthOfYear: number;
  readonly items: ReadonlyArray<readonly [DistrictChecklistItem, ChecklistItemStatus]>;
}> = [
  {
    monthOfYear: 0,
    items: [
      ['system-drafted', 'in-place'],
      ['system-approved', 'in-place'],
      ['shared-with-dit', 'in-place'],
      ['shared-with-coaches', 'in-place'],
      ['coaches-selected', 'partially-in-place'],
      ['service-delivery-plans', 'not-in-place'],
      ['effectiveness-data', 'not-in-place'],
    ],
  },
  {
    monthOfYear: 2,
    items: [
      ['coaches-selected', 'in-place'],
      ['service-delivery-plans', 'partially-in-place'],
    ],
  },
  {
    monthOfYear: 4,
    items: [
      ['service-delivery-plans', 'in-place'],
      ['effectiveness-data', 'partially-in-place'],
    ],
  },
  { monthOfYear: 8, items: [['effectiveness-data', 'in-place']] },
];

/** The implementation team's checklist update of the month, on its first working day after the fifth. */
export const planChecklistUpdate = (context: DemoContext, month: DemoMonth): void => {
  const update = CHECKLIST_UPDATES.find((candidate) => candidate.monthOfYear === monthOfYear(month.first));
  if (!update) return;
  const { schedule, program } = context;
  const recordedOn = weekdayFrom(month.first + 5);
  update.items.forEach(([item, status], index) => {
    schedule.issue(
      'RecordDistrictChecklistItem',
      { communityId: program.community.communityId, item, status, recordedOn: dateOf(recordedOn) },
      { at: instantAt(recordedOn, 15 * 60, index), actor: program.community.admin },
    );
  });
};

/** At most this many answers to one training's survey: a room's worth answer, not every attendee. */
const ANSWERS_AT_MOST = 12;

/** A rating from 1 to 5 that leans favourable, spread by the answer and the training. */
const rating = (low: number, spread: number, answer: number, training: number): number =>
  low + ((answer * 3 + training * 5) % spread);

/**
 * About two in three attendees answer the survey at the end of the session, entered as the training is recorded;
 * the answers carry no one's id.
 */
export const planTrainingFeedback = (
  context: DemoContext,
  recorded: Issued,
  training: { readonly trainingId: string; readonly heldOn: Day; readonly attendees: number; readonly ordinal: number },
): void => {
  const { schedule, program } = context;
  const answers = Math.min(ANSWERS_AT_MOST, Math.max(1, Math.ceil((training.attendees * 2) / 3)));
  for (let answer = 0; answer < answers; answer++) {
    schedule.issue(
      'GiveTrainingFeedback',
      {
        communityId: program.community.communityId,
        trainingId: training.trainingId,
        givenOn: dateOf(training.heldOn),
        useful: rating(3, 3, answer, training.ordinal),
        willUse: rating(2, 4, answer + 1, training.ordinal),
        diversity: rating(3, 3, answer + 2, training.ordinal),
      },
      { at: recorded.at + (answer + 1) * MS_PER_SECOND, actor: program.community.admin, causedBy: recorded },
    );
  }
};
