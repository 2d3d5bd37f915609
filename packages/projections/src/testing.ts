/** Test helpers for views: hand-made histories and the event data they are made of. */

// Histories built event by event, with the instants they are recorded at.
export { at, historyBuilder } from './testing/history';

// The data of a provider's enrollment, the event most histories start from.
export { enrollment } from './testing/fixtures';

// A history full of names and notes, to show a view or an extract leaks none of them.
export { identifyingHistory, MARKER_START } from './testing/identifying-history';
export type { IdentifyingHistory } from './testing/identifying-history';

// Ids that ordinary objects answer to by inheritance, to show views keep them as plain ids.
export { HOSTILE_IDS, prototypeSnapshot, withHostileIdsRenamed } from './testing/hostile-ids';
