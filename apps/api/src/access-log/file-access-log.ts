import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AccessLog, AccessLogUnavailableError, dayOf, ViewRead } from './access-log';

/**
 * The access log as a JSON Lines file opened for appending only, for the embedded store (one
 * process owns the folder) and for EventStoreDB (whose single global log must hold program
 * events only).
 */
export class FileAccessLog implements AccessLog {
  constructor(private readonly path: string) {}

  async record(read: ViewRead): Promise<void> {
    try {
      await mkdir(dirname(this.path), { recursive: true });
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
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ViewRead)
      .filter((read) => dayOf(read.at) === day);
  }

  async close(): Promise<void> {}
}
