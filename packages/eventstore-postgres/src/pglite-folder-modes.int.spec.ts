import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from './open';

/** Every folder and file under `folder` whose mode lets anyone but its owner in. */
const openToOthers = async (folder: string): Promise<string[]> => {
  const found: string[] = [];
  const pending = [folder];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (((await stat(next)).mode & 0o777) !== 0o700) found.push(`${next}/`);
    for (const entry of await readdir(next, { withFileTypes: true })) {
      const path = join(next, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (((await stat(path)).mode & 0o777) !== 0o600) found.push(path);
    }
  }
  return found;
};

const event = (n: number) => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { sessionId: `s-${n}`, notes: 'x'.repeat(2_000) },
  metadata: { actor: { id: 'c-1', role: 'coach' }, recordedAt: '2026-01-15T12:00:00.000Z', commandId: `cmd-${n}`, correlationId: `corr-${n}` },
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
    expect(await openToOthers(dataDir)).toEqual([]);
    for (let n = 0; n < 200; n += 20) await store.append(`provider-p-${n}`, Array.from({ length: 20 }, (_, i) => event(n + i)), 'any');
    await store.close();
    expect(await openToOthers(dataDir)).toEqual([]);

    const again = await openPgliteEventStore({ dataDir });
    await again.append('provider-p-x', [event(1_000)], 'no-stream');
    expect(await openToOthers(dataDir)).toEqual([]);
    await again.close();
    expect(await openToOthers(dataDir)).toEqual([]);
  });

  it('is closed again when an older version left it open to others', async () => {
    const dataDir = join(parent, 'old');
    await (await openPgliteEventStore({ dataDir })).close();
    await chmod(dataDir, 0o777);
    await writeFile(join(dataDir, 'left-open'), 'x', { mode: 0o666 });
    await chmod(join(dataDir, 'left-open'), 0o666);
    await chmod(join(dataDir, 'PG_VERSION'), 0o644);
    expect((await openToOthers(dataDir)).length).toBeGreaterThan(0);
    await (await openPgliteEventStore({ dataDir })).close();
    expect(await openToOthers(dataDir)).toEqual([]);
  });
});
