import { entryOf, RecordedEvent, Table } from '@coachline/domain';
import type { SubjectRef } from '@coachline/projections';

/** A state with a table of entries that name their provider for each of `Owned`. */
type OwnedTables<Owned extends string> = Readonly<Record<Owned, Table<{ providerId?: string }>>>;

/**
 * Which entries of a view's owned tables (screenings, agreements: each names its provider once
 * and for good) belong to each provider, for one state of the fold: found once by a look
 * through the state, then kept up as the fold goes on, so a reader of one provider never looks
 * through everyone's.
 */
export class ProviderOwners<Owned extends string> {
  private state: unknown;
  private readonly owned = new Map<string, Array<readonly [table: Owned, id: string]>>();
  private readonly known = new Set<string>();

  constructor(
    private readonly tables: ReadonlyArray<Owned>,
    /** The entries an event may change, as the projection names them. */
    private readonly changedBy: (state: never, event: RecordedEvent) => ReadonlyArray<SubjectRef>,
  ) {}

  /** The entries a provider owns in `state`. */
  of(state: OwnedTables<Owned>, providerId: string): ReadonlyArray<readonly [table: Owned, id: string]> {
    if (state !== this.state) this.lookThrough(state);
    return this.owned.get(providerId) ?? [];
  }

  /** Notes the owned entries an event folded into `state` may have opened. */
  folded(state: OwnedTables<Owned>, event: RecordedEvent): void {
    if (state !== this.state) return;
    for (const [table, id] of this.changedBy(state as never, event)) {
      if (!(this.tables as ReadonlyArray<string>).includes(table)) continue;
      // A change the projection names by table alone could be anywhere in it: look through again.
      if (id === undefined) this.state = undefined;
      else this.add(state, table as Owned, id);
    }
  }

  private lookThrough(state: OwnedTables<Owned>): void {
    this.owned.clear();
    this.known.clear();
    this.state = state;
    for (const table of this.tables) for (const id of Object.keys(state[table])) this.add(state, table, id);
  }

  private add(state: OwnedTables<Owned>, table: Owned, id: string): void {
    const providerId = entryOf(state[table], id)?.providerId;
    const key = `${table}\u0000${id}`;
    if (providerId === undefined || this.known.has(key)) return;
    this.known.add(key);
    const entries = this.owned.get(providerId) ?? [];
    entries.push([table, id]);
    this.owned.set(providerId, entries);
  }
}
