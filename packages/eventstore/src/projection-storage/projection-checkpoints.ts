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
}

/**
 * Where a runner keeps views and checkpoints. `save` is atomic: the state and the position it
 * reflects are written together or not at all, so a crash never counts an event twice nor
 * skips one.
 */
export interface ProjectionCheckpoints {
  load(name: string): Promise<ProjectionRecord | undefined>;
  save(record: ProjectionRecord): Promise<void>;
  list(): Promise<ReadonlyArray<ProjectionRecord>>;
}

/** Checkpoints in process memory; the state is copied so a later fold never edits a saved view. */
export class InMemoryProjectionCheckpoints implements ProjectionCheckpoints {
  private readonly records = new Map<string, string>();

  async load(name: string): Promise<ProjectionRecord | undefined> {
    const json = this.records.get(name);
    return json === undefined ? undefined : (JSON.parse(json) as ProjectionRecord);
  }

  async save(record: ProjectionRecord): Promise<void> {
    this.records.set(record.name, JSON.stringify(record));
  }

  async list(): Promise<ReadonlyArray<ProjectionRecord>> {
    return [...this.records.values()].map((json) => JSON.parse(json) as ProjectionRecord);
  }
}
