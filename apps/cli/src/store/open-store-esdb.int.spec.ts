/**
 * Child data on an EventStoreDB store, through `openStore` as each command line run opens it:
 * the keys live in the server, so what one run sealed the next one opens, and an erasure made by
 * one run holds in every later one.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCommand, type CoachlineCommand } from '@coachline/domain';
import { handleCommand, openStreamChildData, type EventStore, type StoredEvent } from '@coachline/eventstore';
import { startInProcessEsdb, type InProcessEsdb } from '@coachline/eventstore-esdb/testing';
import * as E from 'fp-ts/Either';
import { openStore } from './open-store';

const CHILD = { childRef: 'child-5c1e', childName: 'Ottoline Brackenridge', childBirthDate: '2023-02-09' };

const command = (type: string, data: Record<string, unknown>): CoachlineCommand => {
  const commandId = randomUUID();
  const decoded = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'c-03', role: 'coach' },
      issuedAt: '2025-09-16T18:02:11.000Z',
      commandId,
      correlationId: commandId,
    },
  });
  if (E.isLeft(decoded)) throw new Error('The command does not decode.');
  return decoded.right;
};

const distribute = (screeningId: string) =>
  command('DistributeAsqSe2', {
    screeningId,
    providerId: 'p-017',
    ageIntervalMonths: 24,
    distributedOn: '2025-08-04',
    ...CHILD,
  });

const run = async (store: EventStore, given: CoachlineCommand): Promise<void> => {
  const outcome = await handleCommand(store, given, { newEventId: () => randomUUID() })();
  if (E.isLeft(outcome)) throw new Error(outcome.left.message);
};

const readStream = async (store: EventStore, stream: string): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
};

describe('openStore on EventStoreDB', () => {
  let server: InProcessEsdb;
  // The key file every run on this server takes, as an operator would name it (--key-file).
  const keys = mkdtempSync(join(tmpdir(), 'coachline-kek-'));
  const keyFile = join(keys, 'key-encryption-key.json');
  beforeAll(async () => {
    server = await startInProcessEsdb();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  /** Opens the store as one run of the command line does, and closes it after. */
  const inOneRun = async <T>(work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> => {
    const store = await openStore(server.connectionString, { keyFile });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  const childFieldsOf = (screeningId: string) =>
    inOneRun(async (store) => {
      const [distributed] = await openStreamChildData(
        await readStream(store, `screening-${screeningId}`),
        store.childKeyStore,
      );
      const data = distributed?.data as Record<string, unknown>;
      return { childName: data['childName'], childBirthDate: data['childBirthDate'] };
    });

  it('opens in a later run what an earlier run sealed, and never again after the child is erased', async () => {
    await inOneRun((store) => run(store, distribute('scr-1')));
    const stored = await inOneRun((store) => readStream(store, 'screening-scr-1'));
    expect(JSON.stringify(stored)).not.toContain(CHILD.childName);
    expect(await childFieldsOf('scr-1')).toEqual({ childName: CHILD.childName, childBirthDate: CHILD.childBirthDate });

    await inOneRun((store) =>
      run(store, command('EraseChildData', { screeningId: 'scr-1', childRef: CHILD.childRef, on: '2026-01-10' })),
    );
    expect(await childFieldsOf('scr-1')).toEqual({ childName: { erased: true }, childBirthDate: { erased: true } });

    // The same child's data sent again lands erased: no key is made for an erased child.
    await inOneRun((store) => run(store, distribute('scr-2')));
    expect(await childFieldsOf('scr-2')).toEqual({ childName: { erased: true }, childBirthDate: { erased: true } });
    // Seven runs, each opening the store and its key store and closing them: more than the default on a busy machine.
  }, 60_000);
});
