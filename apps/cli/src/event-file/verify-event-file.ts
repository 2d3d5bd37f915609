import * as E from 'fp-ts/Either';
import { RecordedEvent } from '@coachline/domain';
import { historyRules } from './history-rules';
import { LineError } from './line-error';
import { parseEventLine } from './parse-event-line';
import { readEventLines } from './read-event-lines';

export interface Verification {
  readonly events: number;
  readonly errors: ReadonlyArray<LineError>;
}

/**
 * Checks every line of an event file (shape, dates, ids, unknown types, duplicate ids and the
 * rules that need history) and reports every error found, not just the first.
 */
export const verifyEventFile = async (file: string, onEvent?: (count: number) => void): Promise<Verification> => {
  const rules = historyRules();
  const errors: LineError[] = [];
  let events = 0;
  for await (const line of readEventLines(file)) {
    const parsed = parseEventLine(line);
    if (E.isLeft(parsed)) errors.push(...parsed.left);
    else errors.push(...rules.check(parsed.right, line.number));
    onEvent?.(++events);
  }
  return { events, errors };
};

/** The events of a file already verified, decoded again as they stream past (memory stays flat). */
export async function* eventsOf(file: string): AsyncGenerator<RecordedEvent> {
  for await (const line of readEventLines(file)) {
    const parsed = parseEventLine(line);
    if (E.isLeft(parsed)) throw new Error(`${file}:${line.number}: changed while it was being read`);
    yield parsed.right;
  }
}
