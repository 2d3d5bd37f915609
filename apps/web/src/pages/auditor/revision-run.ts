import type { HistoryEntry } from './stream-history';

/** What the history itself shows of a stream's order: its revisions should run 0, 1, 2… with positions rising. */
export interface RevisionRun {
  readonly events: number;
  /** The first event whose revision is not the one after its predecessor's, or whose position does not rise. */
  readonly firstBreak: { readonly eventId: string; readonly expected: number; readonly found: number | null } | null;
}

export const revisionRun = (events: ReadonlyArray<HistoryEntry>): RevisionRun => {
  let previousPosition = -1;
  for (const [index, event] of events.entries()) {
    const risen = event.position === null || event.position > previousPosition;
    if (event.revision !== index || !risen)
      return { events: events.length, firstBreak: { eventId: event.id, expected: index, found: event.revision } };
    previousPosition = event.position ?? previousPosition;
  }
  return { events: events.length, firstBreak: null };
};
