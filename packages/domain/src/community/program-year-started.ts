import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, LocalDate } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `ProgramYearStarted` event and of the `StartProgramYear` command. */
export const ProgramYearStartedData = struct('ProgramYearStartedData', {
  communityId: Id,
  programYearId: Id,
  guideId: Id,
  startsOn: LocalDate,
  endsOn: LocalDate,
});
/** `ProgramYearStartedData` as decoded. */
export type ProgramYearStartedData = t.TypeOf<typeof ProgramYearStartedData>;

/**
 * A community began a year of implementation under a program guide (RiR Year 1 runs July 1 to June 30); its years
 * never overlap. Lives in the `community` stream named by its `communityId`.
 */
export const ProgramYearStarted = defineEvent({
  type: 'ProgramYearStarted',
  streamKind: 'community',
  streamIdField: 'communityId',
  description:
    'A community began a year of implementation under a program guide (RiR Year 1 runs July 1 to June 30); its years never overlap.',
  data: ProgramYearStartedData,
});

/**
 * Start a program year of at most 366 days that overlaps none of the community’s other years. Accepted, it records
 * `ProgramYearStarted`.
 */
export const StartProgramYear = defineCommand({
  type: 'StartProgramYear',
  streamKind: 'community',
  streamIdField: 'communityId',
  description: 'Start a program year of at most 366 days that overlaps none of the community’s other years.',
  data: ProgramYearStartedData,
  produces: ['ProgramYearStarted'],
});
