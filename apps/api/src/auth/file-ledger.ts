import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

const NEWLINE = 0x0a;

/** Reads an entry back, throwing the ledger's own damaged error when it is not one. */
export type DecodeEntry<E> = (value: unknown, where: string) => E;

/**
 * A register kept as a JSON Lines file, appended to only. Readable by its owner only, in a folder
 * made for its owner only: what it holds names who has a way in. Read from where the last look
 * stopped, a whole line at a time, so an entry another process is still writing is read at the
 * next look.
 */
export class FileLedger<E> {
  private readOffset = 0;
  private linesRead = 0;
  /**
   * The look under way. Two looks from the same offset would each move it past what they read,
   * past the end of the file: every look after would take the file for damaged.
   */
  private looking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly decode: DecodeEntry<E>,
    private readonly damaged: (message: string) => Error,
  ) {}

  async append(entry: E): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', flag: 'a', mode: 0o600 });
  }

  /** One look at a time: a look asked for while one is under way starts where that one stops. */
  readNew(): Promise<ReadonlyArray<E>> {
    const look = this.looking.then(() => this.readFromLastLook());
    this.looking = look.catch(() => undefined);
    return look;
  }

  private async readFromLastLook(): Promise<ReadonlyArray<E>> {
    let file;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (this.readOffset === 0) return [];
      throw this.damaged(`${this.path}: removed since it was last read`);
    }
    try {
      const { size } = await file.stat();
      if (size < this.readOffset)
        throw this.damaged(`${this.path}: shorter than when it was last read; entries were removed`);
      if (size === this.readOffset) return [];
      const unread = Buffer.alloc(size - this.readOffset);
      await file.read(unread, 0, unread.length, this.readOffset);
      const end = unread.lastIndexOf(NEWLINE);
      if (end < 0) return [];
      const entries: E[] = [];
      let lineNumber = this.linesRead;
      for (const line of unread.subarray(0, end).toString('utf8').split('\n')) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const where = `${this.path}:${lineNumber}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          // Not JSON at all: decoded as nothing, so the message is the ledger's own.
          parsed = undefined;
        }
        entries.push(this.decode(parsed, where));
      }
      this.readOffset += end + 1;
      this.linesRead = lineNumber;
      return entries;
    } finally {
      await file.close();
    }
  }

  async close(): Promise<void> {}
}
