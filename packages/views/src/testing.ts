/**
 * Test helpers for code that reads views from a store: a store that already holds a history, as
 * the runner, a replay or the stored view check meets it. Nothing here needs a test runner's globals.
 */
export { appendable, storeHolding } from './store-holding';
