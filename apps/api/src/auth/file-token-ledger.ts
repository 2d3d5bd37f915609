import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { decodeTokenEntry, TokenEntry, TokenLedger, TokenRegisterDamagedError } from './token-register';

/** The name of the register in a data folder, beside the access log. */
export const TOKEN_REGISTER_FILE = 'tokens.jsonl';

const NEWLINE = 0x0a;

/**
 * The token register as a JSON Lines file, appended to only, for the embedded store and for
 * EventStoreDB. Readable by its owner only, in a folder made for its owner only: it names who
 * holds a way in. Read from where the last look stopped, a whole line at a time, so an entry
 * another process is still writing is read at the next look.
 */
export class FileTokenLedger implements TokenLedger {
  private readOffset = 0;
  private linesRead = 0;
  /**
   * The look under way. Two looks from the same offset would each move it past what they read,
   * past the end of the file: every look after would take the file for damaged.
   */
  private looking: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  async append(entry: TokenEntry): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    await appendFile(this.path, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', flag: 'a', mode: 0o600 });
  }

  /** One look at a time: a look asked for while one is under way starts where that one stops. */
  readNew(): Promise<ReadonlyArray<TokenEntry>> {
    const look = this.looking.then(() => this.readFromLastLook());
    this.looking = look.catch(() => undefined);
    return look;
  }

  private async readFromLastLook(): Promise<ReadonlyArray<TokenEntry>> {
    let file;
    try {
      file = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (this.readOffset === 0) return [];
      throw new TokenRegisterDamagedError(`${this.path}: removed since it was last read`);
    }
    try {
      const { size } = await file.stat();
      if (size < this.readOffset)
        throw new TokenRegisterDamagedError(`${this.path}: shorter than when it was last read; entries were removed`);
      if (size === this.readOffset) return [];
      const unread = Buffer.alloc(size - this.readOffset);
      await file.read(unread, 0, unread.length, this.readOffset);
      const end = unread.lastIndexOf(NEWLINE);
      if (end < 0) return [];
      const entries: TokenEntry[] = [];
      let lineNumber = this.linesRead;
      for (const line of unread.subarray(0, end).toString('utf8').split('\n')) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const where = `${this.path}:${lineNumber}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          throw new TokenRegisterDamagedError(`${where}: not an entry of the token register`);
        }
        entries.push(decodeTokenEntry(parsed, where));
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
