import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { StoredEvent } from '@coachline/eventstore';
import { openStore } from '../store/open-store';
import { extractCommand } from '../extracts/extract-command';
import { childDataOpener } from './opened-child-data';

export interface ExportOptions {
  readonly out: string;
  readonly store?: string;
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
}

/**
 * `coachline export --out FILE`: the history as an event file, in global order with positions,
 * with the store's hashes (`integrity`) so that `verify --events` can check the chain; `--as-of`
 * keeps what was recorded by then. Each event is written as it was stored, at the schema version
 * it was written in: readers upcast on read, and a rewritten event would no longer match its hash.
 */
/** One line of the event file: the envelope of INTERFACES.md, then the store's order and hashes. */
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

export const exportCommand = async (options: ExportOptions, out: NodeJS.WritableStream): Promise<void> => {
  if (options.for !== undefined) return extractCommand({ ...options, for: options.for }, out);
  const store = await openStore(options.store);
  const file = createWriteStream(options.out, { encoding: 'utf8' });
  const asOfMs = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  let count = 0;
  // Only a whole history carries the store's hashes: a chain cut by --stream or --as-of checks nothing.
  const chained = options.stream === undefined && asOfMs === undefined;
  try {
    const events: AsyncIterable<StoredEvent> = options.stream ? store.readStream(options.stream) : store.readAll();
    const open = options.openChildData === true ? childDataOpener(store) : undefined;
    for await (const read of events) {
      if (asOfMs !== undefined && Date.parse(read.metadata.recordedAt) > asOfMs) continue;
      const stored = open ? await open(read) : read;
      const line = `${JSON.stringify(eventLine(stored, chained && !open))}\n`;
      if (!file.write(line)) await once(file, 'drain');
      count++;
    }
  } finally {
    file.end();
    await once(file, 'close');
    await store.close();
  }
  out.write(`exported ${count} events to ${options.out}\n`);
};
