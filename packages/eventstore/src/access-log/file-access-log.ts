import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  AccessLog,
  AccessLogDamagedError,
  AccessLogUnavailableError,
  dayOf,
  decodeViewRead,
  ensureRecordable,
  ViewRead,
} from './view-read';

/** The name of the log in a data folder (an embedded store's, or the one kept for EventStoreDB). */
export const ACCESS_LOG_FILE = 'access-log.jsonl';

/**
 * The access log as a JSON Lines file opened for appending only, for the embedded store and for
 * EventStoreDB (whose single global log must hold program events only). The file is readable by
 * its owner only, and a folder made for it by its owner only: it names who read whose records.
 */
export class FileAccessLog implements AccessLog {
  constructor(private readonly path: string) {}

  async record(read: ViewRead): Promise<void> {
    ensureRecordable(read);
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      await appendFile(this.path, `${JSON.stringify(read)}\n`, { encoding: 'utf8', flag: 'a', mode: 0o600 });
    } catch (error) {
      throw new AccessLogUnavailableError(`The access log could not record the read: ${(error as Error).message}`);
    }
  }

  async readDay(day: string): Promise<ReadonlyArray<ViewRead>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const reads: ViewRead[] = [];
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${this.path}:${index + 1}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new AccessLogDamagedError(`${where}: not a record of a read`);
      }
      const read = decodeViewRead(parsed, where);
      if (dayOf(read.at) === day) reads.push(read);
    });
    return reads;
  }

  async close(): Promise<void> {}
}
