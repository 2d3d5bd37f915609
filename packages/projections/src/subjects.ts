import { emptyTable, entryOf, RecordedEvent, Table } from '@coachline/domain';
import { AnyProjection, SubjectRef } from './projection';

/**
 * A view's state kept by subject: each entry of its subject tables stored on its own, and the
 * rest of the state, small, stored whole. These functions split a state into those parts and
 * put it back together, so a runner saves only the entries that changed and loads them one by one.
 */

type Fields = Record<string, unknown>;

/** An entry of a subject table: the table, the subject's id, and the entry (`undefined` once gone). */
export type SubjectEntry = readonly [table: string, id: string, entry: unknown];

/** The state outside its subject tables, which stand in it empty: what is stored with every save. */
export const sharedStateOf = (projection: AnyProjection, state: unknown): Fields => {
  const tables = projection.subjects?.tables ?? [];
  return Object.fromEntries(
    Object.entries(state as Fields).map(([field, value]) => [field, tables.includes(field) ? {} : value]),
  );
};

/** Every entry of the state's subject tables. */
export const subjectEntriesOf = (projection: AnyProjection, state: unknown): SubjectEntry[] =>
  (projection.subjects?.tables ?? []).flatMap((table) =>
    Object.entries((state as Record<string, Table<unknown> | undefined>)[table] ?? {}).map(
      ([id, entry]): SubjectEntry => [table, id, entry],
    ),
  );

/**
 * What changed since the last save, gathered event by event: the entries named, and the tables
 * an event may have changed anywhere in.
 */
export class SubjectChanges {
  /** Ids by table: noting an entry already noted allocates nothing, which a rebuild does for nearly every event. */
  private readonly ids = new Map<string, Set<string>>();
  private readonly tables = new Set<string>();

  /**
   * Notes what `event` may change, and gives it; call before the projection folds it, as
   * `changedBy` reads the state before.
   */
  note(projection: AnyProjection, state: unknown, event: RecordedEvent): ReadonlyArray<SubjectRef> {
    const refs = projection.subjects?.changedBy(state, event) ?? [];
    for (const [table, id] of refs) {
      if (id === undefined) this.tables.add(table);
      else {
        const ids = this.ids.get(table);
        if (ids === undefined) this.ids.set(table, new Set([id]));
        else ids.add(id);
      }
    }
    return refs;
  }

  /** Each changed entry, `undefined` for one no longer in the state; then forgets them. */
  take(state: unknown): SubjectEntry[] {
    const tables = state as Record<string, Table<unknown> | undefined>;
    const changed: SubjectEntry[] = [];
    for (const table of this.tables)
      for (const [id, entry] of Object.entries(tables[table] ?? {})) changed.push([table, id, entry]);
    for (const [table, ids] of this.ids) {
      if (this.tables.has(table)) continue;
      const entries = tables[table];
      for (const id of ids) changed.push([table, id, entries && Object.hasOwn(entries, id) ? entries[id] : undefined]);
    }
    this.forget();
    return changed;
  }

  forget(): void {
    this.ids.clear();
    this.tables.clear();
  }
}

/**
 * Puts a state back together from its shared part and its entries, fed one at a time as they
 * are read. Both come as JSON values the caller has given without prototypes.
 */
export const stateAssembly = (projection: AnyProjection, shared: Fields) => {
  const state: Fields = { ...shared };
  for (const table of projection.subjects?.tables ?? []) state[table] = emptyTable<unknown>();
  return {
    add(table: string, id: string, entry: unknown): void {
      const entries = state[table] as Table<unknown> | undefined;
      if (entries !== undefined) entries[id] = entry;
    },
    state: (): unknown => state,
  };
};

/** The entry of `table` that an event names in its `field`, when it names one. */
export const namedIn = (event: RecordedEvent, field: string, table: string): SubjectRef[] => {
  const id = entryOf(event.data as Record<string, unknown>, field);
  return typeof id === 'string' ? [[table, id]] : [];
};
