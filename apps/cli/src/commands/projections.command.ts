import { InMemoryProjectionCheckpoints, ProjectionCheckpoints } from '@coachline/eventstore';
import { ProjectionRunner, RebuildProgress } from '@coachline/views';
import { projections, recordingLagProjection } from '@coachline/projections';
import { openStore, OpenedStore } from '../store/open-store';

export interface ProjectionsOptions {
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
}

/** What the API keeps beside the readers' views: the recording lag its program report reads. */
const keptViews = [...projections, recordingLagProjection];

/** PostgreSQL and PGlite keep views beside the events; other stores rebuild them each time. */
const checkpointsOf = (store: OpenedStore): ProjectionCheckpoints =>
  store.projectionCheckpoints?.() ?? new InMemoryProjectionCheckpoints();

const describeProgress = (p: RebuildProgress): string =>
  `rebuilding ${p.projections.join(', ')}: ${p.events} events, position ${p.position}/${p.headPosition}, ${p.eventsPerSecond} events/s` +
  (p.secondsLeft === undefined ? '' : `, ${p.secondsLeft} s left`);

/**
 * `coachline projections [--store URL]`: brings every stored view up to date (rebuilding those
 * whose version changed, with progress on stderr) and lists each view's position, lag and,
 * for a projection that failed, the event and error it is parked at.
 */
export const projectionsCommand = async (
  options: ProjectionsOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<void> => {
  const store = await openStore(options.store, { keyFile: options.keyFile });
  try {
    const runner = new ProjectionRunner({
      store,
      checkpoints: checkpointsOf(store),
      projections: keptViews,
      onProgress: (progress) => err.write(`${describeProgress(progress)}\n`),
      onParked: (name, at) =>
        err.write(`${name} parked at position ${at.position} (${at.eventType} ${at.eventId}): ${at.error}\n`),
    });
    await runner.start();
    await runner.stop();
    for (const status of await runner.status()) {
      const parked = status.parked
        ? `  PARKED at ${status.parked.position} (${status.parked.eventType}): ${status.parked.error}`
        : '';
      out.write(
        `${status.name.padEnd(12)} v${status.version}  position ${status.position}  lag ${status.lag}${parked}\n`,
      );
    }
  } finally {
    await store.close();
  }
};
