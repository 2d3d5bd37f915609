import { ruleBroken, DomainError } from '../kernel/domain-error';

/** The community a command has a coach review the coaching system of, if it is such a command. */
export const reviewedCommunityOf = (command: { readonly type: string; readonly data: unknown }): string | undefined =>
  command.type === 'ReviewCoachingSystem'
    ? String((command.data as Readonly<Record<string, unknown>>)['communityId'])
    : undefined;

/** What the review rule needs to know of the community's stream. */
export interface ReviewedSystemFacts {
  readonly registered: boolean;
  readonly coachingSystemApproved: boolean;
  readonly coachingSystemApprovedOn?: string;
}

/**
 * A coach reviews the coaching system executive leadership approved, to understand their role by it (`004`): a
 * system still being drafted, or a community never registered, has nothing to review yet, and a review is dated on
 * or after the approval. The coach's decider sees only the coach's stream, so the community's facts are handed in.
 */
export const unapprovedSystemReviewRefusal = (
  review: { readonly communityId: string; readonly reviewedOn: string },
  community: ReviewedSystemFacts,
): DomainError | undefined => {
  if (!community.registered)
    return ruleBroken(
      'community-not-registered',
      `No community ${review.communityId} is registered.`,
      'data.communityId',
    );
  const approvedOn = community.coachingSystemApprovedOn;
  if (!community.coachingSystemApproved || approvedOn === undefined)
    return ruleBroken(
      'coaching-system-not-approved',
      `The coaching system of ${review.communityId} is not yet approved, so there is nothing to review.`,
      'data.communityId',
    );
  if (review.reviewedOn < approvedOn)
    return ruleBroken(
      'reviewed-before-approval',
      `The coaching system of ${review.communityId} was approved on ${approvedOn}; it is reviewed that day or later.`,
      'data.reviewedOn',
    );
  return undefined;
};
