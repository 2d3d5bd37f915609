import * as E from 'fp-ts/Either';
import { decodeRecordedEvent, RecordedEvent } from '@coachline/domain';
import { LineError, lineErrorsOf } from './line-error';
import { NumberedLine } from './read-event-lines';

/** One line of the event file: JSON, then the envelope and data codecs (every version, upcast). */
export const parseEventLine = (line: NumberedLine): E.Either<LineError[], RecordedEvent> => {
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch (error) {
    return E.left([{ line: line.number, path: '(line)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const decoded = decodeRecordedEvent(json);
  return E.isLeft(decoded) ? E.left(lineErrorsOf(line.number, decoded.left)) : decoded;
};
