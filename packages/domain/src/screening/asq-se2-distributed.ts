import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../shared/event-definition';
import { Id, LocalDate } from '../shared/primitives';
import { forbiddenField, struct } from '../shared/struct';
import { AsqSe2AgeInterval } from './asq-se2-age-interval';

export const AsqSe2DistributedData = struct(
  'AsqSe2DistributedData',
  {
    screeningId: Id,
    providerId: Id,
    /** A pseudonym for the child, keyed per child so erasing the key makes it unreadable (rule 11). */
    childRef: Id,
    ageIntervalMonths: AsqSe2AgeInterval,
    distributedOn: LocalDate,
  },
  { childName: forbiddenField('a screening names the child only by a pseudonymous childRef, never by name (rule 11)') },
);
export type AsqSe2DistributedData = t.TypeOf<typeof AsqSe2DistributedData>;

export const AsqSe2Distributed = defineEvent({
  type: 'AsqSe2Distributed',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description:
    'An ASQ-SE2 questionnaire for a child in a provider’s care was handed out for the family to complete (within the first two months, rule 3).',
  data: AsqSe2DistributedData,
});

export const DistributeAsqSe2 = defineCommand({
  type: 'DistributeAsqSe2',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Open a screening by distributing the ASQ-SE2 questionnaire of the child’s age interval, once.',
  data: AsqSe2DistributedData,
  produces: ['AsqSe2Distributed'],
});
