import { caseloadsProjection } from './caseloads';
import { cyclesProjection } from './cycles';
import { dosageProjection } from './dosage';
import { evaluationProjection } from './evaluation';
import { historyProjection } from './history';
import { AnyProjection } from './projection';
import { recordingLagProjection } from './recording-lag';
import { shareProjection } from './share';
import { timelineProjection } from './timeline';

/** Every view by the name readers ask for it: dosage, timeline, cycles, share, evaluation, history. */
export const projections: ReadonlyArray<AnyProjection> = [
  dosageProjection,
  timelineProjection,
  cyclesProjection,
  shareProjection,
  evaluationProjection,
  historyProjection(),
];

/**
 * Every fold a runner may keep in a store's views table: the readers' views, the caseloads the
 * API decides a coach's reach from, and the recording lag the program report measures.
 * `coachline verify --store` checks each stored one against the
 * events.
 */
export const storedProjections: ReadonlyArray<AnyProjection> = [
  ...projections,
  caseloadsProjection,
  recordingLagProjection,
];

export const findProjection = (name: string): AnyProjection | undefined =>
  projections.find((projection) => projection.name === name);
