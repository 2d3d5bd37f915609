import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, Label, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** A share of a fidelity or capacity measure, in whole percent. */
export const EffectivenessPercent = IntegerBetween(0, 100, 'EffectivenessPercent');

/** The data of the `CoachingEffectivenessRecorded` event and of the `RecordCoachingEffectiveness` command. */
export const CoachingEffectivenessRecordedData = struct('CoachingEffectivenessRecordedData', {
  teamId: Id,
  recordedOn: LocalDate,
  measure: Label,
  percent: EffectivenessPercent,
});
/** `CoachingEffectivenessRecordedData` as decoded. */
export type CoachingEffectivenessRecordedData = t.TypeOf<typeof CoachingEffectivenessRecordedData>;

/**
 * Coaching effectiveness data for a team: a measure such as the TFI's Tier 1 or the DCA, and the percent it
 * reached (`004`). Lives in the `team` stream named by its `teamId`.
 */
export const CoachingEffectivenessRecorded = defineEvent({
  type: 'CoachingEffectivenessRecorded',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'Coaching effectiveness data for a team: a measure such as the TFI’s Tier 1 or the DCA, and the percent it reached (`004`).',
  data: CoachingEffectivenessRecordedData,
});

/** Record a measure of the team's implementation on or after the day it was taken. Accepted, it records `CoachingEffectivenessRecorded`. */
export const RecordCoachingEffectiveness = defineCommand({
  type: 'RecordCoachingEffectiveness',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'Record a measure of the team’s implementation, in percent, on or after the day it was taken.',
  data: CoachingEffectivenessRecordedData,
  produces: ['CoachingEffectivenessRecorded'],
});
