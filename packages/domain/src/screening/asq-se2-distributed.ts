import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { personal, personalInput } from '../kernel/personal';
import { Id, LocalDate, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';
import { AsqSe2AgeInterval } from './asq-se2-age-interval';

const required = {
  screeningId: Id,
  providerId: Id,
  /** A pseudonym for the child, kept in the clear so the child's screenings can be found and erased (rule 11). */
  childRef: Id,
  ageIntervalMonths: AsqSe2AgeInterval,
  distributedOn: LocalDate,
};

/** The child's name and birth date are never stored in the clear: the store seals them under the child's key. */
export const AsqSe2DistributedData = struct('AsqSe2DistributedData', required, {
  childName: personal(Text, 'the child’s name'),
  childBirthDate: personal(LocalDate, 'the child’s birth date YYYY-MM-DD'),
});
export type AsqSe2DistributedData = t.TypeOf<typeof AsqSe2DistributedData>;

/** A command carries the plain values only; sealing is the store's work. */
export const DistributeAsqSe2Data = struct('DistributeAsqSe2Data', required, {
  childName: personalInput(Text, 'the child’s name, a non-blank text of at most 10000 characters'),
  childBirthDate: personalInput(LocalDate, 'the child’s birth date, a calendar date YYYY-MM-DD'),
});
export type DistributeAsqSe2Data = t.TypeOf<typeof DistributeAsqSe2Data>;

/**
 * An ASQ-SE2 questionnaire for a child in a provider’s care was handed out for the family to complete (within the
 * first two months, rule 3). Lives in the `screening` stream named by its `screeningId`.
 */
export const AsqSe2Distributed = defineEvent({
  type: 'AsqSe2Distributed',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description:
    'An ASQ-SE2 questionnaire for a child in a provider’s care was handed out for the family to complete (within the first two months, rule 3).',
  data: AsqSe2DistributedData,
  personal: ['childName', 'childBirthDate'],
});

/**
 * Open a screening by distributing the ASQ-SE2 questionnaire of the child’s age interval, once. Accepted, it
 * records `AsqSe2Distributed`.
 */
export const DistributeAsqSe2 = defineCommand({
  type: 'DistributeAsqSe2',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Open a screening by distributing the ASQ-SE2 questionnaire of the child’s age interval, once.',
  data: DistributeAsqSe2Data,
  produces: ['AsqSe2Distributed'],
});
