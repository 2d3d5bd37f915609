import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesOpenToOthers } from '@coachline/eventstore/testing';
import { openPgliteEventStore } from './open';
import { startPglite } from './pglite-client';

const event = (n: number) => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { sessionId: `s-${n}` },
  metadata: {
    actor: { id: 'c-1', role: 'coach' },
    recordedAt: '2026-01-15T12:00:00.000Z',
    commandId: `cmd-${n}`,
    correlationId: `corr-${n}`,
  },
});

/** What a closed store's folder holds, read with PGlite itself. */
const inFolder = async <R extends object>(dataDir: string, sql: string): Promise<R[]> => {
  const pglite = await startPglite({ dataDir });
  try {
    return (await pglite.query<R>(sql)).rows;
  } finally {
    await pglite.close();
  }
};

const storeIdOf = async (dataDir: string): Promise<string> =>
  (await inFolder<{ store_id: string }>(dataDir, 'SELECT store_id FROM coachline.child_key_wrapping'))[0]!.store_id;

describe('a new embedded store made from a template database', () => {
  jest.setTimeout(240_000);
  let parent: string;
  let template: string;
  let umask: number;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'coachline-template-'));
    umask = process.umask(0o022);
    template = join(parent, 'template');
    await (await startPglite({ dataDir: template })).close();
    // Nothing of PostgreSQL's: only a copy of the template carries it.
    await writeFile(join(template, 'made-as-template'), 'yes');
  });
  afterAll(async () => {
    process.umask(umask);
    await rm(parent, { recursive: true, force: true });
  });

  it('starts as a copy of it, private to its owner, with a schema and an identity of its own', async () => {
    const first = join(parent, 'first');
    const second = join(parent, 'second');
    const store = await openPgliteEventStore({ dataDir: first, template });
    expect(await readFile(join(first, 'made-as-template'), 'utf8')).toBe('yes');
    expect(await filesOpenToOthers(first)).toEqual([]);
    const { lastPosition } = await store.append('provider-p-1', [event(1), event(2)], 'no-stream');
    expect(lastPosition).toBe(2);
    await store.close();
    await (await openPgliteEventStore({ dataDir: second, template })).close();

    const [firstId, secondId] = [await storeIdOf(first), await storeIdOf(second)];
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).not.toBe(firstId);
    // The template is left as it was: no schema was made in it.
    expect(
      await inFolder<{ n: number }>(
        template,
        "SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'coachline'",
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('copies again over a copy cut short, and leaves a folder that holds a database as it is', async () => {
    const cutShort = join(parent, 'cut-short');
    await cp(template, cutShort, { recursive: true });
    // The database's mark is copied last: without it, whatever else is there is an unfinished copy.
    await rm(join(cutShort, 'PG_VERSION'));
    await writeFile(join(cutShort, 'global', 'pg_control'), 'torn');
    const again = await openPgliteEventStore({ dataDir: cutShort, template });
    expect((await again.append('provider-p-1', [event(1)], 'no-stream')).lastPosition).toBe(1);
    await again.close();

    const reopened = await openPgliteEventStore({ dataDir: cutShort, template });
    expect(await reopened.headPosition()).toBe(1);
    await reopened.close();
  });
});
