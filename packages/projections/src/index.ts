/**
 * The views' public surface. Every name is listed by hand: what the views package, the apps and
 * embedders use, and nothing else. The committed list in `public-surface.unit.spec.ts` makes
 * each addition visible in review.
 */

// What a view is: a pure fold of recorded events, the query a reader asks of it, its stored rows.
export { routes } from './projection';
export type { AnyProjection, Projection, StateSubjects, SubjectRef, ViewQuery, ViewTable } from './projection';
// A view's table as CSV records, text that a spreadsheet would run written as text.
export { csvCell, csvRecords } from './csv-cells';

// A view's state kept by subject: split into entries saved as they change, and put back together.
export { sharedStateOf, stateAssembly, SubjectChanges, subjectEntriesOf } from './subjects';
export type { SubjectEntry } from './subjects';

// Folding a history into a view, whole or one event at a time, as the program knew it at a moment.
export { foldHistory, render, resolveAsOf, startFold, viewOf } from './fold';
export type { FoldOptions } from './fold';

// Every view by name, and the ones kept in storage.
export { findProjection, projections, storedProjections } from './registry';

// Dosage: each provider's counted minutes by month against the guide's target.
export { dosageProjection } from './dosage/dosage.projection';
export { DosageView } from './dosage/dosage.view';

// Timeline: each requirement of the guide, done, due or overdue, per provider, coach and community.
export { timelineProjection } from './timeline/timeline.projection';
export { TimelineView } from './timeline/timeline.view';
export type { TimelineState } from './timeline/timeline.view';

// The caseload list: each provider with their coach, site, this month's dosage and next unmet requirement.
export { CaseloadList, caseloadList, caseloadTable } from './caseload-list';
export type { CaseloadFilter } from './caseload-list';

// Coaching cycles: each agreement's signatures, cycles and pace.
export { cyclesProjection } from './cycles/cycles.projection';
export { CyclesView } from './cycles/cycles.view';

// The share: what a provider's coach shares with them, goals, cycles and visits.
export { shareProjection } from './share/share.projection';
export { ShareView } from './share/share.view';

// History: one stream's events as recorded.
export { historyProjection } from './history/history.projection';

// Caseloads: which coach each provider is with, for access decisions.
export { caseloadOf, caseloadsProjection, CaseloadsView } from './caseloads/caseloads.projection';
export type { CaseloadsState } from './caseloads/caseloads.projection';

// The evaluation extract: pseudonymous rows for evaluators, small cells hidden.
export { extractLines } from './extracts/evaluation-extract.view';
export type { Pseudonymize } from './extracts/evaluation-extract.view';
export { startEvaluationExtract } from './extracts/evaluation-extract';
export { evaluationExtractTable } from './extracts/evaluation-extract.table';

// The due list: each provider requirement still to meet, most urgent first, from the timeline.
export { DEFAULT_DUE_STATUSES, DueList, dueList, DueRow } from './due/due-list';
export type { DueFilter } from './due/due-list';
export { DueStatusesParam, dueStatusesOf, DueWithinParam, dueWithinOf } from './due/due-params';
export { dueTable, dueTerminalTable } from './due/due-table';

// Recording lag: each session's held day against the day it was recorded, kept for the program report.
export { recordingLagProjection, RecordingLagView } from './recording-lag';

// The coaches supervisors oversee: each coach's qualifications, recorded and verified.
export { coachesProjection, CoachesView, coachesTable } from './coaches';

// The teams systems coaching serves: each team's plan, its coaching month by month against it, its effectiveness data.
export { teamsProjection, TeamsView, teamsTable } from './teams';

// Each community's Coaching Implementation Plan against its seven steps and their planning questions.
export { implementationPlanProjection, ImplementationPlanView, implementationPlanTable } from './implementation-plan';

// Each community's district coaching system: components, approval, sharing, reviews, checklist, training feedback.
export {
  coachingSystemProjection,
  coachingSystemTable,
  CoachingSystemView,
  leadershipCoachingSystem,
  LeadershipCoachingSystemView,
} from './coaching-system';

// The program report of a community and month, its leadership form, one table and a printable page.
export {
  LeadershipReport,
  leadershipReport,
  ProgramReport,
  programReport,
  programReportHtml,
  programReportTables,
  reportOf,
  reportViewsOf,
} from './program-report';
export type { ReportViews } from './program-report';
