export * from './shared/domain-error';
export * from './shared/decode';
export * from './shared/primitives';
export * from './shared/struct';
export * from './shared/metadata';
export * from './shared/event-definition';
export * from './shared/decider';
export * from './coach';
