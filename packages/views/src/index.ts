export { ProjectionRunner, type ProjectionRunnerOptions, type ProjectionStatus } from './projection-runner';
export { progressOf, type RebuildProgress } from './rebuild-progress';
export { asRecordedEvent } from './as-recorded-event';
export { viewFromStore } from './view-from-store';
export { StoredViewCheck, storedState, type StoredViewVerdict, type ViewDifference } from './stored-view-check';
export { firstDifference, MAX_DEPTH, type Side, type ValueDifference } from './first-difference';
