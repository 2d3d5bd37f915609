import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { encodeRecordedEvent } from '@coachline/domain';
import { DemoProgramOptions, generateDemoProgram } from './generate-demo-program';

export interface WriteDemoFileOptions extends DemoProgramOptions {
  /** Called now and then with the number of events written so far, and once at the end. */
  readonly onProgress?: (eventsWritten: number) => void;
}

export interface DemoFileSummary {
  readonly events: number;
  /** The `recordedAt` of the last event, the moment the history is complete as of. */
  readonly lastRecordedAt: string | undefined;
}

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARACTERS = 1 << 20;
const PROGRESS_EVERY = 10_000;

/**
 * The event file of a demo program year: JSON Lines, one event per line in global order,
 * each with its position. A file is complete or absent: on any failure the partial file is
 * removed, so nobody replays half a year by mistake.
 */
export const writeDemoFile = async (path: string, options: WriteDemoFileOptions): Promise<DemoFileSummary> => {
  // Generation starts before the file is opened, so wrong options fail without touching the disk.
  const events = generateDemoProgram(options);
  const first = events.next();
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  let written = 0;
  let lastRecordedAt: string | undefined;
  try {
    let chunk = '';
    for (let next = first; !next.done; next = events.next()) {
      const event = next.value;
      chunk += `${JSON.stringify(encodeRecordedEvent(event))}\n`;
      lastRecordedAt = event.metadata.recordedAt;
      written++;
      if (chunk.length >= CHUNK_CHARACTERS) {
        await write(chunk);
        chunk = '';
      }
      if (written % PROGRESS_EVERY === 0) options.onProgress?.(written);
    }
    if (chunk.length > 0) await write(chunk);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
  options.onProgress?.(written);
  return { events: written, lastRecordedAt };
};
