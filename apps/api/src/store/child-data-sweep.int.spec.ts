import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildDataProtectedStore, type EventToAppend, openStreamChildData, protectChildData, type StoredEvent } from '@coachline/eventstore';
import { openEventStore } from './open-event-store';

// The app loads its database adapter lazily; its tests do the same.
const openPglite = async (options: { dataDir: string }) => (await import('@coachline/eventstore-postgres')).openPgliteEventStore(options);

const metadata = { actor: { id: 'admin-1', role: 'admin' }, recordedAt: '2025-09-10T10:00:00.000Z', commandId: 'cmd-1', correlationId: 'cmd-1' };
const distributed: EventToAppend = {
  id: 'ev-1',
  type: 'AsqSe2Distributed',
  schemaVersion: 1,
  data: { screeningId: 'scr-1', providerId: 'p-1', childRef: 'child-1', ageIntervalMonths: 24, distributedOn: '2025-09-10', childName: 'Ottoline Brambleworth' },
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
  const dataDir = mkdtempSync(join(tmpdir(), 'coachline-sweep-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('destroys at start the key of an erasure written around the sealing (a crash, an older process)', async () => {
    const raw = await openPglite({ dataDir });
    const sealing = protectChildData(raw, raw.childKeys());
    await sealing.append('screening-scr-1', [distributed], 'no-stream');
    expect((await readStream(sealing))[0]!.data).toMatchObject({ childName: 'Ottoline Brambleworth' });
    await raw.append('screening-scr-1', [erased], 0);
    expect((await readStream(sealing))[0]!.data).toMatchObject({ childName: 'Ottoline Brambleworth' });
    await raw.close();

    const opened = (await openEventStore({ kind: 'pglite', dataDir })) as ChildDataProtectedStore;
    try {
      expect((await readStream(opened))[0]!.data).toMatchObject({ childRef: 'child-1', childName: { erased: true } });
      expect(await opened.childKeyStore.keyFor('child-1')).toBe('erased');
    } finally {
      await opened.close();
    }
  }, 60_000);
});
