import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_FILE_NAME, UnsealedImportError } from '@coachline/eventstore';
import { openStore } from './open-store';
import { openMemoryStore } from './testing';

const event = (id: string, data: unknown) => ({
  id,
  type: 'ProviderEnrolled',
  schemaVersion: 1,
  data,
  metadata: {
    actor: { id: 'c-03', role: 'coach' },
    recordedAt: '2026-01-05T09:00:00.000Z',
    commandId: id,
    correlationId: id,
  },
});

describe('opening a store by its location', () => {
  let scratch = '';
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'coachline-opener-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('opens memory: with keys in the process, its tree and signed checkpoints, and no projection checkpoints or bulk import', async () => {
    const store = await openMemoryStore();
    await store.append('provider-p-1', [event('e-1', { providerId: 'p-1' })], 'no-stream');
    expect(await store.headPosition()).toBe(1);
    expect((await store.verifiableLog!.treeHead()).size).toBe(1);
    expect(await store.verifiableLog!.leafIndexOf('e-1')).toBe(0);
    expect(await store.signedCheckpoints!.latest()).toBeUndefined();
    expect(store.childKeyStore).toBeDefined();
    expect(store.projectionCheckpoints).toBeUndefined();
    expect(store.importEvents).toBeUndefined();
    await store.close();
  });

  it('opens a folder as embedded PGlite, with its checkpoints and a bulk import that refuses child data in the clear', async () => {
    const location = { kind: 'folder', address: join(scratch, 'store') } as const;
    const keyFile = join(scratch, 'keys', KEY_FILE_NAME);
    const store = await openStore(location, { keyFile });
    try {
      await store.projectionCheckpoints!().save({ name: 'dosage', version: 1, position: 0, state: { view: {} } });
      expect((await store.projectionCheckpoints!().load('dosage'))?.position).toBe(0);
      const imported = await store.importEvents!([
        { stream: 'provider-p-1', event: event('e-1', { providerId: 'p-1' }) },
      ]);
      expect(imported.imported).toBe(1);
      const plain = {
        stream: 'screening-scr-1',
        event: {
          ...event('e-2', { screeningId: 'scr-1', childRef: 'child-1', childName: 'Ada' }),
          type: 'AsqSe2Distributed',
        },
      };
      await expect(store.importEvents!([plain])).rejects.toThrow(UnsealedImportError);
      expect(await store.headPosition()).toBe(1);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('closes the engine and names the key file when a store that wraps keys is opened without one', async () => {
    await expect(openStore({ kind: 'folder', address: join(scratch, 'store') })).rejects.toThrow(/key file/);
  }, 120_000);
});
