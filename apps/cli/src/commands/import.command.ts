import { EventToAppend, prepareImportSealing } from '@coachline/eventstore';
import { RecordedEvent } from '@coachline/domain';
import { eventsOf, verifyEventFile } from '../event-file/verify-event-file';
import { formatLineError } from '../event-file/line-error';
import { progressOnStderr } from '../output/progress';
import { checkStore, openStore, OpenedStore } from '../store/open-store';
import { ensureReadable } from './options';
import { FailureError } from './usage-error';

export interface ImportOptions {
  readonly events: string;
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  /** `--create`: make the embedded store when its folder is new or empty; without it, the store must be there. */
  readonly create?: boolean;
}

const toAppend = (event: RecordedEvent): EventToAppend => ({
  id: event.id,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
});

const eventsToAppend = async function* (file: string) {
  for await (const event of eventsOf(file)) yield { stream: event.stream, event: toAppend(event) };
};

/**
 * Appends in file order, each stream's events after what the store already holds. Child data is
 * sealed with the target store's keys (a file never carries keys), and the file's erasures are
 * applied first: their children's keys are destroyed before anything is written, so their fields
 * are written as erased, never sealed or in the clear.
 */
const appendAll = async (store: OpenedStore, file: string, onEvent: (count: number) => void): Promise<number> => {
  const sealer = await prepareImportSealing(eventsToAppend(file), store, store.childKeyStore);
  let count = 0;
  const tagged = async function* () {
    for await (const imported of sealer.seal(eventsToAppend(file))) {
      onEvent(++count);
      yield imported;
    }
  };
  // PostgreSQL and PGlite import in one transaction; other stores append stream by stream.
  if (store.importEvents) return (await store.importEvents(tagged())).imported;
  for await (const { stream, event } of tagged()) await store.append(stream, [event], 'any');
  return count;
};

/**
 * `coachline import --events FILE [--store URL] [--create]`: verify the whole file first, then
 * append it. A file with any error imports nothing; a store that is not there is made only when
 * asked, and only once the file is known to be good.
 */
export const importCommand = async (options: ImportOptions, out: NodeJS.WritableStream): Promise<void> => {
  await ensureReadable(options.events);
  await checkStore(options.store, { create: options.create === true });
  const checking = progressOnStderr('verify');
  const verification = await verifyEventFile(options.events, (count) => checking.tick(count)).catch(
    (error: unknown) => {
      throw error instanceof FailureError ? new FailureError(`${error.message}; nothing was imported`) : error;
    },
  );
  checking.stop();
  if (verification.errors.length > 0) {
    throw new FailureError(
      [
        ...verification.errors.map((e) => formatLineError(options.events, e)),
        `${verification.errors.length} error(s); nothing was imported`,
      ].join('\n'),
    );
  }
  const store = await openStore(options.store, {
    keyFile: options.keyFile,
    create: options.create === true,
    appends: true,
  });
  try {
    const importing = progressOnStderr('import', verification.events);
    const imported = await appendAll(store, options.events, (count) => importing.tick(count));
    importing.stop();
    out.write(`imported ${imported} events into ${options.store ?? './.coachline'}\n`);
  } finally {
    await store.close();
  }
};
