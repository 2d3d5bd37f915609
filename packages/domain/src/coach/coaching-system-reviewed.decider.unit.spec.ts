import { command, deciderSpec } from '../testing';
import { CoachCommand } from './coach.commands';
import { coachDecider } from './coach.decider';
import { CoachEvent } from './coach.events';
import { unapprovedSystemReviewRefusal, reviewedCommunityOf } from './coaching-system-review';

const spec = deciderSpec(coachDecider);

const registered: CoachEvent = {
  type: 'CoachRegistered',
  data: { coachId: 'c-07', communityId: 'lansing', name: 'Noor Haddad', role: 'coach' },
};
const review = { coachId: 'c-07', communityId: 'lansing', reviewedOn: '2025-10-21' };
const reviewed: CoachEvent = { type: 'CoachingSystemReviewed', data: review };

describe('a coach reviews a coaching system (004)', () => {
  const reviewSystem = (data: Partial<typeof review> = {}) =>
    command<CoachCommand>('ReviewCoachingSystem', { ...review, ...data });

  it('records the review', () => spec.given([registered]).when(reviewSystem()).then([reviewed]));
  it('refuses a second review of the same community’s system', () =>
    spec
      .given([registered, reviewed])
      .when(reviewSystem({ reviewedOn: '2026-01-05' }))
      .thenFails('coaching-system-already-reviewed', ['data.communityId']));
  it('reviews another community’s system too', () =>
    spec
      .given([registered, reviewed])
      .when(reviewSystem({ communityId: 'kent' }))
      .then([{ type: 'CoachingSystemReviewed', data: { ...review, communityId: 'kent' } }]));
  it('refuses a coach never registered', () =>
    spec.given([]).when(reviewSystem()).thenFails('coach-not-registered', ['data.coachId']));
});

describe('the review needs the community’s approved system', () => {
  const approved = { registered: true, coachingSystemApproved: true, coachingSystemApprovedOn: '2025-10-15' };

  it('lets a review of the approved system through, on the day of approval or later', () => {
    expect(unapprovedSystemReviewRefusal(review, approved)).toBeUndefined();
    expect(unapprovedSystemReviewRefusal({ ...review, reviewedOn: '2025-10-15' }, approved)).toBeUndefined();
  });
  it('refuses a system still being drafted, naming the community', () =>
    expect(unapprovedSystemReviewRefusal(review, { registered: true, coachingSystemApproved: false })).toMatchObject({
      code: 'coaching-system-not-approved',
      errors: [{ path: 'data.communityId' }],
    }));
  it('refuses a review dated before the approval', () =>
    expect(unapprovedSystemReviewRefusal({ ...review, reviewedOn: '2025-10-14' }, approved)).toMatchObject({
      code: 'reviewed-before-approval',
      errors: [{ path: 'data.reviewedOn' }],
    }));
  it('refuses a community never registered', () =>
    expect(unapprovedSystemReviewRefusal(review, { registered: false, coachingSystemApproved: false })).toMatchObject({
      code: 'community-not-registered',
      errors: [{ path: 'data.communityId' }],
    }));
  it('names the community of a review command and of no other', () => {
    expect(reviewedCommunityOf({ type: 'ReviewCoachingSystem', data: review })).toBe('lansing');
    expect(reviewedCommunityOf({ type: 'AttendReflectiveConsultation', data: review })).toBeUndefined();
  });
});
