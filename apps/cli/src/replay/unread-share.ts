import { startFold } from '@coachline/projections';
import { projectionFor } from '../commands/view-selection';
import { CheckingShareChecked, checkShares, ShareOptions } from './check-share';
import type { MainBatch } from './main-batch';

export interface UnreadShareChecked extends CheckingShareChecked {
  /** The latest `recordedAt` of the unread share's events (as of the moment asked). */
  readonly latestRecordedAt?: string;
}

/**
 * The checking thread's work: the file read, the lines whose type the view does not read
 * validated and timed, the handed lines validated and recorded; `hand` takes what is for the
 * main thread a chunk of the file at a time; `taken` counts the batches the main thread has taken.
 */
export const checkUnreadShare = async (
  options: ShareOptions,
  hand: (batch: MainBatch) => void,
  taken?: Int32Array,
): Promise<UnreadShareChecked> => {
  // A fold routing no event type keeps the latest instant, and the as-of rule, exactly as the view's fold does.
  const clock = startFold(
    { ...projectionFor(options), eventTypes: [] },
    options.asOf === undefined ? {} : { asOf: options.asOf },
  );
  const checked = await checkShares(options, hand, clock, taken);
  const { latestRecordedAt } = clock.result();
  return latestRecordedAt === undefined ? checked : { ...checked, latestRecordedAt };
};
