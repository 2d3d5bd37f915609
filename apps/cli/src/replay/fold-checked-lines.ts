import { decodeRecordedEvent, RecordedEvent } from '@coachline/domain';
import { AnyProjection, startFold } from '@coachline/projections';
import { FailureError } from '../commands/usage-error';
import { readEventLineBatches } from '../event-file/read-event-lines';
import type { Progress } from '../output/progress';
import { AS_PARSED, CheckedEnding, DECODED, UNREAD, VerdictMessage } from './line-verdicts';

type FoldResult = ReturnType<ReturnType<typeof startFold>['result']>;

/**
 * Folds the lines of a file that another reader checks (`checkEventFile`), in file order, taking
 * each line only as its verdict allows: a line the check refused, and every line after it,
 * never reaches the view. Only the lines whose type the view reads are parsed here; the check
 * parses them all. The fold's result, or a FailureError with the check's report.
 */
export const foldCheckedLines = async (
  file: string,
  projection: AnyProjection,
  asOf: string | undefined,
  verdicts: AsyncIterator<VerdictMessage>,
  progress: Progress,
): Promise<FoldResult> => {
  const fold = startFold(projection, asOf === undefined ? {} : { asOf });
  let ending: CheckedEnding | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let at = 0;
  /** The next line's verdict, or undefined once the check has ended (having refused a line). */
  const verdictAfterWait = async (): Promise<number | undefined> => {
    while (at === pending.length && ending === undefined) {
      const next = await verdicts.next();
      if (next.done) throw new Error('the check of the event file ended without its report');
      if (next.value.kind === 'end') ending = next.value.ending;
      else [pending, at] = [next.value.verdicts, 0];
    }
    return ending === undefined ? pending[at++] : undefined;
  };

  let count = 0;
  let refused = false;
  const batches = readEventLineBatches(file);
  try {
    reading: for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const lines = next.value;
      for (let i = 0; i < lines.length; i++) {
        const verdict = at < pending.length ? pending[at++] : await verdictAfterWait();
        if (verdict === AS_PARSED || verdict === DECODED) fold.push(eventOf(lines[i]!.text, verdict));
        else if (verdict !== UNREAD) {
          refused = true;
          break reading;
        }
        progress.tick(++count);
      }
    }
  } finally {
    await batches.return(undefined);
  }
  let unfolded = pending.length - at;
  while (ending === undefined) {
    const next = await verdicts.next();
    if (next.done) throw new Error('the check of the event file ended without its report');
    if (next.value.kind === 'end') ending = next.value.ending;
    else unfolded += next.value.verdicts.length;
  }
  if (ending.failure !== undefined) throw new FailureError(ending.failure);
  // A good file whose lines the two readers counted differently changed while it was read.
  if (refused || unfolded > 0) throw new Error('the event file changed while it was replayed');
  const { latestRecordedAt } = ending;
  return { ...fold.result(), ...(latestRecordedAt === undefined ? {} : { latestRecordedAt }) };
};

const eventOf = (text: string, verdict: number): RecordedEvent => {
  const json: unknown = JSON.parse(text);
  if (verdict === AS_PARSED) return json as RecordedEvent;
  const decoded = decodeRecordedEvent(json);
  // The check decoded this very text: failing now means the file changed under the replay.
  if (decoded._tag === 'Left')
    throw new Error(`an event the check accepted no longer decodes: ${decoded.left.message}`);
  return decoded.right;
};
