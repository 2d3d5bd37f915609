import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate, Month } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ReflectiveConsultationAttended` event and of the `AttendReflectiveConsultation` command. */
export const ReflectiveConsultationAttendedData = struct('ReflectiveConsultationAttendedData', {
  coachId: Id,
  month: Month,
  heldOn: LocalDate,
  durationMinutes: IntegerBetween(1, 480, 'ConsultationMinutes'),
});
/** `ReflectiveConsultationAttendedData` as decoded. */
export type ReflectiveConsultationAttendedData = t.TypeOf<typeof ReflectiveConsultationAttendedData>;

/**
 * A coach attended the month’s Reflective Consultation (required monthly, rule 8). Lives in the `coach` stream
 * named by its `coachId`.
 */
export const ReflectiveConsultationAttended = defineEvent({
  type: 'ReflectiveConsultationAttended',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'A coach attended the month’s Reflective Consultation (required monthly, rule 8).',
  data: ReflectiveConsultationAttendedData,
});

/**
 * Record that the coach attended Reflective Consultation for a month. Accepted, it records
 * `ReflectiveConsultationAttended`.
 */
export const AttendReflectiveConsultation = defineCommand({
  type: 'AttendReflectiveConsultation',
  streamKind: 'coach',
  streamIdField: 'coachId',
  description: 'Record that the coach attended Reflective Consultation for a month.',
  data: ReflectiveConsultationAttendedData,
  produces: ['ReflectiveConsultationAttended'],
});
