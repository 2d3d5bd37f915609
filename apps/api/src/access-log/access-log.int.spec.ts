import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore } from '@coachline/eventstore';
import type { AccessLog, ViewRead } from './access-log';
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
      expect(await log.readDay('2026-01-15')).toEqual([read('r-1', '2026-01-15T09:00:00.000Z'), read('r-3', '2026-01-15T23:59:59.000Z')]);
      expect(await log.readDay('2026-01-14')).toEqual([]);
    });
  });

behaves('the access log in a store of its own', async () => {
  const store = new InMemoryEventStore();
  const log = new StoreAccessLog(store);
  return { log, dispose: () => log.close() };
});

behaves('the access log as a JSON Lines file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coachline-access-'));
  return { log: new FileAccessLog(join(dir, 'nested', 'access-log.jsonl')), dispose: () => rm(dir, { recursive: true, force: true }) };
});

describe('the access log file', () => {
  it('is readable by its owner only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'coachline-access-'));
    const path = join(dir, 'access-log.jsonl');
    await new FileAccessLog(path).record(read('r-1', '2026-01-15T09:00:00.000Z'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await rm(dir, { recursive: true, force: true });
  });
});
