import { RecordedEvent, withoutPrototypes } from '@coachline/domain';
import {
  AnyProjection,
  render,
  sharedStateOf,
  stateAssembly,
  SubjectChanges,
  SubjectEntry,
  subjectEntriesOf,
  ViewQuery,
} from '@coachline/projections';
import {
  EventStore,
  LoadedProjection,
  ParkedAt,
  ProjectionCheckpoints,
  ProjectionRecord,
  readsTypedPages,
  StoredEvent,
  subjectEntryKey,
  Subscription,
  TypedPage,
  TypedPageReader,
} from '@coachline/eventstore';
import { asRecordedEvent } from './as-recorded-event';
import { EntryPositions } from './entry-positions';
import { progressOf, RebuildProgress } from './rebuild-progress';
import { storedState } from './stored-view-check';

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly checkpoints: ProjectionCheckpoints;
  readonly projections: ReadonlyArray<AnyProjection>;
  /** Save views and checkpoints after this many events or this long, whichever comes first. */
  readonly saveEvery?: { readonly events: number; readonly ms: number };
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly onParked?: (name: string, parked: ParkedAt) => void;
  /** The clock, for progress and save intervals only; views never read it. */
  readonly now?: () => number;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly lag: number;
  readonly parked?: ParkedAt;
}

interface Slot {
  readonly projection: AnyProjection;
  position: number;
  state: unknown;
  parked?: ParkedAt;
  /** Latest recordedAt folded in: the default as-of moment of the view. */
  latestRecordedAt?: string;
  /** `latestRecordedAt` as Date.parse reads it, so each event's instant is parsed once, not once per view. */
  latestRecordedMs: number;
  /**
   * Where `latestRecordedAt` was first seen (the loaded position when it was loaded with the
   * view): of two events recorded at the same instant, the earlier one's text is kept.
   */
  latestRecordedPosition: number;
  /** The event types the projection reads, looked up for every event of the history. */
  readonly routed: ReadonlySet<string>;
  /** For a view kept by subject: the entries changed since the last save. */
  readonly changes: SubjectChanges;
  /** Whether the next save writes every entry, the stored ones being stale or kept whole. */
  fresh: boolean;
  /**
   * Rebuilt from nothing and not yet caught up: nearly every entry changes between two saves, so
   * each save writes the view whole, and no event's changes are noted.
   */
  rebuilding: boolean;
  /** Where each entry last changed, for readers caching renderings by subject. */
  readonly entryPositions: EntryPositions;
}

interface StoredState {
  readonly view: unknown;
  readonly latestRecordedAt?: string;
}

/**
 * A save on the clock waits at least this many times as long as the last save took. While a
 * rebuild catches up every entry changes between saves, so each save writes the whole view:
 * saves then take at most a tenth of the time, whatever the interval asked. A crash costs at
 * most the events folded over that span.
 */
const SAVE_SPACING = 9;

/**
 * A save that took this long also holds back a save due by its count of events, for the same
 * spacing: it wrote a large view nearly whole, as each save of a rebuild catching up does, and
 * saving that every so many events would take longer than folding them. A quicker save leaves
 * the count alone, which bounds the events a crash makes the runner fold again.
 */
const LONG_SAVE_MS = 500;

/** Where an entry of a view kept by subject lies in the stored state (`{ view, latestRecordedAt }`). */
const entryKey = (table: string, id: string): string => subjectEntryKey(['view', table, id]);

/** A view kept by subject, put back together from its stored state and its entries, read one at a time. */
const assembled = async (projection: AnyProjection, record: LoadedProjection, view: unknown): Promise<unknown> => {
  const assembly = stateAssembly(projection, withoutPrototypes(view) as Record<string, unknown>);
  for await (const [key, entry] of record.subjectEntries?.() ?? []) {
    const path = JSON.parse(key) as unknown;
    if (!Array.isArray(path) || path.length !== 3 || path[0] !== 'view')
      throw new Error(`The stored view "${projection.name}" has an entry at ${key}, where no subject lies.`);
    assembly.add(String(path[1]), String(path[2]), withoutPrototypes(entry));
  }
  return assembly.state();
};

/**
 * Feeds projections from the store's global order and keeps their views with their
 * checkpoints. One read of the history serves every projection; each skips what it has
 * already folded. A projection that throws is parked with the event and the error, and the
 * others go on.
 */
export class ProjectionRunner {
  private readonly slots = new Map<string, Slot>();
  private subscription: Subscription | undefined;
  private unsaved = 0;
  private lastSaveMs = 0;
  /** How long the last save took: the next one waits at least `SAVE_SPACING` times that. */
  private lastSaveTookMs = 0;
  /**
   * The save in progress. A save writes the states it is given after awaiting the database, so an
   * event folded meanwhile would be written under a position before it (counted twice on resume)
   * or, for a view saved whole at that moment, never noted as a change: events wait for it.
   */
  private saving: Promise<void> | undefined;
  /** The catch-up on the views' event types, while it runs; `stop` ends it at the next page. */
  private catchingUp: Promise<void> | undefined;
  private stopping = false;
  private readonly now: () => number;
  private readonly saveEvery: { events: number; ms: number };

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.saveEvery = options.saveEvery ?? { events: 50_000, ms: 1_000 };
  }

  /** Loads each view; a projection whose version changed, or that was never run, starts from nothing. */
  async load(): Promise<void> {
    for (const projection of this.options.projections) {
      const record = await this.options.checkpoints.load(projection.name);
      const current = record !== undefined && record.version === projection.version;
      const stored = current ? (record.state as StoredState) : undefined;
      const bySubject =
        stored !== undefined && projection.subjects !== undefined && record?.subjectEntries !== undefined;
      const position = current ? record.position : 0;
      this.slots.set(projection.name, {
        projection,
        position,
        // A state comes back from JSON with Object.prototype behind every object; its tables keyed by ids must not have it.
        state: !stored
          ? projection.init()
          : bySubject
            ? await assembled(projection, record, stored.view)
            : withoutPrototypes(stored.view),
        ...(current && record.parked ? { parked: record.parked } : {}),
        ...(stored?.latestRecordedAt ? { latestRecordedAt: stored.latestRecordedAt } : {}),
        latestRecordedMs: stored?.latestRecordedAt ? Date.parse(stored.latestRecordedAt) : Number.NaN,
        latestRecordedPosition: position,
        routed: new Set(projection.eventTypes),
        changes: new SubjectChanges(),
        fresh: !bySubject,
        rebuilding: !stored,
        entryPositions: new EntryPositions(position),
      });
    }
  }

  /** Catches every projection up with the store, then follows it live until `stop`. */
  async start(): Promise<void> {
    this.stopping = false;
    if (this.slots.size === 0) await this.load();
    const from = this.lowestPosition();
    if (from === undefined) return;
    const head = await this.options.store.headPosition();
    const startedMs = this.now();
    this.lastSaveMs = startedMs;
    let events = 0;
    let catchingUp = true;
    const onEvent = (stored: StoredEvent): Promise<void> | undefined => {
      this.fold(stored);
      events++;
      if (catchingUp && events % 10_000 === 0) {
        this.options.onProgress?.(
          progressOf([...this.slots.keys()], startedMs, this.now(), events, stored.position, head),
        );
      }
      return this.saveDue() ? this.saveAll() : undefined;
    };
    const { store } = this.options;
    let liveFrom = from;
    if (readsTypedPages(store) && from < head) {
      this.catchingUp = this.catchUpOnTypes(store, from, head, (passed, position) => {
        const before = events;
        events += passed;
        if (Math.floor(events / 10_000) > Math.floor(before / 10_000))
          this.options.onProgress?.(progressOf([...this.slots.keys()], startedMs, this.now(), events, position, head));
      });
      try {
        await this.catchingUp;
      } finally {
        this.catchingUp = undefined;
      }
      if (this.stopping) return;
      liveFrom = this.lowestPosition() ?? head;
    }
    // A promise only when a save is due or under way: the handler runs for every event of the history.
    this.subscription = store.subscribe(liveFrom, (stored) =>
      this.saving === undefined ? onEvent(stored) : this.saving.then(() => onEvent(stored)),
    );
    await this.subscription.caughtUp;
    catchingUp = false;
    // This save writes the rebuilt views whole; from the next on, changes are noted event by event.
    for (const slot of this.slots.values()) slot.rebuilding = false;
    await this.saveAll();
    if (events > 0)
      this.options.onProgress?.(
        progressOf(
          [...this.slots.keys()],
          startedMs,
          this.now(),
          events,
          await this.options.store.headPosition(),
          head,
        ),
      );
  }

  /** Stops following the store and saves every view with its checkpoint. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Its failure is `start`'s to report.
    await this.catchingUp?.catch(() => undefined);
    await this.subscription?.stop();
    this.subscription = undefined;
    await this.saveAll();
  }

  /** Clears a parked projection and rebuilds it from the start (after a fix, with `start`). */
  async resume(name: string): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`No projection is called "${name}".`);
    this.slots.set(name, {
      projection: slot.projection,
      position: 0,
      state: slot.projection.init(),
      latestRecordedMs: Number.NaN,
      latestRecordedPosition: 0,
      routed: slot.routed,
      changes: new SubjectChanges(),
      fresh: true,
      rebuilding: true,
      // Positions start again from nothing; an entry keeps answering at least what it answered before.
      entryPositions: new EntryPositions(slot.position),
    });
    await this.saveSlot(this.slots.get(name)!);
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.store.headPosition();
    return [...this.slots.values()].map((slot) => ({
      name: slot.projection.name,
      version: slot.projection.version,
      position: slot.position,
      lag: Math.max(0, head - slot.position),
      ...(slot.parked ? { parked: slot.parked } : {}),
    }));
  }

  /** The position a view has reached: a reader waits for it to pass its own write. */
  positionOf(name: string): number {
    return this.slots.get(name)?.position ?? 0;
  }

  /**
   * The global position of the last event that changed a subject's entry of a view (`table` one
   * of its subject tables): the position the view was loaded at when none has since, and 0 for a
   * view that does not exist. A reader caching a rendering per subject keys it by this position.
   */
  entryPosition(name: string, table: string, id: string): number {
    return this.slots.get(name)?.entryPositions.positionOf(table, id) ?? 0;
  }

  /**
   * The view as it stands, as of its newest event; or measured on a later moment `at` (a working
   * day's statuses and "this month"), which the kept state answers as well since nothing recorded
   * after its newest event is missing from it. An earlier moment is not what the state holds: the
   * view as of then is replayed from the store (`viewFromStore`), so it is rendered at the newest.
   */
  view<View>(name: string, query: Omit<ViewQuery, 'asOf'>, at?: string): View {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`No projection is called "${name}".`);
    const later = at !== undefined && (slot.latestRecordedAt === undefined || Date.parse(at) >= slot.latestRecordedMs);
    return render<View>(
      slot.projection,
      { state: slot.state, events: 0, ...(slot.latestRecordedAt ? { latestRecordedAt: slot.latestRecordedAt } : {}) },
      later ? { ...query, asOf: at } : query,
    );
  }

  /** The newest `recordedAt` a view has folded: a moment before it is replayed from the store, not rendered. */
  latestRecordedAtOf(name: string): string | undefined {
    return this.slots.get(name)?.latestRecordedAt;
  }

  private fold(stored: StoredEvent): void {
    let event: RecordedEvent | undefined;
    const recordedAt = stored.metadata.recordedAt;
    let recordedMs: number | undefined;
    for (const slot of this.slots.values()) {
      if (slot.parked || stored.position <= slot.position) continue;
      if (slot.routed.has(stored.type)) {
        try {
          event ??= asRecordedEvent(stored);
          if (slot.projection.subjects && !slot.fresh)
            slot.entryPositions.changed(slot.changes.note(slot.projection, slot.state, event), stored.position);
          // Changes are not told apart while a view is rebuilt from nothing or kept whole.
          else slot.entryPositions.changedAll(stored.position);
          slot.state = slot.projection.apply(slot.state, event);
        } catch (error) {
          slot.parked = {
            position: stored.position,
            eventId: stored.id,
            eventType: stored.type,
            error: (error as Error).message ?? String(error),
          };
          this.options.onParked?.(slot.projection.name, slot.parked);
          continue;
        }
      }
      recordedMs ??= Date.parse(recordedAt);
      if (slot.latestRecordedAt === undefined || recordedMs > slot.latestRecordedMs) {
        slot.latestRecordedAt = recordedAt;
        slot.latestRecordedMs = recordedMs;
        slot.latestRecordedPosition = stored.position;
      }
      slot.position = stored.position;
    }
    this.unsaved++;
  }

  /**
   * Folds every event up to `head` of the types the running views read, a page at a time; the
   * other events are passed over, their recorded instants alone taken into the views' as-of
   * moments. Saves fall between pages, where each view's position is the end of the last page.
   */
  private async catchUpOnTypes(
    store: TypedPageReader,
    from: number,
    head: number,
    onPassed: (events: number, position: number) => void,
  ): Promise<void> {
    const types = new Set<string>();
    for (const slot of this.slots.values()) if (!slot.parked) for (const type of slot.routed) types.add(type);
    // A view loaded further on has seen the events up to where it was loaded, instants included.
    const seenTo = new Map<Slot, number>();
    for (const slot of this.slots.values()) seenTo.set(slot, slot.position);
    let passedTo = from;
    let savedTo = from;
    for await (const page of store.readTypedPages({ after: from, upTo: head, types: [...types] })) {
      for (const stored of page.events) this.fold(stored);
      this.passOver(page, seenTo);
      // Saves by count of events count those passed over as well as those folded.
      this.unsaved += Math.max(0, page.upTo - passedTo - page.events.length);
      onPassed(page.upTo - passedTo, page.upTo);
      passedTo = page.upTo;
      if (this.stopping) return;
      // With less left to the head than was read since the last save, the save at the head comes
      // first: a view rebuilt from nothing is written whole at each save, and would be twice over.
      if (this.saveDue() && head - passedTo >= passedTo - savedTo) {
        await this.saveAll();
        savedTo = passedTo;
      }
    }
  }

  /** Every running view has read the page: its position is the page's end, its as-of moment the page's latest. */
  private passOver(page: TypedPage, seenTo: ReadonlyMap<Slot, number>): void {
    const latest = page.latestPassedOver;
    const latestMs = latest === undefined ? Number.NaN : Date.parse(latest.recordedAt);
    for (const slot of this.slots.values()) {
      if (slot.parked) continue;
      if (
        latest !== undefined &&
        latest.position > (seenTo.get(slot) ?? 0) &&
        (slot.latestRecordedAt === undefined ||
          latestMs > slot.latestRecordedMs ||
          (latestMs === slot.latestRecordedMs && latest.position < slot.latestRecordedPosition))
      ) {
        slot.latestRecordedAt = latest.recordedAt;
        slot.latestRecordedMs = latestMs;
        slot.latestRecordedPosition = latest.position;
      }
      if (page.upTo > slot.position) slot.position = page.upTo;
    }
  }

  private saveDue(): boolean {
    if (this.unsaved === 0) return false;
    const sinceMs = this.now() - this.lastSaveMs;
    const spaced = sinceMs >= SAVE_SPACING * this.lastSaveTookMs;
    if (this.unsaved >= this.saveEvery.events && (spaced || this.lastSaveTookMs < LONG_SAVE_MS)) return true;
    return spaced && sinceMs >= this.saveEvery.ms;
  }

  /** Saves every view once the save under way (if any) has ended; events wait for both. */
  private saveAll(): Promise<void> {
    // A save that failed was reported to whoever asked for it; this one is tried all the same.
    const save = (this.saving ?? Promise.resolve()).catch(() => undefined).then(() => this.saveEverySlot());
    const tracked: Promise<void> = save.finally(() => {
      if (this.saving === tracked) this.saving = undefined;
    });
    this.saving = tracked;
    return tracked;
  }

  private async saveEverySlot(): Promise<void> {
    const startedMs = this.now();
    for (const slot of this.slots.values()) await this.saveSlot(slot);
    this.unsaved = 0;
    this.lastSaveMs = this.now();
    this.lastSaveTookMs = this.lastSaveMs - startedMs;
  }

  /**
   * Saves a view with its position. A view kept by subject is saved as its shared part and the
   * entries changed since the last save (every entry when `fresh`), all in one atomic save; if
   * the save fails, the next one writes every entry again.
   */
  private async saveSlot(slot: Slot): Promise<void> {
    const { projection } = slot;
    const base = {
      name: projection.name,
      version: projection.version,
      position: slot.position,
      ...(slot.parked ? { parked: slot.parked } : {}),
    };
    if (!projection.subjects) {
      const record: ProjectionRecord = { ...base, state: storedState(slot.state, slot.latestRecordedAt) };
      return this.options.checkpoints.save(record);
    }
    const fresh = slot.fresh;
    const changed: SubjectEntry[] = fresh ? subjectEntriesOf(projection, slot.state) : slot.changes.take(slot.state);
    slot.changes.forget();
    slot.fresh = true;
    await this.options.checkpoints.save({
      ...base,
      state: storedState(sharedStateOf(projection, slot.state), slot.latestRecordedAt),
      subjects: { fresh, changed: changed.map(([table, id, entry]) => [entryKey(table, id), entry] as const) },
    });
    slot.fresh = slot.rebuilding;
  }

  /** Where reading starts: the least advanced projection still running (none if all are parked). */
  private lowestPosition(): number | undefined {
    const active = [...this.slots.values()].filter((s) => !s.parked).map((s) => s.position);
    return active.length === 0 ? undefined : Math.min(...active);
  }
}
