import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { keyEncryptionKeyFile, keyFileBeside, openChildKeyStore } from '@coachline/eventstore';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';
import {
  ADMIN_TOKEN_MAIN,
  API_MAIN,
  apiEnvironment,
  freePort,
  repositoryRoot,
  runNode,
  waitFor,
} from '../testing/api-process';
import {
  filesHolding,
  keyEncryptionKeysIn,
  keyForms,
  openWithEverything,
  sealedFieldsOf,
  wrappedKeysUnder,
} from '../testing/child-data-residue';

// The app loads its database adapter lazily; its tests do the same.
const openPglite = async (options: { dataDir: string }) =>
  (await import('@coachline/eventstore-postgres')).openPgliteEventStore(options);

/**
 * The erasure guarantee end to end, on the deployment a newcomer starts with: the API process on
 * an embedded PGlite folder, its key file beside it, its log output, its access-log file, and the
 * command line's export and import. After erasure none of them holds the child's data, no file
 * holds the child's key, and nothing left on disk opens the sealed fields an export carries.
 */
const CHILD_NAME = 'Zephyrine Quillfeather';
const BIRTH_DATE = '2023-04-17';
const ACTION = 'Referred to the Marrowbrook speech clinic';
const CHILD_REF = 'child-9d2e';
const SECRETS = [CHILD_NAME, BIRTH_DATE, ACTION];
/** A child whose data stays: its key must still open after the erasure of the other's. */
const KEPT_NAME = 'Barnaby Oakenshield';
const KEPT_REF = 'child-4b7a';

const coachline = (env: NodeJS.ProcessEnv, ...args: string[]) => runNode(['apps/cli/bin/coachline.js', ...args], env);

/** The secrets found in any file under the folder, with where. */
const scanFolder = (dir: string, secrets: ReadonlyArray<string>): Promise<string[]> =>
  filesHolding(
    [dir],
    secrets.map((secret) => ({ name: secret, bytes: Buffer.from(secret, 'utf8') })),
  );

const query = <R>(store: PostgresEventStore, text: string): Promise<R[]> =>
  (store as unknown as { client: { query<T>(sql: string): Promise<T[]> } }).client.query<R>(text);

const dumpTables = async (store: PostgresEventStore): Promise<string> => {
  const tables = await query<{ table_schema: string; table_name: string }>(
    store,
    `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  );
  const rows: string[] = [];
  for (const { table_schema, table_name } of tables)
    for (const { row } of await query<{ row: string }>(
      store,
      `SELECT t::text AS row FROM "${table_schema}"."${table_name}" t`,
    ))
      rows.push(`${table_name} ${row}`);
  return rows.join('\n');
};

type Line = { id: string; stream: string; type: string; data: Record<string, unknown> };

// The most talkative level: whatever the API logs, it must not be child data.
const environment = (dataDir: string, port: number): NodeJS.ProcessEnv =>
  apiEnvironment(dataDir, port, { LOG_LEVEL: 'trace' });

describe('erasing a child’s data, end to end on an embedded store', () => {
  let work: string;
  let api: ChildProcess | undefined;
  let logs = '';
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'coachline-erasure-'));
  });
  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('leaves no trace of the child in the database files, the logs, the access log or an export, and nothing on disk opens its sealed fields', async () => {
    const dataDir = join(work, 'store');
    // Where the API and the command line both keep the key file when told nothing: beside the data folder.
    const keyFile = keyFileBeside(dataDir);
    const port = await freePort();
    const env = environment(dataDir, port);
    const token = (await runNode([...ADMIN_TOKEN_MAIN, '--id', 'admin-1'], env)).stdout.trim();
    const base = `http://127.0.0.1:${port}`;
    const startApi = async () => {
      api = spawn(process.execPath, API_MAIN, { cwd: repositoryRoot, env });
      api.stdout!.on('data', (chunk) => (logs += chunk));
      api.stderr!.on('data', (chunk) => (logs += chunk));
      await waitFor(async () => (await fetch(`${base}/health`)).ok, 90_000);
    };
    const stopApi = async () => {
      const stopped = new Promise((done) => api!.on('close', done));
      api!.kill('SIGTERM');
      await stopped;
    };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = (path: string, body: object) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const stream = async (name: string) =>
      (
        (await (await fetch(`${base}/streams/${name}`, { headers })).json()) as {
          events: Array<{ data: Record<string, unknown> }>;
        }
      ).events;

    await startApi();
    const distribution = {
      providerId: 'p-1',
      childRef: CHILD_REF,
      ageIntervalMonths: 24,
      distributedOn: '2025-09-10',
      childName: CHILD_NAME,
      childBirthDate: BIRTH_DATE,
    };
    expect((await post('/screenings/scr-1/distribution', distribution)).status).toBe(201);
    expect(
      (await post('/screenings/scr-1/score', { score: 40, zone: 'monitoring', scoredOn: '2025-09-24' })).status,
    ).toBe(201);
    expect((await post('/screenings/scr-1/follow-ups', { action: ACTION, on: '2025-09-30' })).status).toBe(201);
    const kept = {
      providerId: 'p-1',
      childRef: KEPT_REF,
      ageIntervalMonths: 24,
      distributedOn: '2025-09-11',
      childName: KEPT_NAME,
    };
    expect((await post('/screenings/scr-9/distribution', kept)).status).toBe(201);
    const before = await stream('screening-scr-1');
    expect([before[0]!.data['childName'], before[0]!.data['childBirthDate'], before[2]!.data['action']]).toEqual([
      CHILD_NAME,
      BIRTH_DATE,
      ACTION,
    ]);
    await stopApi();

    // Before the erasure: the child's key as the store holds it (wrapped), and the sealed fields.
    const beforeErasure = await openPglite({ dataDir });
    const keys = await openChildKeyStore(beforeErasure.childKeyVault(), keyEncryptionKeyFile(keyFile));
    const childKey = await keys.keyFor(CHILD_REF);
    if (childKey === 'erased') throw new Error('the child is not erased yet');
    const wrappedBefore = (
      await query<{ wrapped: string }>(
        beforeErasure,
        `SELECT encode(wrapped, 'hex') AS wrapped FROM coachline.child_keys`,
      )
    ).map((row) => Buffer.from(row.wrapped, 'hex'));
    const sealedBefore = sealedFieldsOf(
      await query<Line>(
        beforeErasure,
        `SELECT id, stream, type, data FROM coachline.events WHERE stream = 'screening-scr-1'`,
      ),
    );
    await query(beforeErasure, 'CHECKPOINT');
    await beforeErasure.close();
    expect(wrappedBefore).toHaveLength(2);
    expect(sealedBefore.map((field) => field.field)).toEqual(['childName', 'childBirthDate', 'action']);
    // The key was never written raw, not even to the write-ahead log; the scan finds what is there (the wrapped copies).
    expect(await filesHolding([dataDir, dirname(keyFile)], keyForms('the child’s key', childKey.key))).toEqual([]);
    const foundBefore = await wrappedKeysUnder([dataDir]);
    for (const wrapped of wrappedBefore) expect(foundBefore.some((found) => found.equals(wrapped))).toBe(true);
    const keksBefore = await keyEncryptionKeysIn(keyFile);
    // While the child's key lives, what is on disk opens the sealed fields: the check after the erasure can fail.
    expect(
      openWithEverything(sealedBefore, {
        wrapped: foundBefore,
        keks: keksBefore,
        childRefs: [CHILD_REF, KEPT_REF],
      }).sort(),
    ).toEqual([ACTION, BIRTH_DATE, CHILD_NAME].sort());

    await startApi();
    expect((await post('/screenings/scr-1/erasure', { childRef: CHILD_REF, on: '2025-12-20' })).status).toBe(201);
    const after = await stream('screening-scr-1');
    expect([after[0]!.data['childName'], after[0]!.data['childBirthDate'], after[2]!.data['action']]).toEqual([
      { erased: true },
      { erased: true },
      { erased: true },
    ]);
    expect((await stream('screening-scr-9'))[0]!.data['childName']).toBe(KEPT_NAME);
    // A replay of the erased child's data is written erased.
    expect(
      (await post('/screenings/scr-2/distribution', { ...distribution, distributedOn: '2026-01-05' })).status,
    ).toBe(201);
    expect((await stream('screening-scr-2'))[0]!.data['childName']).toEqual({ erased: true });
    for (const view of ['evaluation', 'timeline'])
      expect((await fetch(`${base}/views/${view}`, { headers })).status).toBe(200);
    await stopApi();
    // A restart opens the store with the rotated key file: the erasure holds, the other child's data still opens.
    await startApi();
    expect((await stream('screening-scr-1'))[0]!.data['childName']).toEqual({ erased: true });
    expect((await stream('screening-scr-9'))[0]!.data['childName']).toBe(KEPT_NAME);
    await stopApi();
    expect(logs).toContain('DistributeAsqSe2 recorded on screening-scr-1');

    // The files as the database left them, after a checkpoint, and every table as text.
    const reopened = await openPglite({ dataDir });
    await query(reopened, 'CHECKPOINT');
    const dump = await dumpTables(reopened);
    await reopened.close();
    expect(dump).toContain(CHILD_REF);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);

    const exported = join(work, 'export.jsonl');
    expect((await coachline(env, 'export', '--out', exported, '--store', dataDir)).code).toBe(0);
    const exportedText = await readFile(exported, 'utf8');
    expect(exportedText).toContain('"ChildDataErased"');
    expect(exportedText).toContain('"sealed"');
    expect(
      (await readFile(join(dataDir, 'access-log.jsonl'), 'utf8')).split('\n').filter(Boolean).length,
    ).toBeGreaterThanOrEqual(3);

    expect(await scanFolder(dataDir, SECRETS)).toEqual([]);
    expect(await scanFolder(work, SECRETS)).toEqual([]);
    for (const secret of SECRETS) expect(logs).not.toContain(secret);

    // Every byte left on disk, the write-ahead log included: the key in no form, and nothing that opens the export's sealed fields.
    expect(await filesHolding([work], keyForms('the erased child’s key', childKey.key))).toEqual([]);
    const keksAfter = await keyEncryptionKeysIn(keyFile);
    for (const kek of keksBefore)
      expect(keksAfter.some((now) => Buffer.from(now.key).equals(Buffer.from(kek.key)))).toBe(false);
    const lines = exportedText
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
    const sealedInExport = sealedFieldsOf(lines.filter((line) => line.stream === 'screening-scr-1'));
    expect(sealedInExport.map((field) => field.value)).toEqual(sealedBefore.map((field) => field.value));
    const everything = {
      wrapped: [...(await wrappedKeysUnder([dataDir])), ...wrappedBefore],
      keks: keksAfter,
      childRefs: [CHILD_REF, KEPT_REF],
    };
    expect(openWithEverything(sealedInExport, everything)).toEqual([]);
    // The same search still opens the child whose data stays.
    expect(
      openWithEverything(sealedFieldsOf(lines.filter((line) => line.stream === 'screening-scr-9')), everything),
    ).toEqual([KEPT_NAME]);

    // The export carries the erasure into a fresh store; the child's data sent again there stores nothing readable.
    const fresh = join(work, 'fresh');
    expect((await coachline(env, 'import', '--create', '--events', exported, '--store', fresh)).code).toBe(0);
    const replayed = join(work, 'replayed.jsonl');
    const metadata = {
      actor: { id: 'admin-1', role: 'admin' },
      recordedAt: '2026-02-01T10:00:00.000Z',
      commandId: 'cmd-late',
      correlationId: 'cmd-late',
    };
    await writeFile(
      replayed,
      `${JSON.stringify({ id: 'late-1', stream: 'screening-scr-3', type: 'AsqSe2Distributed', schemaVersion: 1, data: { ...distribution, screeningId: 'scr-3' }, metadata })}\n`,
    );
    const late = await coachline(env, 'import', '--events', replayed, '--store', fresh);
    expect({ code: late.code, stderr: late.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    const target = await openPglite({ dataDir: fresh });
    try {
      expect(await target.childKeyVault().isErased(CHILD_REF)).toBe(true);
      const targetDump = await dumpTables(target);
      for (const secret of SECRETS) expect(targetDump).not.toContain(secret);
      const [lateEvent] = await query<{ data: Record<string, unknown> }>(
        target,
        `SELECT data FROM coachline.events WHERE id = 'late-1'`,
      );
      expect(lateEvent!.data).toMatchObject({ childName: { erased: true }, childBirthDate: { erased: true } });
    } finally {
      await target.close();
    }
    expect(await scanFolder(fresh, SECRETS)).toEqual([]);
  }, 300_000);
});
