/** Server-side filters of $all reads and subscriptions: on stream name or event type, by prefixes or a regex. */
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './in-memory-log';

export type RecordFilter = (record: LogRecord) => boolean;

export const acceptEveryRecord: RecordFilter = () => true;

const expressionMatcher = (expression: ReadReq.Options.FilterOptions.Expression): ((value: string) => boolean) => {
  const regex = expression.getRegex();
  if (regex !== '') {
    const pattern = new RegExp(regex);
    return (value) => pattern.test(value);
  }
  const prefixes = expression.getPrefixList();
  return (value) => prefixes.some((prefix) => value.startsWith(prefix));
};

export const recordFilter = (options: ReadReq.Options): RecordFilter => {
  const filter = options.getFilter();
  if (!options.hasFilter() || filter === undefined) return acceptEveryRecord;
  const streamExpression = filter.getStreamIdentifier();
  if (filter.hasStreamIdentifier() && streamExpression !== undefined) {
    const matches = expressionMatcher(streamExpression);
    return (record) => matches(record.stream);
  }
  const typeExpression = filter.getEventType();
  if (filter.hasEventType() && typeExpression !== undefined) {
    const matches = expressionMatcher(typeExpression);
    return (record) => matches(record.type);
  }
  return acceptEveryRecord;
};
