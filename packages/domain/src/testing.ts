/**
 * Test helpers for the domain, for any test runner: given/when/then decider specifications that
 * throw their own `AssertionError`, and arbitraries derived from codecs. The arbitraries are the
 * one part that needs fast-check installed beside the domain.
 */
export * from './testing/decider-spec';
export { AssertionError, differences } from './testing/assertion-error';
export * from './testing/arbitraries';
