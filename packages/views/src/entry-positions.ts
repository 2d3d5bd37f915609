import { SubjectRef } from '@coachline/projections';

/**
 * Where each entry of a view kept by subject last changed: the global position of the last
 * event folded that named it. An entry named by no event since the view was loaded answers the
 * floor, the position below which nothing is known: the loaded position, or the latest event
 * folded while changes were not told apart (a rebuild from nothing, a view kept whole).
 * A reader caching a rendering of an entry keys it by this position.
 */
export class EntryPositions {
  /** Positions by table, then id: recording an entry again allocates nothing. */
  private readonly entries = new Map<string, Map<string, number>>();
  private readonly tables = new Map<string, number>();

  constructor(private floor: number) {}

  /** The event at `position` may have changed these entries (a table alone: any of its entries). */
  changed(refs: ReadonlyArray<SubjectRef>, position: number): void {
    for (const [table, id] of refs) {
      if (id === undefined) this.tables.set(table, position);
      else {
        const ids = this.entries.get(table);
        if (ids === undefined) this.entries.set(table, new Map([[id, position]]));
        else ids.set(id, position);
      }
    }
  }

  /** The event at `position` may have changed any entry: what is known of each one no longer holds. */
  changedAll(position: number): void {
    this.floor = Math.max(this.floor, position);
    if (this.entries.size > 0) this.entries.clear();
    if (this.tables.size > 0) this.tables.clear();
  }

  positionOf(table: string, id: string): number {
    return Math.max(this.floor, this.tables.get(table) ?? 0, this.entries.get(table)?.get(id) ?? 0);
  }
}
