import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChildDataProtectedStore,
  type EventToAppend,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  keyFileBeside,
  newKeyEncryptionKey,
  openChildKeyStore,
  openStreamChildData,
  protectChildData,
  type StoredEvent,
} from '@coachline/eventstore';
import { openEventStore } from './open-event-store';

// The app loads its database adapter lazily; its tests do the same.
const openPglite = async (options: { dataDir: string }) =>
  (await import('@coachline/eventstore-postgres')).openPgliteEventStore(options);

const metadata = {
  actor: { id: 'admin-1', role: 'admin' },
  recordedAt: '2025-09-10T10:00:00.000Z',
  commandId: 'cmd-1',
  correlationId: 'cmd-1',
};
const distributed: EventToAppend = {
  id: 'ev-1',
  type: 'AsqSe2Distributed',
  schemaVersion: 1,
  data: {
    screeningId: 'scr-1',
    providerId: 'p-1',
    childRef: 'child-1',
    ageIntervalMonths: 24,
    distributedOn: '2025-09-10',
    childName: 'Ottoline Brambleworth',
  },
  metadata,
};
const erased: EventToAppend = {
  id: 'ev-2',
  type: 'ChildDataErased',
  schemaVersion: 1,
  data: { screeningId: 'scr-1', childRef: 'child-1', on: '2025-12-20' },
  metadata: { ...metadata, commandId: 'cmd-2', correlationId: 'cmd-2' },
};

const readStream = async (store: ChildDataProtectedStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream('screening-scr-1')) events.push(event);
  return openStreamChildData(events, store.childKeyStore);
};

describe('the store the API opens', () => {
  const work = mkdtempSync(join(tmpdir(), 'coachline-sweep-'));
  const dataDir = join(work, 'store');
  // Where the API keeps the key file by default: beside the data folder.
  const keyFile = keyFileBeside(dataDir);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('destroys at start the key of an erasure written around the sealing (a crash, an older process)', async () => {
    const raw = await openPglite({ dataDir });
    const sealing = protectChildData(raw, await openChildKeyStore(raw.childKeyVault(), keyEncryptionKeyFile(keyFile)));
    await sealing.append('screening-scr-1', [distributed], 'no-stream');
    expect((await readStream(sealing))[0]!.data).toMatchObject({ childName: 'Ottoline Brambleworth' });
    await raw.append('screening-scr-1', [erased], 0);
    expect((await readStream(sealing))[0]!.data).toMatchObject({ childName: 'Ottoline Brambleworth' });
    await raw.close();

    const opened = await openEventStore({ kind: 'pglite', dataDir }, keyFile);
    try {
      expect((await readStream(opened))[0]!.data).toMatchObject({ childRef: 'child-1', childName: { erased: true } });
      expect(await opened.childKeyStore.keyFor('child-1')).toBe('erased');
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('refuses to open the store with a key file that is missing or another store’s, naming COACHLINE_KEY_FILE and writing none', async () => {
    const living = await openEventStore({ kind: 'pglite', dataDir }, keyFile);
    const secondChild: EventToAppend = {
      ...distributed,
      id: 'ev-3',
      data: { ...(distributed.data as object), screeningId: 'scr-2', childRef: 'child-2' },
    };
    await living.append('screening-scr-2', [secondChild], 'no-stream');
    await living.close();
    const missing = join(work, 'elsewhere-keys', KEY_FILE_NAME);
    await expect(openEventStore({ kind: 'pglite', dataDir }, missing)).rejects.toThrow(
      new RegExp(
        `^COACHLINE_KEY_FILE: The key file ${missing} does not exist, and this store's children's keys are wrapped`,
      ),
    );
    expect(existsSync(missing)).toBe(false);
    const another = join(work, 'another-keys', KEY_FILE_NAME);
    await keyEncryptionKeyFile(another).update('another-store', async () => [newKeyEncryptionKey(1)]);
    await expect(openEventStore({ kind: 'pglite', dataDir }, another)).rejects.toThrow(
      /^COACHLINE_KEY_FILE: .* it is another store's key file/,
    );
    // The refusals let the store go: it opens again with its own key file.
    const opened = await openEventStore({ kind: 'pglite', dataDir }, keyFile);
    try {
      expect((await readStream(opened))[0]!.data).toMatchObject({ childName: { erased: true } });
    } finally {
      await opened.close();
    }
  }, 60_000);
});
