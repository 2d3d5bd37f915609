import { emptyTable, entryOf, RecordedEvent, Table } from '@coachline/domain';
import { AnyProjection, SubjectRef } from './projection';

/**
 * A view's state kept by subject: each entry of its subject tables stored under its own key, and
 * the rest of the state, small, stored whole. These functions split a state into those parts and
 * put it back together, so a runner saves only the entries that changed and loads them one by one.
 */

/** The key a subject's entry is kept under. Table names are the code's own and hold no colon; ids may. */
export const subjectKey = (table: string, id: string): string => `${table}:${id}`;

const tableAndId = (key: string): readonly [string, string] => {
  const colon = key.indexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
};

type Fields = Record<string, unknown>;

/** The state outside its subject tables: what is stored with every save. */
export const sharedStateOf = (projection: AnyProjection, state: unknown): Fields => {
  const tables = projection.subjects?.tables ?? [];
  return Object.fromEntries(Object.entries(state as Fields).filter(([field]) => !tables.includes(field)));
};

/**
 * What changed since the last save, gathered event by event: the entries named, and the tables
 * an event may have changed anywhere in.
 */
export class SubjectChanges {
  private readonly keys = new Set<string>();
  private readonly tables = new Set<string>();

  /** Notes what `event` may change; call before the projection folds it, as `changedBy` reads the state before. */
  note(projection: AnyProjection, state: unknown, event: RecordedEvent): void {
    for (const [table, id] of projection.subjects?.changedBy(state, event) ?? []) {
      if (id === undefined) this.tables.add(table);
      else this.keys.add(subjectKey(table, id));
    }
  }

  /** Each changed entry by its key, `undefined` for one no longer in the state; then forgets them. */
  take(state: unknown): Array<readonly [string, unknown]> {
    const tables = state as Record<string, Table<unknown> | undefined>;
    const changed = new Map<string, unknown>();
    for (const table of this.tables)
      for (const [id, entry] of Object.entries(tables[table] ?? {})) changed.set(subjectKey(table, id), entry);
    for (const key of this.keys) {
      if (changed.has(key)) continue;
      const [table, id] = tableAndId(key);
      const entries = tables[table];
      changed.set(key, entries && Object.hasOwn(entries, id) ? entries[id] : undefined);
    }
    this.keys.clear();
    this.tables.clear();
    return [...changed];
  }
}

/**
 * Puts a state back together from its shared part and its entries, fed one at a time as they
 * are read. Entries come as JSON values: the caller gives them without prototypes.
 */
export const stateAssembly = (projection: AnyProjection, shared: Fields) => {
  const state: Record<string, unknown> = { ...shared };
  for (const table of projection.subjects?.tables ?? []) state[table] = emptyTable<unknown>();
  return {
    add(key: string, entry: unknown): void {
      const [table, id] = tableAndId(key);
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
