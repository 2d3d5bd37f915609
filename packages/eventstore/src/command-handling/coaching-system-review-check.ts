import {
  type CoachlineCommand,
  type DomainError,
  evolveState,
  type ReviewedSystemFacts,
  reviewedCommunityOf,
  streamName,
  unapprovedSystemReviewRefusal,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import type { EventStore } from '../event-store';
import { loadStream } from './load-stream';
import { type CommandFailure, systemFault } from './system-fault';

/**
 * Whether the coaching system a coach is to review is approved (`unapprovedSystemReviewRefusal`). The coach's
 * decider decides on the coach's stream alone; the approval lives in the community's stream, so it is read here,
 * before the command is handled, and handed to the domain's pure rule as facts. An approval is never taken back, so a
 * system read as approved stays so while the command is decided.
 *
 * Other commands are let through without a read. The task never rejects: a store that fails is a `SystemFault`, as
 * in `handleCommand`.
 */
export const coachingSystemReviewCheck = async (
  store: EventStore,
  command: CoachlineCommand,
): Promise<E.Either<CommandFailure, void>> => {
  const communityId = reviewedCommunityOf(command);
  if (communityId === undefined) return E.right(undefined);
  try {
    const { history } = await loadStream(store, streamName('community', communityId));
    const community = evolveState('community', history).folded as ReviewedSystemFacts;
    const data = command.data as Readonly<Record<string, unknown>>;
    const refusal: DomainError | undefined = unapprovedSystemReviewRefusal(
      { communityId, reviewedOn: String(data['reviewedOn']) },
      community,
    );
    return refusal === undefined ? E.right(undefined) : E.left(refusal);
  } catch (error) {
    return E.left(systemFault('store', `The coaching system of ${command.type} could not be checked`, error));
  }
};
