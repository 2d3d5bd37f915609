/** Test helpers for event store adapters: the shared contract suite and its fixtures (jest globals). */
export * from './contract';
