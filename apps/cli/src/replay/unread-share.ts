import { startFold } from '@coachline/projections';
import { projectionFor } from '../commands/view-selection';
import { checkShare, ShareChecked, ShareOptions } from './check-share';

export interface UnreadShareChecked extends ShareChecked {
  /** The latest `recordedAt` of the share's events (as of the moment asked). */
  readonly latestRecordedAt?: string;
}

/** The checking thread's work: the lines whose type the view does not read, validated and timed. */
export const checkUnreadShare = async (options: ShareOptions): Promise<UnreadShareChecked> => {
  // A fold routing no event type keeps the latest instant, and the as-of rule, exactly as the view's fold does.
  const clock = startFold(
    { ...projectionFor(options), eventTypes: [] },
    options.asOf === undefined ? {} : { asOf: options.asOf },
  );
  const checked = await checkShare(options, 'unread', clock);
  const { latestRecordedAt } = clock.result();
  return latestRecordedAt === undefined ? checked : { ...checked, latestRecordedAt };
};
