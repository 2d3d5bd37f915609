/** Test helpers for the domain: given/when/then specs and arbitraries derived from codecs. */
export * from './testing/decider-spec';
export * from './testing/arbitraries';
