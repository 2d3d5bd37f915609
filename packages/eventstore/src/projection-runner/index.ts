export * from './projection-checkpoints';
export * from './projection-runner';
export * from './rebuild-progress';
export * from './as-recorded-event';
export * from './view-from-store';
export * from './stored-view-check';
export * from './first-difference';
