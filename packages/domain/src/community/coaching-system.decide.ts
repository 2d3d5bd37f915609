import * as E from 'fp-ts/Either';
import { accept, CommandFor, refuse } from '../kernel/decider';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { ShareCoachingSystem } from './coaching-system-shared';
import { CommunityEvent } from './community.events';
import { CommunityState } from './community.state';
import { RecordDistrictChecklistItem } from './district-checklist-item-recorded';
import { GiveTrainingFeedback } from './training-feedback-given';

type Decision = E.Either<DomainError, ReadonlyArray<CommunityEvent>>;

/**
 * Only the approved system is shared: it is what coaches and implementation teams are to understand their role
 * by (`004`). It may be shared again, as new coaches and team members join.
 */
export const shareCoachingSystem = (
  command: CommandFor<typeof ShareCoachingSystem>,
  state: CommunityState,
): Decision => {
  const { sharedOn } = command.data;
  const approvedOn = state.coachingSystemApprovedOn;
  if (!state.coachingSystemApproved || approvedOn === undefined)
    return refuse(
      ruleBroken(
        'coaching-system-not-approved',
        'The coaching system is shared once executive leadership has approved it.',
        'data.communityId',
      ),
    );
  if (sharedOn < approvedOn)
    return refuse(
      ruleBroken(
        'shared-before-approval',
        `The coaching system was approved on ${approvedOn}; it cannot be shared before.`,
        'data.sharedOn',
      ),
    );
  return accept({ type: 'CoachingSystemShared', data: command.data });
};

/** A later record of an item revises it, so records of one item come in the order of their days. */
export const recordChecklistItem = (
  command: CommandFor<typeof RecordDistrictChecklistItem>,
  state: CommunityState,
): Decision => {
  const { item, recordedOn } = command.data;
  const last = state.checklistRecordedOn.get(item);
  if (last !== undefined && recordedOn < last)
    return refuse(
      ruleBroken(
        'checklist-record-out-of-order',
        `Checklist item ${item} was last recorded on ${last}; a revision is dated that day or later.`,
        'data.recordedOn',
      ),
    );
  return accept({ type: 'DistrictChecklistItemRecorded', data: command.data });
};

/** Feedback answers a training this community held, and is given at its end or later (`004`). */
export const giveTrainingFeedback = (
  command: CommandFor<typeof GiveTrainingFeedback>,
  state: CommunityState,
): Decision => {
  const { trainingId, givenOn } = command.data;
  const heldOn = state.trainings.get(trainingId);
  if (heldOn === undefined)
    return refuse(
      ruleBroken(
        'training-not-recorded',
        'Feedback answers a training this community has recorded.',
        'data.trainingId',
      ),
    );
  if (givenOn < heldOn)
    return refuse(
      ruleBroken(
        'feedback-before-training',
        `Training ${trainingId} was held on ${heldOn}; its feedback is given that day or later.`,
        'data.givenOn',
      ),
    );
  return accept({ type: 'TrainingFeedbackGiven', data: command.data });
};
