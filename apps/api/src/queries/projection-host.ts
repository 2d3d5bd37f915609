import { Inject, Injectable } from '@nestjs/common';
import type { OpenedStore } from '@coachline/eventstore';
import { ProjectionRunner, type ProjectionStatus } from '@coachline/views';
import {
  AnyProjection,
  caseloadsProjection,
  projections,
  recordingLagProjection,
  shareProjection,
  timelineProjection,
} from '@coachline/projections';
import { PinoLogger } from 'nestjs-pino';
import { API_SETTINGS, type ApiSettings, EVENT_STORE } from '../app/injection-tokens';
import { openCheckpoints } from '../store/projection-checkpoints';
import { RenderedViews } from './rendered-views';
import { shareForReaders } from './share-for-readers';
import { timelineForReaders } from './timeline-for-readers';
import type { Selection } from './view-selection';

/**
 * The views the runner keeps live, with the caseloads reach is decided on and the recording lag
 * the program report measures. The history is not among them: it is the store itself, read
 * one stream at a time when asked, rather than a copy of every event held in memory. The timeline
 * and the share are those kept for readers, which ask where their entries last changed.
 */
export const liveProjections = (entryPosition: EntryPosition): ReadonlyArray<AnyProjection> => {
  const forReaders = new Map<string, AnyProjection>([
    [timelineProjection.name, timelineForReaders((table, id) => entryPosition(timelineProjection.name, table, id))],
    [shareProjection.name, shareForReaders((table, id) => entryPosition(shareProjection.name, table, id))],
  ]);
  return [
    ...projections.filter((p) => p.name !== 'history').map((p) => forReaders.get(p.name) ?? p),
    caseloadsProjection,
    recordingLagProjection,
  ];
};

/** The runner's `entryPosition`: where an entry of a view kept by subject last changed. */
type EntryPosition = (name: string, table: string, id: string) => number;

export type WaitOutcome = 'reached' | 'timed-out' | { readonly parked: string };

const POLL_MS = 5;

/** Runs the projections in the background from the store and tells readers how far each has got. */
@Injectable()
export class ProjectionHost {
  private readonly runner: ProjectionRunner;
  private readonly rendered: RenderedViews;
  private catchingUp: Promise<void> | undefined;
  private caughtUp = false;
  private stopping = false;
  /** The runner was started: from then on it has views to save when the API stops. */
  private following = false;
  private failure: Error | undefined;
  /** Views that stopped on an event they could not fold, kept here so a reader need not ask the store. */
  private readonly parked = new Set<string>();
  /** Each view as `currentView` last rendered it, with the position it was rendered at. */
  private readonly current = new Map<string, { readonly position: number; readonly view: unknown }>();

  constructor(
    @Inject(EVENT_STORE) store: OpenedStore,
    @Inject(API_SETTINGS) settings: ApiSettings,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('Projections');
    // Who a coach may reach is decided on the caseloads: rebuilt from the events at each start,
    // never taken from a stored row that nothing has checked against them.
    const { checkpoints, saveEvery } = openCheckpoints(store, [caseloadsProjection]);
    this.runner = new ProjectionRunner({
      store,
      checkpoints,
      saveEvery,
      projections: liveProjections((name, table, id) => this.runner.entryPosition(name, table, id)),
      onParked: (name, parked) => {
        this.parked.add(name);
        this.logger.error({ projection: name, parked }, `Projection ${name} parked at position ${parked.position}`);
      },
      onProgress: (progress) =>
        this.logger.info({ progress }, `Projections at ${progress.position} of ${progress.headPosition}`),
    });
    this.rendered = new RenderedViews(
      {
        positionOf: (name) => this.runner.positionOf(name),
        render: (name, selection, at) => this.runner.view(name, selection, at),
      },
      settings.viewMaxAgeMs,
    );
  }

  /**
   * Loads the views, then catches up and follows the store, none of it holding up the start: the
   * API answers /health at once however large the stored views, and until the first catch-up
   * readers wait for it (or hear that the views are catching up) and /health/ready says not ready.
   */
  start(): Promise<void> {
    this.catchingUp = this.loadAndFollow().then(
      () => {
        this.caughtUp = this.following;
      },
      (error: unknown) => {
        this.failure = error as Error;
        this.logger.error({ err: error }, 'The projections stopped following the store');
      },
    );
    return Promise.resolve();
  }

  private async loadAndFollow(): Promise<void> {
    await this.runner.load();
    for (const status of await this.runner.status()) if (status.parked) this.parked.add(status.name);
    // The API began to stop while the views were loading: they never follow the store.
    if (this.stopping) return;
    this.following = true;
    await this.runner.start();
  }

  async stop(): Promise<void> {
    // Stopping during the load waits for the load alone: nothing was folded, so nothing is saved.
    this.stopping = true;
    await this.catchingUp;
    if (this.following) await this.runner.stop();
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  get stopped(): Error | undefined {
    return this.failure;
  }

  status(): Promise<ProjectionStatus[]> {
    return this.runner.status();
  }

  /** The position a view has folded up to. */
  positionOf(name: string): number {
    return this.runner.positionOf(name);
  }

  /**
   * The view as it stands this instant, never a rendering kept past a move of the view: what
   * access is decided on (the caseloads). Rendered again only when the view has folded another
   * event, rather than for every query, so it is for views that depend on their events alone.
   */
  currentView<View>(name: string): View {
    const position = this.runner.positionOf(name);
    const kept = this.current.get(name);
    if (kept !== undefined && kept.position === position) return kept.view as View;
    const view = this.runner.view<View>(name, {});
    this.current.set(name, { position, view });
    return view;
  }

  /**
   * The live view for a selection, rendered at or after `atLeastPosition`; measured on `at` when
   * given and not before the view's newest event (see `rendersAt`), else as of that event.
   */
  view<View>(name: string, selection: Selection, atLeastPosition = 0, at?: string): View {
    return this.rendered.view(name, selection, atLeastPosition, at) as View;
  }

  /**
   * Whether the kept view answers as of `at`: nothing it holds was recorded after it. An earlier
   * moment is replayed from the store instead.
   */
  rendersAt(name: string, at: string): boolean {
    const newest = this.runner.latestRecordedAtOf(name);
    return newest === undefined || Date.parse(at) >= Date.parse(newest);
  }

  /**
   * Whether every named view has already folded the event at `position` since the first catch-up,
   * none of them parked: what `waitFor` would answer `reached` at once, told without a wait.
   */
  hasReached(names: ReadonlyArray<string>, position: number): boolean {
    return this.caughtUp && names.every((name) => !this.parked.has(name) && this.runner.positionOf(name) >= position);
  }

  /**
   * Waits, at most `limitMs`, until the first catch-up is done and every named view has folded
   * the event at `position` (0: no particular event). A parked view never gets there.
   */
  async waitFor(names: ReadonlyArray<string>, position: number, limitMs: number): Promise<WaitOutcome> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const parked = names.find((name) => this.parked.has(name));
      if (parked) return { parked };
      if (this.caughtUp && names.every((name) => this.runner.positionOf(name) >= position)) return 'reached';
      if (Date.now() >= deadline || this.failure) return 'timed-out';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
