import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE_NAME, type KeyEncryptionKey, unwrapChildKey, type WrappedChildKey } from '@coachline/eventstore';
import { createTestDatabase, openStoreDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import {
  ADMIN_TOKEN_MAIN,
  API_MAIN,
  apiEnvironment,
  freePort,
  repositoryRoot,
  runNode,
  waitFor,
} from '../testing/api-process';
import { keyEncryptionKeysIn, openWithEverything, sealedFieldsOf } from '../testing/child-data-residue';

/**
 * The erasure guarantee on a PostgreSQL server, whose write-ahead log, backups and replicas the
 * store cannot reach: every wrapped key the server held before the erasure (as a backup or a
 * replica would keep it) opens nothing with the key file the API is left with, and nothing opens
 * the erased child's sealed fields; the child whose data stays opens as before.
 */
const CHILD_NAME = 'Zephyrine Quillfeather';
const BIRTH_DATE = '2023-04-17';
const CHILD_REF = 'child-9d2e';
const KEPT_NAME = 'Barnaby Oakenshield';
const KEPT_REF = 'child-4b7a';

/** Whether any of the keys opens the wrapped key, whichever generation it is taken for. */
const opensWith = (row: WrappedChildKey, keks: ReadonlyArray<KeyEncryptionKey>): boolean =>
  keks.some((kek) =>
    Array.from({ length: kek.generation + 1 }, (_, i) => i + 1).some((generation) => {
      try {
        unwrapChildKey(row.wrapped, row.keyId, row.childRef, { generation, key: kek.key });
        return true;
      } catch {
        return false;
      }
    }),
  );

(postgresAvailableSync() ? describe : describe.skip)(
  'erasing a child’s data, end to end on a PostgreSQL server',
  () => {
    let work: string;
    let database: { readonly url: string; drop(): Promise<void> };
    let api: ChildProcess | undefined;
    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'coachline-erasure-server-'));
      database = await createTestDatabase('erasure');
    });
    afterAll(async () => {
      if (api && api.exitCode === null) api.kill('SIGKILL');
      await database.drop();
      await rm(work, { recursive: true, force: true });
    });

    it('leaves every wrapped key the server held before the erasure unable to open anything with the key file after it', async () => {
      const keyFile = join(work, 'keys', KEY_FILE_NAME);
      const port = await freePort();
      const env = apiEnvironment(join(work, 'data'), port, { DATABASE_URL: database.url, COACHLINE_KEY_FILE: keyFile });
      const token = (await runNode([...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], env)).stdout.trim();
      api = spawn(process.execPath, API_MAIN, {
        cwd: repositoryRoot,
        env,
        stdio: 'ignore',
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${base}/health`)).ok, 90_000);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const post = (path: string, body: object) =>
        fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const stream = async (name: string) =>
        (
          (await (await fetch(`${base}/streams/${name}`, { headers })).json()) as {
            events: Array<{ data: Record<string, unknown> }>;
          }
        ).events;

      const db = await openStoreDatabase(database.url);
      try {
        const distribution = { providerId: 'p-1', ageIntervalMonths: 24, distributedOn: '2025-09-10' };
        expect(
          (
            await post('/screenings/scr-1/distribution', {
              ...distribution,
              childRef: CHILD_REF,
              childName: CHILD_NAME,
              childBirthDate: BIRTH_DATE,
            })
          ).status,
        ).toBe(201);
        expect(
          (await post('/screenings/scr-9/distribution', { ...distribution, childRef: KEPT_REF, childName: KEPT_NAME }))
            .status,
        ).toBe(201);

        // What a backup or a replica taken now would hold.
        const keyRows = async (): Promise<WrappedChildKey[]> =>
          (
            await db.query<{ child_ref: string; key_id: string; generation: number; wrapped: string }>(
              `SELECT child_ref, key_id, generation, encode(wrapped, 'hex') AS wrapped FROM coachline.child_keys ORDER BY child_ref`,
            )
          ).map((row) => ({
            childRef: row.child_ref,
            keyId: row.key_id,
            generation: row.generation,
            wrapped: Buffer.from(row.wrapped, 'hex'),
          }));
        const sealedOf = async (stream: string) =>
          sealedFieldsOf(
            await db.query<{ id: string; stream: string; data: unknown }>(
              `SELECT id, stream, data FROM coachline.events WHERE stream = $1`,
              [stream],
            ),
          );
        const backedUp = await keyRows();
        const sealedErased = await sealedOf('screening-scr-1');
        const sealedKept = await sealedOf('screening-scr-9');
        const keksBefore = await keyEncryptionKeysIn(keyFile);
        expect(backedUp.map((row) => row.childRef)).toEqual([KEPT_REF, CHILD_REF].sort());
        for (const row of backedUp) expect(opensWith(row, keksBefore)).toBe(true);
        const childRefs = [CHILD_REF, KEPT_REF];
        expect(
          openWithEverything(sealedErased, {
            wrapped: backedUp.map((row) => row.wrapped),
            keks: keksBefore,
            childRefs,
          }).sort(),
        ).toEqual([BIRTH_DATE, CHILD_NAME].sort());

        expect((await post('/screenings/scr-1/erasure', { childRef: CHILD_REF, on: '2025-12-20' })).status).toBe(201);
        expect((await stream('screening-scr-1'))[0]!.data['childName']).toEqual({ erased: true });
        expect((await stream('screening-scr-9'))[0]!.data['childName']).toBe(KEPT_NAME);

        const keksAfter = await keyEncryptionKeysIn(keyFile);
        for (const row of backedUp)
          expect({ child: row.childRef, opens: opensWith(row, keksAfter) }).toEqual({
            child: row.childRef,
            opens: false,
          });
        const now = await keyRows();
        expect(now.map((row) => row.childRef)).toEqual([KEPT_REF]);
        for (const row of now) expect(opensWith(row, keksAfter)).toBe(true);
        const everything = {
          wrapped: [...backedUp, ...now].map((row) => row.wrapped),
          keks: [...keksAfter],
          childRefs,
        };
        expect(openWithEverything(sealedErased, everything)).toEqual([]);
        expect(openWithEverything(sealedKept, everything)).toEqual([KEPT_NAME]);
      } finally {
        await db.close();
        const stopped = new Promise((done) => api!.on('close', done));
        api!.kill('SIGTERM');
        await stopped;
      }
    }, 240_000);
  },
);
