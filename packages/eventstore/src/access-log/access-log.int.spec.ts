import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { AccessLogDamagedError, AccessLogUnavailableError, type AccessLog, type ViewRead } from './view-read';
import { FileAccessLog } from './file-access-log';
import { StoreAccessLog } from './store-access-log';

const read = (id: string, at: string): ViewRead => ({
  id,
  at,
  actor: { id: 'aud-1', role: 'auditor' },
  view: 'history',
  query: { stream: 'provider-p-017' },
  correlationId: `corr-${id}`,
});

const behaves = (name: string, open: () => Promise<{ log: AccessLog; dispose: () => Promise<void> }>) =>
  describe(name, () => {
    let log: AccessLog;
    let dispose: () => Promise<void>;
    beforeEach(async () => ({ log, dispose } = await open()));
    afterEach(() => dispose());

    it('gives back the reads of a day, in the order recorded, and only that day’s', async () => {
      await log.record(read('r-1', '2026-01-15T09:00:00.000Z'));
      await log.record(read('r-2', '2026-01-16T09:00:00.000Z'));
      await log.record(read('r-3', '2026-01-15T23:59:59.000Z'));
      expect(await log.readDay('2026-01-15')).toEqual([
        read('r-1', '2026-01-15T09:00:00.000Z'),
        read('r-3', '2026-01-15T23:59:59.000Z'),
      ]);
      expect(await log.readDay('2026-01-14')).toEqual([]);
    });

    it('gives back each query as a table: a parameter name reaches no prototype', async () => {
      await log.record({
        ...read('r-1', '2026-01-15T09:00:00.000Z'),
        query: { providerId: 'p-1', asOf: '2026-01-01T00:00:00.000Z' },
      });
      const [back] = await log.readDay('2026-01-15');
      expect(Object.getPrototypeOf(back!.query)).toBeNull();
      expect({ ...back!.query }).toEqual({ providerId: 'p-1', asOf: '2026-01-01T00:00:00.000Z' });
    });
  });

behaves('the access log in a store of its own', async () => {
  const store = new InMemoryEventStore();
  const log = new StoreAccessLog(store);
  return { log, dispose: () => log.close() };
});

behaves('the access log as a JSON Lines file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coachline-access-'));
  return {
    log: new FileAccessLog(join(dir, 'nested', 'access-log.jsonl')),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('the access log file', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'coachline-access-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is readable by its owner only, in a folder it makes for its owner only', async () => {
    const path = join(dir, 'made', 'access-log.jsonl');
    await new FileAccessLog(path).record(read('r-1', '2026-01-15T09:00:00.000Z'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'made'))).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['a line that is not JSON', '{"id":'],
    ['a record missing its reader', JSON.stringify({ ...read('r-2', '2026-01-15T10:00:00.000Z'), actor: undefined })],
    [
      'a query keyed by a name Object.prototype carries',
      '{"id":"r-2","at":"2026-01-15T10:00:00.000Z","actor":{"id":"a","role":"auditor"},"view":"history","query":{"__proto__":{"x":"y"}},"correlationId":"c"}',
    ],
  ])('names the line of %s instead of listing it', async (_name, line) => {
    const path = join(dir, 'access-log.jsonl');
    const log = new FileAccessLog(path);
    await log.record(read('r-1', '2026-01-15T09:00:00.000Z'));
    await appendFile(path, `${line}\n`);
    await expect(log.readDay('2026-01-15')).rejects.toThrow(
      new AccessLogDamagedError(`${path}:2: not a record of a read`),
    );
  });
});

describe('a record that could not be listed back', () => {
  it('is refused before it is written, by either log', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coachline-access-'));
    try {
      const hostile = {
        ...read('r-1', '2026-01-15T09:00:00.000Z'),
        query: JSON.parse('{"constructor":"x"}') as Record<string, string>,
      };
      for (const log of [
        new FileAccessLog(join(dir, 'access-log.jsonl')),
        new StoreAccessLog(new InMemoryEventStore()),
      ]) {
        await expect(log.record(hostile)).rejects.toThrow(AccessLogUnavailableError);
        expect(await log.readDay('2026-01-15')).toEqual([]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
