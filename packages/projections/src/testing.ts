/** Test helpers for views: hand-made histories and the event data they are made of. */
export * from './testing/history';
export * from './testing/fixtures';
export * from './testing/identifying-history';
export * from './testing/hostile-ids';
