import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChildKeyStore,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  openChildKeyStore,
  protectChildData,
  type WrappedChildKey,
} from '@coachline/eventstore';
import { describeOnEachEngine, type TestStore } from '@coachline/eventstore-postgres/testing';
import { pathOf } from '../testing/program-script';
import { startTestApi, type TestApi } from '../testing/test-api';

/** Child data no other text of the program could contain. */
const CHILD_NAME = 'Zephyrine Quillfeather';
const BIRTH_DATE = '2023-04-17';
const ACTION = 'Referred to the Marrowbrook speech clinic';
const CHILD_REF = 'child-9d2e';
const SECRETS = [CHILD_NAME, BIRTH_DATE, ACTION];

/** Every row of every table of the store's schema, as text (bytea as \x-hex). */
const dumpSchema = async (opened: TestStore): Promise<string> => {
  const client = (opened.store as unknown as { client: { query<R>(text: string, params?: unknown[]): Promise<R[]> } })
    .client;
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
    [opened.schema],
  );
  const rows: string[] = [];
  for (const { table_name } of tables)
    for (const row of await client.query<{ row: string }>(
      `SELECT t::text AS row FROM "${opened.schema}"."${table_name}" t`,
    ))
      rows.push(`${table_name} ${row.row}`);
  return rows.join('\n');
};

const traces = (bytes: Uint8Array): string[] => [
  Buffer.from(bytes).toString('hex'),
  Buffer.from(bytes).toString('base64'),
];

describeOnEachEngine('child data through the API', (openStore) => {
  let opened: TestStore;
  let keys: ChildKeyStore;
  let keyFolder: string;
  let api: TestApi;
  let admin: string;
  const post = (type: Parameters<typeof pathOf>[0], id: string, body: object) =>
    api.http().post(pathOf(type, id)).set('Authorization', `Bearer ${admin}`).send(body);
  const history = async (stream: string) => {
    const response = await api.http().get(`/streams/${stream}`).set('Authorization', `Bearer ${admin}`);
    expect(response.status).toBe(200);
    return response.body as { events: Array<{ type: string; data: Record<string, unknown> }> };
  };

  beforeAll(async () => {
    opened = await openStore('child_data');
    keyFolder = mkdtempSync(join(tmpdir(), 'coachline-kek-'));
    keys = await openChildKeyStore(
      opened.store.childKeyVault(),
      keyEncryptionKeyFile(join(keyFolder, 'keys', KEY_FILE_NAME)),
    );
    api = await startTestApi(protectChildData(opened.store, keys));
    admin = await api.token('admin', 'admin-1');
  });
  afterAll(async () => {
    await api.close();
    await opened.dispose();
    rmSync(keyFolder, { recursive: true, force: true });
  });

  it('seals child data, opens it on a stream read, and after erasure keeps neither the data nor the key in any form anywhere', async () => {
    const distribute = {
      providerId: 'p-1',
      childRef: CHILD_REF,
      ageIntervalMonths: 24,
      distributedOn: '2025-09-10',
      childName: CHILD_NAME,
      childBirthDate: BIRTH_DATE,
    };
    expect((await post('DistributeAsqSe2', 'scr-1', distribute)).status).toBe(201);
    expect((await post('ScoreAsqSe2', 'scr-1', { score: 40, zone: 'monitoring', scoredOn: '2025-09-24' })).status).toBe(
      201,
    );
    expect((await post('RecordAsqSe2FollowUp', 'scr-1', { action: ACTION, on: '2025-09-30' })).status).toBe(201);

    // Real: the stream read opens what the store holds only sealed.
    const before = await history('screening-scr-1');
    expect(before.events[0]!.data).toMatchObject({ childName: CHILD_NAME, childBirthDate: BIRTH_DATE });
    expect(before.events[2]!.data).toMatchObject({ action: ACTION });
    const sealedDump = await dumpSchema(opened);
    for (const secret of SECRETS) expect(sealedDump).not.toContain(secret);
    const key = await keys.keyFor(CHILD_REF);
    if (key === 'erased') throw new Error('the child is not erased yet');
    // The key is in the tables only wrapped, under the key file's key.
    const wrapped = (await opened.store.childKeyVault().byChild(CHILD_REF)) as WrappedChildKey;
    for (const trace of traces(key.key)) expect(sealedDump).not.toContain(trace);
    expect(sealedDump).toContain(Buffer.from(wrapped.wrapped).toString('hex'));

    expect((await post('EraseChildData', 'scr-1', { childRef: CHILD_REF, on: '2025-12-20' })).status).toBe(201);

    const after = await history('screening-scr-1');
    expect(after.events.map((e) => e.type)).toEqual([
      'AsqSe2Distributed',
      'AsqSe2Scored',
      'AsqSe2FollowUpRecorded',
      'ChildDataErased',
    ]);
    expect(after.events[0]!.data).toMatchObject({
      childRef: CHILD_REF,
      childName: { erased: true },
      childBirthDate: { erased: true },
    });
    expect(after.events[1]!.data).toMatchObject({ score: 40 });
    expect(after.events[2]!.data).toMatchObject({ action: { erased: true } });

    const dump = await dumpSchema(opened);
    for (const secret of [...SECRETS, ...traces(key.key), ...traces(wrapped.wrapped)])
      expect(dump).not.toContain(secret);
    expect(dump).toContain(CHILD_REF);
  });

  it('stores nothing readable when the erased child’s data is sent again', async () => {
    const again = {
      providerId: 'p-1',
      childRef: CHILD_REF,
      ageIntervalMonths: 30,
      distributedOn: '2026-01-05',
      childName: CHILD_NAME,
      childBirthDate: BIRTH_DATE,
    };
    expect((await post('DistributeAsqSe2', 'scr-2', again)).status).toBe(201);
    const [distributed] = (await history('screening-scr-2')).events;
    expect(distributed!.data).toMatchObject({ childName: { erased: true }, childBirthDate: { erased: true } });
    const dump = await dumpSchema(opened);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });

  it('still builds every view from the history', async () => {
    for (const view of ['evaluation', 'timeline', 'share']) {
      const response = await api.http().get(`/views/${view}`).set('Authorization', `Bearer ${admin}`);
      expect({ view, status: response.status }).toEqual({ view, status: 200 });
      for (const secret of SECRETS) expect(JSON.stringify(response.body)).not.toContain(secret);
    }
  });

  it('refuses a wrong birth date without repeating it', async () => {
    const response = await post('DistributeAsqSe2', 'scr-3', {
      providerId: 'p-1',
      childRef: 'child-x',
      ageIntervalMonths: 24,
      distributedOn: '2025-09-10',
      childBirthDate: 'Quillfeather-04-17',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain('Quillfeather');
  });
});
