import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate, NonNegativeInteger, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** Where a score falls against its interval’s cutoff and monitoring zone, lowest concern first. */
export const AsqSe2Zone = oneOf('AsqSe2Zone', 'below-cutoff', 'monitoring', 'above-cutoff');
export type AsqSe2Zone = t.TypeOf<typeof AsqSe2Zone>;

/** The data of the `AsqSe2Scored` event and of the `ScoreAsqSe2` command. */
export const AsqSe2ScoredData = struct('AsqSe2ScoredData', {
  screeningId: Id,
  score: NonNegativeInteger,
  zone: AsqSe2Zone,
  scoredOn: LocalDate,
});
/** `AsqSe2ScoredData` as decoded. */
export type AsqSe2ScoredData = t.TypeOf<typeof AsqSe2ScoredData>;

/**
 * A returned ASQ-SE2 was scored and placed in its zone by the publisher’s cutoff table for the interval (rule 3).
 * Lives in the `screening` stream named by its `screeningId`.
 */
export const AsqSe2Scored = defineEvent({
  type: 'AsqSe2Scored',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description:
    'A returned ASQ-SE2 was scored and placed in its zone by the publisher’s cutoff table for the interval (rule 3).',
  data: AsqSe2ScoredData,
});

/**
 * Score a distributed ASQ-SE2, once, on or after the day it was distributed. Accepted, it records `AsqSe2Scored`.
 */
export const ScoreAsqSe2 = defineCommand({
  type: 'ScoreAsqSe2',
  streamKind: 'screening',
  streamIdField: 'screeningId',
  description: 'Score a distributed ASQ-SE2, once, on or after the day it was distributed.',
  data: AsqSe2ScoredData,
  produces: ['AsqSe2Scored'],
});
