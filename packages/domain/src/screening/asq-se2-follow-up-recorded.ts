import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate, Text } from '../shared/primitives';
import { struct } from '../shared/struct';

export const AsqSe2FollowUpRecordedData = struct('AsqSe2FollowUpRecordedData', {
  screeningId: Id,
  action: Text,
  on: LocalDate,
});
export type AsqSe2FollowUpRecordedData = t.TypeOf<typeof AsqSe2FollowUpRecordedData>;

export const AsqSe2FollowUpRecorded = defineEvent({
  type: 'AsqSe2FollowUpRecorded',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Something was done in response to a scored ASQ-SE2: a referral, a rescreen, a talk with the family.',
  data: AsqSe2FollowUpRecordedData,
});

export const RecordAsqSe2FollowUp = defineCommand({
  type: 'RecordAsqSe2FollowUp',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Record a follow-up to a scored ASQ-SE2, taken on or after the day it was scored.',
  data: AsqSe2FollowUpRecordedData,
  produces: ['AsqSe2FollowUpRecorded'],
});
