import { RecordedEvent } from '@coachline/domain';
import { selectedStreams } from '../commands/view-selection';
import { MAX_LINE_ERRORS } from '../event-file/line-error-limit';
import type { Progress } from '../output/progress';
import { refusals, ShareChecked, ShareOptions } from './check-share';
import { eachItem } from './main-batch';
import type { MainBatches } from './main-batches';

interface Fold {
  push(event: RecordedEvent): void;
}

/**
 * The main thread's work, as the checking thread hands it over in file order: each line of the
 * `read` share parsed and validated exactly as a one-thread replay checks it, and its event
 * folded; each event of the `handed` share folded; until a line of this share is refused. With
 * enough errors of its own to stop a replay, it checks no further.
 */
export const foldMainShare = async (
  options: ShareOptions,
  batches: MainBatches,
  fold: Fold,
  progress?: Progress,
): Promise<ShareChecked> => {
  const named = new Set(selectedStreams(options));
  const seen = new Set<string>();
  const checked = refusals();
  const folded = (event: RecordedEvent | undefined) => {
    if (event === undefined || checked.count > 0) return;
    fold.push(event);
    if (named.size > 0 && named.has(event.stream)) seen.add(event.stream);
  };
  for (let batch = await batches.next(); batch !== undefined; batch = await batches.next()) {
    if (checked.count < MAX_LINE_ERRORS)
      eachItem(
        batch,
        (line, ordinal) => {
          if (checked.count < MAX_LINE_ERRORS) folded(checked.read(line, ordinal));
        },
        folded,
      );
    progress?.tick(batch.through);
  }
  return { refused: checked.refused, seen: [...seen] };
};
