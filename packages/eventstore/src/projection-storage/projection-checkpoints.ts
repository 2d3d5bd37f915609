/** Why a projection stopped: the event it could not fold and what it threw. */
export interface ParkedAt {
  readonly position: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly error: string;
}

/** A projection's stored view and the position it reflects, always written together. */
export interface ProjectionRecord {
  readonly name: string;
  readonly version: number;
  /** The global position of the last event folded into `state`. */
  readonly position: number;
  readonly state: unknown;
  readonly parked?: ParkedAt;
  /**
   * For a view kept by subject: `state` holds only what lies outside its subjects' entries, and
   * these are the entries changed since the last save. Without it the record is the whole view,
   * and any entries stored for it before are dropped.
   */
  readonly subjects?: SubjectEntries;
}

/**
 * The entries of a view kept by subject that changed since its last save. An entry's key is the
 * path that leads to it from the record's state (`subjectEntryKey`): put back there, the entries
 * and the state make the whole view.
 */
export interface SubjectEntries {
  /** Drop every entry stored for the view first: its state was started again or loaded whole. */
  readonly fresh: boolean;
  /** Each entry as JSON, or `undefined` to remove it. */
  readonly changed: ReadonlyArray<readonly [key: string, entry: unknown]>;
}

/** The key of an entry: the property names that lead to it from a record's state, as JSON text. */
export const subjectEntryKey = (path: ReadonlyArray<string>): string => JSON.stringify(path);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A view's state with its entries put back, each at the path its key names: the whole view, for
 * reading a stored view back as one value. Ids in paths are text from outside, so properties are
 * defined, never assigned (an id spelt `__proto__` stays a property).
 */
export const withSubjectEntries = (state: unknown, entries: Iterable<readonly [string, unknown]>): unknown => {
  for (const [key, entry] of entries) {
    const path = JSON.parse(key) as string[];
    let parent: unknown = state;
    for (const name of path.slice(0, -1)) {
      if (!isObject(parent)) break;
      if (!Object.hasOwn(parent, name))
        Object.defineProperty(parent, name, { value: {}, enumerable: true, writable: true, configurable: true });
      parent = parent[name];
    }
    if (isObject(parent))
      Object.defineProperty(parent, path[path.length - 1]!, {
        value: entry,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return state;
};

/** A view as loaded: kept by subject when it has `subjectEntries`, read a page at a time. */
export interface LoadedProjection extends Omit<ProjectionRecord, 'subjects'> {
  readonly subjectEntries?: () => AsyncIterable<readonly [key: string, entry: unknown]>;
}

/**
 * Where a runner keeps views and checkpoints. `save` is atomic: the state, the entries changed
 * with it and the position they reflect are written together or not at all, so a crash never
 * counts an event twice nor skips one. `list` is for inspection: each view whole, its entries put
 * back in its state.
 */
export interface ProjectionCheckpoints {
  load(name: string): Promise<LoadedProjection | undefined>;
  save(record: ProjectionRecord): Promise<void>;
  list(): Promise<ReadonlyArray<ProjectionRecord>>;
}

interface KeptProjection {
  record: string;
  /** Entry JSON by key, for a view kept by subject. */
  readonly entries: Map<string, string>;
}

/** Checkpoints in process memory; states and entries are copied so a later fold never edits a saved view. */
export class InMemoryProjectionCheckpoints implements ProjectionCheckpoints {
  private readonly kept = new Map<string, KeptProjection>();

  async load(name: string): Promise<LoadedProjection | undefined> {
    const kept = this.kept.get(name);
    if (kept === undefined) return undefined;
    const record = JSON.parse(kept.record) as LoadedProjection;
    if (kept.entries.size === 0) return record;
    const entries = [...kept.entries].map(([key, json]) => [key, JSON.parse(json) as unknown] as const);
    return {
      ...record,
      subjectEntries: async function* () {
        yield* entries;
      },
    };
  }

  async save(record: ProjectionRecord): Promise<void> {
    const { subjects, ...whole } = record;
    const kept = this.kept.get(record.name) ?? { record: '', entries: new Map<string, string>() };
    if (subjects === undefined || subjects.fresh) kept.entries.clear();
    for (const [key, entry] of subjects?.changed ?? []) {
      if (entry === undefined) kept.entries.delete(key);
      else kept.entries.set(key, JSON.stringify(entry));
    }
    kept.record = JSON.stringify(whole);
    this.kept.set(record.name, kept);
  }

  async list(): Promise<ReadonlyArray<ProjectionRecord>> {
    return [...this.kept.values()].map(({ record, entries }) => {
      const parsed = JSON.parse(record) as ProjectionRecord;
      const whole = [...entries].map(([key, json]) => [key, JSON.parse(json) as unknown] as const);
      return { ...parsed, state: withSubjectEntries(parsed.state, whole) };
    });
  }
}
