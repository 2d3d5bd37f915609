import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from './open';
import { filesOpenToOthers } from '@coachline/eventstore/testing';

const event = (n: number) => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { sessionId: `s-${n}`, notes: 'x'.repeat(2_000) },
  metadata: {
    actor: { id: 'c-1', role: 'coach' },
    recordedAt: '2026-01-15T12:00:00.000Z',
    commandId: `cmd-${n}`,
    correlationId: `corr-${n}`,
  },
});

describe('the embedded store’s folder', () => {
  jest.setTimeout(120_000);
  let parent: string;
  let umask: number;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'coachline-modes-'));
    // The usual umask, which leaves files readable by everyone: the modes must not depend on it.
    umask = process.umask(0o022);
  });
  afterAll(async () => {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('is its owner’s alone when created, after writes, and after it is opened again', async () => {
    const dataDir = join(parent, 'new', '.coachline');
    const store = await openPgliteEventStore({ dataDir });
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    for (let n = 0; n < 200; n += 20)
      await store.append(
        `provider-p-${n}`,
        Array.from({ length: 20 }, (_, i) => event(n + i)),
        'any',
      );
    await store.close();
    expect(await filesOpenToOthers(dataDir)).toEqual([]);

    const again = await openPgliteEventStore({ dataDir });
    await again.append('provider-p-x', [event(1_000)], 'no-stream');
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
    await again.close();
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
  });

  it('is closed again when an older version left it open to others', async () => {
    const dataDir = join(parent, 'old');
    await (await openPgliteEventStore({ dataDir })).close();
    await chmod(dataDir, 0o777);
    await writeFile(join(dataDir, 'left-open'), 'x', { mode: 0o666 });
    await chmod(join(dataDir, 'left-open'), 0o666);
    await chmod(join(dataDir, 'PG_VERSION'), 0o644);
    expect((await filesOpenToOthers(dataDir)).length).toBeGreaterThan(0);
    await (await openPgliteEventStore({ dataDir })).close();
    expect(await filesOpenToOthers(dataDir)).toEqual([]);
  });
});
