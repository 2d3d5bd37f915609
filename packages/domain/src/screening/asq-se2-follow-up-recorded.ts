import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { personal, personalInput } from '../kernel/personal';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The action is free text about the child, so it is personal: stored sealed, erased with the child's key. */
export const AsqSe2FollowUpRecordedData = struct('AsqSe2FollowUpRecordedData', {
  screeningId: Id,
  action: personal(Text, 'the follow-up action, a non-blank text'),
  on: LocalDate,
});
export type AsqSe2FollowUpRecordedData = t.TypeOf<typeof AsqSe2FollowUpRecordedData>;

/** The data of the `RecordAsqSe2FollowUp` command. */
export const RecordAsqSe2FollowUpData = struct('RecordAsqSe2FollowUpData', {
  screeningId: Id,
  action: personalInput(Text, 'the follow-up action, a non-blank text of at most 10000 characters'),
  on: LocalDate,
});
/** `RecordAsqSe2FollowUpData` as decoded. */
export type RecordAsqSe2FollowUpData = t.TypeOf<typeof RecordAsqSe2FollowUpData>;

/**
 * Something was done in response to a scored ASQ-SE2: a referral, a rescreen, a talk with the family. Lives in the
 * `screening` stream named by its `screeningId`.
 */
export const AsqSe2FollowUpRecorded = defineEvent({
  type: 'AsqSe2FollowUpRecorded',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Something was done in response to a scored ASQ-SE2: a referral, a rescreen, a talk with the family.',
  data: AsqSe2FollowUpRecordedData,
  personal: ['action'],
});

/**
 * Record a follow-up to a scored ASQ-SE2, taken on or after the day it was scored. Accepted, it records
 * `AsqSe2FollowUpRecorded`.
 */
export const RecordAsqSe2FollowUp = defineCommand({
  type: 'RecordAsqSe2FollowUp',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Record a follow-up to a scored ASQ-SE2, taken on or after the day it was scored.',
  data: RecordAsqSe2FollowUpData,
  produces: ['AsqSe2FollowUpRecorded'],
});
