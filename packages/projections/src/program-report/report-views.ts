import type { RecordedEvent } from '@coachline/domain';
import { cyclesProjection } from '../cycles/cycles.projection';
import type { CyclesView } from '../cycles/cycles.view';
import { dosageProjection } from '../dosage/dosage.projection';
import type { DosageView } from '../dosage/dosage.view';
import { viewOf } from '../fold';
import { recordingLagProjection } from '../recording-lag/recording-lag.projection';
import type { RecordingLagView } from '../recording-lag/recording-lag.view';
import { timelineProjection } from '../timeline/timeline.projection';
import type { TimelineView } from '../timeline/timeline.view';
import { programReport, ReportViews } from './program-report';

/** The four views a report reads, folded from a history as of one moment. */
export const reportViewsOf = (history: ReadonlyArray<RecordedEvent>, asOf: string): ReportViews => {
  const query = { asOf };
  return {
    dosage: viewOf<DosageView>(dosageProjection, history, query),
    timeline: viewOf<TimelineView>(timelineProjection, history, query),
    cycles: viewOf<CyclesView>(cyclesProjection, history, query),
    lag: viewOf<RecordingLagView>(recordingLagProjection, history, query),
  };
};

/** The program report of a community and month, from a history as of a moment. */
export const reportOf = (history: ReadonlyArray<RecordedEvent>, communityId: string, month: string, asOf: string) =>
  programReport(reportViewsOf(history, asOf), communityId, month);
