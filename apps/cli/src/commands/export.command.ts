import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { encodeRecordedEvent } from '@coachline/domain';
import { asRecordedEvent, StoredEvent } from '@coachline/eventstore';
import { openStore } from '../store/open-store';

export interface ExportOptions {
  readonly out: string;
  readonly store?: string;
  readonly stream?: string;
  readonly asOf?: string;
}

/**
 * `coachline export --out FILE`: the history as an event file, in global order with positions,
 * every event at its current schema version; `--as-of` keeps what was recorded by then.
 */
export const exportCommand = async (options: ExportOptions, out: NodeJS.WritableStream): Promise<void> => {
  const store = await openStore(options.store);
  const file = createWriteStream(options.out, { encoding: 'utf8' });
  const asOfMs = options.asOf === undefined ? undefined : Date.parse(options.asOf);
  let count = 0;
  try {
    const events: AsyncIterable<StoredEvent> = options.stream ? store.readStream(options.stream) : store.readAll();
    for await (const stored of events) {
      if (asOfMs !== undefined && Date.parse(stored.metadata.recordedAt) > asOfMs) continue;
      const line = `${JSON.stringify({ ...encodeRecordedEvent(asRecordedEvent(stored)), position: stored.position })}\n`;
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
