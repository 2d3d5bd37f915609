import * as E from 'fp-ts/Either';
import { decodeRecordedEvent, RecordedEvent, unstorableJson } from '@coachline/domain';
import { LineError, lineErrorsOf } from './line-error';
import { NumberedLine } from './read-event-lines';

/**
 * The most errors reported for one line: a field holding a million wrong values is one
 * mistake, and listing each would bury the rest of the file.
 */
export const ERRORS_PER_LINE = 20;

const atMost = (errors: LineError[]): LineError[] =>
  errors.length <= ERRORS_PER_LINE
    ? errors
    : [
        ...errors.slice(0, ERRORS_PER_LINE),
        {
          line: errors[0]!.line,
          path: '(line)',
          message: `${errors.length - ERRORS_PER_LINE} more error(s) on this line not listed`,
        },
      ];

/**
 * A line's event as read (upcast to the current schema version) and the schema version and data
 * as written, which are what its hash covers.
 */
export interface ParsedEventLine {
  readonly event: RecordedEvent;
  readonly written: { readonly schemaVersion: number; readonly data: unknown };
}

/** A line's JSON, or why it is not JSON any store could keep. */
const jsonOf = (line: NumberedLine): E.Either<LineError[], unknown> => {
  if (line.unreadable !== undefined) return E.left([{ line: line.number, path: '(line)', message: line.unreadable }]);
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch (error) {
    return E.left([{ line: line.number, path: '(line)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const unstorable = unstorableJson(line.text, json);
  if (unstorable.length > 0) return E.left(atMost(unstorable.map((e) => ({ line: line.number, ...e }))));
  return E.right(json);
};

/** One line of the event file: JSON, then the envelope and data codecs (every version, upcast). */
export const parseEventLine = (line: NumberedLine): E.Either<LineError[], RecordedEvent> => {
  // Plain branches, and nothing kept of the line as written: a replay runs this once per event.
  const json = jsonOf(line);
  if (E.isLeft(json)) return json;
  const decoded = decodeRecordedEvent(json.right);
  return E.isLeft(decoded) ? E.left(atMost(lineErrorsOf(line.number, decoded.left))) : decoded;
};

export const parseEventLineAsWritten = (line: NumberedLine): E.Either<LineError[], ParsedEventLine> => {
  const json = jsonOf(line);
  if (E.isLeft(json)) return json;
  const decoded = decodeRecordedEvent(json.right);
  if (E.isLeft(decoded)) return E.left(atMost(lineErrorsOf(line.number, decoded.left)));
  // The envelope decoded, so the line is an object with both fields.
  const { schemaVersion, data } = json.right as ParsedEventLine['written'];
  return E.right({ event: decoded.right, written: { schemaVersion, data } });
};
