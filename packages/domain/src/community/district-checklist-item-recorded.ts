import * as t from 'io-ts';
import { DistrictChecklistItem } from '../guides/mimtss-coaching-system';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Where a district stands on one item of its installation checklist. */
export const ChecklistItemStatus = oneOf('ChecklistItemStatus', 'in-place', 'partially-in-place', 'not-in-place');
export type ChecklistItemStatus = t.TypeOf<typeof ChecklistItemStatus>;

/** The data of the `DistrictChecklistItemRecorded` event and of the `RecordDistrictChecklistItem` command. */
export const DistrictChecklistItemRecordedData = struct('DistrictChecklistItemRecordedData', {
  communityId: Id,
  item: DistrictChecklistItem,
  status: ChecklistItemStatus,
  recordedOn: LocalDate,
});
/** `DistrictChecklistItemRecordedData` as decoded. */
export type DistrictChecklistItemRecordedData = t.TypeOf<typeof DistrictChecklistItemRecordedData>;

/**
 * The district implementation team updated one item of its installation checklist for the coaching system; a
 * later record of the same item revises it, until every item is in place (`004`). Lives in the `community` stream
 * named by its `communityId`.
 */
export const DistrictChecklistItemRecorded = defineEvent({
  type: 'DistrictChecklistItemRecorded',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'The district implementation team updated one item of its installation checklist for the coaching system; a later record of the item revises it (`004`).',
  data: DistrictChecklistItemRecordedData,
});

/**
 * Record where one checklist item stands, not earlier than its last record. Accepted, it records
 * `DistrictChecklistItemRecorded`.
 */
export const RecordDistrictChecklistItem = defineCommand({
  type: 'RecordDistrictChecklistItem',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Record where one item of the district installation checklist stands; a later record revises it.',
  data: DistrictChecklistItemRecordedData,
  produces: ['DistrictChecklistItemRecorded'],
});
