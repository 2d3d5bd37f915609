import { cyclesProjection } from './cycles';
import { dosageProjection } from './dosage';
import { evaluationProjection } from './evaluation';
import { historyProjection } from './history';
import { AnyProjection } from './projection';
import { shareProjection } from './share';
import { timelineProjection } from './timeline';

/** Every view by the name readers ask for it (INTERFACES.md: dosage, timeline, cycles, share, evaluation, history). */
export const projections: ReadonlyArray<AnyProjection> = [
  dosageProjection,
  timelineProjection,
  cyclesProjection,
  shareProjection,
  evaluationProjection,
  historyProjection(),
];

export const findProjection = (name: string): AnyProjection | undefined => projections.find((projection) => projection.name === name);
