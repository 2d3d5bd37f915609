/**
 * Test helpers for the domain, for any test runner: given/when/then decider specifications that
 * throw their own `AssertionError`, and arbitraries derived from codecs. The arbitraries are the
 * one part that needs fast-check installed beside the domain.
 */

// Decider specifications: given events, when a command, then events or a refusal.
export { command, deciderSpec } from './testing/decider-spec';

// What a failed specification throws, whichever runner runs it.
export { AssertionError } from './testing/assertion-error';

// Generators of valid values for any codec of the catalogue (needs fast-check).
export { arbitraryFor } from './testing/arbitraries';
