import { resolve } from 'node:path';
import { StoredEvent } from '@coachline/eventstore';
import { recordRead } from '../access-log/record-read';
import { readerOf } from '../access-log/reader';
import { extractCommand } from '../extracts/extract-command';
import { checkOutputFile, writeOutputFile } from '../output/output-file';
import { checkpointLineText, type CarriedCheckpoint } from '../verifiable/carried-checkpoint';
import { openStore, type OpenedStore } from '../store/open-store';
import { childDataOpener } from './opened-child-data';
import { requireSelected, storeHolds } from './view-selection';

export interface ExportOptions {
  readonly out: string;
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly stream?: string;
  readonly asOf?: string;
  /** `--for evaluation|share`: what one kind of reader may see, instead of the history. */
  readonly for?: string;
  readonly format?: string;
  readonly pseudonymSecret?: string;
  /**
   * `--open-child-data`: child fields opened (plain for live children, erased for erased ones),
   * for moving a program to another store, whose `import` seals them with its own keys. Such a
   * file holds children's data in the clear, and carries no hashes (opening changes the events).
   */
  readonly openChildData?: boolean;
  /** `--as ID`: who reads, for the access log (else the operating-system user). */
  readonly as?: string;
}

/** One line of the event file: the event's envelope (docs/events.md), then the store's order and hashes. */
const eventLine = (stored: StoredEvent, withIntegrity: boolean) => ({
  id: stored.id,
  stream: stored.stream,
  revision: stored.revision,
  type: stored.type,
  schemaVersion: stored.schemaVersion,
  data: stored.data,
  metadata: stored.metadata,
  position: stored.position,
  ...(withIntegrity && stored.integrity ? { integrity: stored.integrity } : {}),
});

/** The store's latest signed checkpoint and the keys it publishes, where it keeps any. */
const carriedCheckpoint = async (store: OpenedStore): Promise<CarriedCheckpoint | undefined> => {
  const latest = await store.signedCheckpoints?.latest();
  if (latest === undefined || store.signedCheckpoints === undefined) return undefined;
  return { note: latest.note, keys: await store.signedCheckpoints.publishedKeys() };
};

/** The size line of a note the store signed. */
const signedSize = (checkpoint: CarriedCheckpoint): string => checkpoint.note.split('\n')[1] ?? '?';

/**
 * `coachline export --out FILE`: the history as an event file, in global order with positions,
 * with the store's hashes (`integrity`) so that `verify --events` can check the chain, and closed
 * by the latest signed checkpoint, so that it can tell a file whose newest events were cut; `--as-of`
 * keeps what was recorded by then. Each event is written as it was stored, at the schema version
 * it was written in: readers upcast on read, and a rewritten event would no longer match its hash.
 * The file, readable by its owner only, appears once whole and once the read is in the access log.
 */
export const exportCommand = async (
  options: ExportOptions,
  out: NodeJS.WritableStream,
  now: () => Date = () => new Date(),
): Promise<void> => {
  if (options.for !== undefined) return extractCommand({ ...options, for: options.for }, out);
  await checkOutputFile(options.out);
  const reader = readerOf(options.as);
  const store = await openStore(options.store, { keyFile: options.keyFile });
  const asOfMs = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  let count = 0;
  // Only a whole history carries the store's hashes: a chain cut by --stream or --as-of checks nothing.
  const chained = options.stream === undefined && asOfMs === undefined;
  const open = options.openChildData === true ? childDataOpener(store) : undefined;
  let checkpoint: CarriedCheckpoint | undefined;
  const lines = async function* (): AsyncGenerator<string> {
    // Read before the events, so the events written are at least those it signed.
    checkpoint = chained && !open ? await carriedCheckpoint(store) : undefined;
    const events: AsyncIterable<StoredEvent> = options.stream ? store.readStream(options.stream) : store.readAll();
    for await (const read of events) {
      if (asOfMs !== undefined && Date.parse(read.metadata.recordedAt) > asOfMs) continue;
      const stored = open ? await open(read) : read;
      count++;
      yield `${JSON.stringify(eventLine(stored, chained && !open))}\n`;
    }
    if (checkpoint !== undefined) yield checkpointLineText(checkpoint);
  };
  try {
    if (options.stream !== undefined)
      await requireSelected({ view: 'history', stream: options.stream }, storeHolds(store));
    await writeOutputFile(options.out, lines(), {
      beforeCommit: () =>
        recordRead({
          store: options.store,
          reader,
          view: 'history-export',
          query: {
            out: resolve(options.out),
            stream: options.stream,
            asOf: options.asOf,
            childData: open ? 'opened' : undefined,
          },
          at: now(),
        }).then(() => undefined),
    });
  } finally {
    await store.close();
  }
  const closedBy =
    checkpoint === undefined ? '' : `, closed by the signed checkpoint of ${signedSize(checkpoint)} events`;
  out.write(`exported ${count} events to ${options.out}${closedBy}\n`);
};
