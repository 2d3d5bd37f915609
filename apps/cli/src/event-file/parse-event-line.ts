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
  const errors: LineError[] = [];
  const json = jsonInto(line, errors);
  return errors.length > 0 ? E.left(errors) : E.right(json);
};

/** A line's JSON, or undefined with why it is not JSON any store could keep added to `errors`. */
const jsonInto = (line: NumberedLine, errors: LineError[]): unknown => {
  if (line.unreadable !== undefined) {
    errors.push({ line: line.number, path: '(line)', message: line.unreadable });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(line.text);
  } catch (error) {
    errors.push({ line: line.number, path: '(line)', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const unstorable = unstorableJson(line.text, json);
  if (unstorable.length === 0) return json;
  errors.push(...atMost(unstorable.map((e) => ({ line: line.number, ...e }))));
  return undefined;
};

/**
 * One line of the event file: JSON, then the envelope and data codecs (every version, upcast).
 * The event, or undefined with the line's errors added to `errors`: a replay runs this once per
 * event, so it makes no Either of its own and keeps nothing of the line as written.
 */
export const readEventLine = (line: NumberedLine, errors: LineError[]): RecordedEvent | undefined => {
  const before = errors.length;
  const json = jsonInto(line, errors);
  if (errors.length > before) return undefined;
  const decoded = decodeRecordedEvent(json);
  if (decoded._tag === 'Right') return decoded.right;
  errors.push(...atMost(lineErrorsOf(line.number, decoded.left)));
  return undefined;
};

/** `readEventLine` as an Either. */
export const parseEventLine = (line: NumberedLine): E.Either<LineError[], RecordedEvent> => {
  const errors: LineError[] = [];
  const event = readEventLine(line, errors);
  return event === undefined ? E.left(errors) : E.right(event);
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
