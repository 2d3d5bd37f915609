import type { RecordedEvent } from '@coachline/domain';
import { AnyProjection, routes } from '@coachline/projections';
import type { StoredEvent, StoredViewRow } from '@coachline/eventstore';
import { asRecordedEvent } from './as-recorded-event';
import { firstDifference, type ValueDifference } from './first-difference';

/** Why a stored view is not what the events give at its position. */
export type ViewDifference =
  | { readonly kind: 'value'; readonly difference: ValueDifference }
  | { readonly kind: 'no-position' }
  | { readonly kind: 'beyond-head'; readonly headPosition: number }
  | { readonly kind: 'not-json' }
  | { readonly kind: 'fold-fails'; readonly position: number; readonly error: string };

export type StoredViewVerdict = { readonly name: string; readonly position: number; readonly parkedAt?: number } & (
  | { readonly kind: 'matches' }
  | { readonly kind: 'differs'; readonly difference: ViewDifference }
  | { readonly kind: 'unknown-view' }
  | { readonly kind: 'other-version'; readonly storedVersion: number; readonly currentVersion: number }
);

interface PendingCheck {
  readonly row: StoredViewRow;
  readonly projection: AnyProjection;
  state: unknown;
  latestRecordedAt?: string;
  failed?: { readonly position: number; readonly error: string };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const readEvent = (stored: StoredEvent): { readonly event: RecordedEvent } | { readonly error: string } => {
  try {
    return { event: asRecordedEvent(stored) };
  } catch (error) {
    return { error: messageOf(error) };
  }
};

const verdictBase = (row: StoredViewRow) => ({
  name: row.name,
  position: row.position,
  ...(row.parkedAt !== undefined ? { parkedAt: row.parkedAt } : {}),
});

/**
 * Checks a store's stored views against its events: each view is rebuilt from the events up to
 * the position stored with it, exactly as the projection runner folds them, and compared with
 * the stored state value by value. Fed the history once, in global order, it folds every view
 * at once and compares each as soon as the history passes its position; memory holds one state
 * per view. A row whose version is not this build's is not compared: a runner never resumes
 * from it, it rebuilds.
 */
export class StoredViewCheck {
  private readonly verdicts: StoredViewVerdict[] = [];
  /** Ordered by position, so the front is the next to be compared. */
  private readonly pending: PendingCheck[] = [];

  constructor(rows: ReadonlyArray<StoredViewRow>, projections: ReadonlyArray<AnyProjection>, headPosition: number) {
    const byName = new Map(projections.map((projection) => [projection.name, projection]));
    for (const row of rows) {
      const projection = byName.get(row.name);
      if (projection === undefined) this.verdicts.push({ ...verdictBase(row), kind: 'unknown-view' });
      else if (row.version !== projection.version)
        this.verdicts.push({
          ...verdictBase(row),
          kind: 'other-version',
          storedVersion: row.version,
          currentVersion: projection.version,
        });
      else if (!Number.isSafeInteger(row.position) || row.position < 0) this.differs(row, { kind: 'no-position' });
      else if (row.position > headPosition) this.differs(row, { kind: 'beyond-head', headPosition });
      else this.pending.push({ row, projection, state: projection.init() });
    }
    this.pending.sort((a, b) => a.row.position - b.row.position);
  }

  /** The next event of the history, in global order. */
  push(stored: StoredEvent): void {
    while (this.pending.length > 0 && this.pending[0]!.row.position < stored.position)
      this.compare(this.pending.shift()!);
    let read: { readonly event: RecordedEvent } | { readonly error: string } | undefined;
    // As the projection runner folds: a view that cannot fold an event stops there, and every
    // event it reads moves its latest recorded moment on.
    for (const check of this.pending) {
      if (check.failed) continue;
      if (routes(check.projection, stored.type)) {
        read ??= readEvent(stored);
        try {
          if ('error' in read) throw new Error(read.error);
          check.state = check.projection.apply(check.state, read.event);
        } catch (error) {
          check.failed = { position: stored.position, error: messageOf(error) };
          continue;
        }
      }
      const recordedAt = stored.metadata.recordedAt;
      if (check.latestRecordedAt === undefined || Date.parse(recordedAt) > Date.parse(check.latestRecordedAt))
        check.latestRecordedAt = recordedAt;
    }
  }

  /** Every view's verdict, once the whole history has been pushed. */
  finish(): ReadonlyArray<StoredViewVerdict> {
    for (const check of this.pending.splice(0)) this.compare(check);
    return [...this.verdicts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private compare(check: PendingCheck): void {
    if (check.failed) return this.differs(check.row, { kind: 'fold-fails', ...check.failed });
    let stored: unknown;
    try {
      stored = JSON.parse(check.row.state);
    } catch {
      return this.differs(check.row, { kind: 'not-json' });
    }
    // The state as the runner saves it, through the same JSON a stored one went through.
    const rebuilt: unknown = JSON.parse(JSON.stringify(storedState(check.state, check.latestRecordedAt)));
    check.state = undefined;
    const difference = firstDifference(stored, rebuilt);
    if (difference === undefined) this.verdicts.push({ ...verdictBase(check.row), kind: 'matches' });
    else this.differs(check.row, { kind: 'value', difference });
  }

  private differs(row: StoredViewRow, difference: ViewDifference): void {
    this.verdicts.push({ ...verdictBase(row), kind: 'differs', difference });
  }
}

/** What the runner stores for a view: its state and the latest recorded moment it folded. */
export const storedState = (
  state: unknown,
  latestRecordedAt: string | undefined,
): { readonly view: unknown; readonly latestRecordedAt?: string } => ({
  view: state,
  ...(latestRecordedAt ? { latestRecordedAt } : {}),
});
