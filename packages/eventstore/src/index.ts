export * from './event-store';
export * from './errors';
export { InMemoryEventStore } from './in-memory/in-memory-event-store';
export * from './command-handling';
export * from './projection-storage';
export * from './integrity';
export * from './child-data';
export * from './access-log';
export { describeStoreFailure, ensureStoreAnswers, redactStoreUrl, StoreUnavailableError } from './store-failure';
