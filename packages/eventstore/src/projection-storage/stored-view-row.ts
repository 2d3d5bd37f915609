/**
 * A row of a store's views table as it lies there: nothing in it is trusted yet. An adapter that
 * keeps views reads them out as such rows; the stored view check compares them with the events.
 */
export interface StoredViewRow {
  readonly name: string;
  readonly version: number;
  /** The position the row says its view reflects; NaN when what is stored is no position. */
  readonly position: number;
  /** The stored state, JSON text as the runner wrote it (`{ view, latestRecordedAt }`). */
  readonly state: string;
  /** Where the runner says the view stopped, when it did. */
  readonly parkedAt?: number;
}
