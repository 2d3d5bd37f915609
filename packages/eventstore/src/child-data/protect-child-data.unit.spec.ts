import { randomUUID } from 'node:crypto';
import { CoachlineCommand } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { handleCommand } from '../command-handling';
import type { EventStore, StoredEvent } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { OpenedStore } from '../opened-store';
import { InMemoryChildKeyStore } from './in-memory-child-key-store';
import {
  eraseKeysOfErasedChildren,
  openWithChildDataProtection,
  protectChildData,
  UnsealedImportError,
} from './protect-child-data';
import { openStreamChildData } from './seal-child-data';
import { prepareImportSealing } from './seal-for-import';
import { CHILD, distribute, erase, FOLLOW_UP_ACTION, followUp, score } from './screening-commands.fixtures';

const run = async (store: EventStore, command: CoachlineCommand) => {
  const outcome = await handleCommand(store, command, { newEventId: () => randomUUID() })();
  if (E.isLeft(outcome)) throw new Error(outcome.left.message);
  return outcome.right;
};

const readAll = async (store: EventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};
const readStream = async (store: EventStore, stream: string): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
};

const secrets = [CHILD.childName, CHILD.childBirthDate, FOLLOW_UP_ACTION];
const holdsChildData = (value: unknown): boolean => secrets.some((secret) => JSON.stringify(value).includes(secret));

const screened = async () => {
  const inner = new InMemoryEventStore();
  const keys = new InMemoryChildKeyStore();
  const store = protectChildData(inner, keys);
  for (const command of [distribute(), score(), followUp()]) await run(store, command);
  return { inner, keys, store };
};

describe('protectChildData', () => {
  it('stores child fields sealed, never in the clear', async () => {
    const { inner } = await screened();
    const stored = await readAll(inner);
    expect(stored.map((event) => event.type)).toEqual(['AsqSe2Distributed', 'AsqSe2Scored', 'AsqSe2FollowUpRecorded']);
    expect(holdsChildData(stored)).toBe(false);
    expect(stored[0]!.data).toMatchObject({
      childRef: CHILD.childRef,
      childName: { sealed: expect.any(Object) },
      childBirthDate: { sealed: expect.any(Object) },
    });
    expect(stored[2]!.data).toMatchObject({ action: { sealed: expect.any(Object) } });
  });

  it('opens them again with the child’s key, the same key for the whole screening', async () => {
    const { inner, keys } = await screened();
    const opened = await openStreamChildData(await readStream(inner, 'screening-scr-1'), keys);
    expect(opened[0]!.data).toMatchObject({ childName: CHILD.childName, childBirthDate: CHILD.childBirthDate });
    expect(opened[2]!.data).toMatchObject({ action: FOLLOW_UP_ACTION });
    const keyIds = new Set(
      (await readAll(inner)).flatMap((e) =>
        Object.values(e.data as object).flatMap((v) => (v?.sealed ? [v.sealed.keyId] : [])),
      ),
    );
    expect(keyIds.size).toBe(1);
  });

  it('reads sealed fields through the decorator: views never see a child’s name', async () => {
    const { store } = await screened();
    expect(holdsChildData(await readAll(store))).toBe(false);
  });

  it('after erasure the fields read erased and the rest of the history stays', async () => {
    const { inner, keys, store } = await screened();
    await run(store, erase());
    const opened = await openStreamChildData(await readStream(inner, 'screening-scr-1'), keys);
    expect(opened.map((event) => event.type)).toEqual([
      'AsqSe2Distributed',
      'AsqSe2Scored',
      'AsqSe2FollowUpRecorded',
      'ChildDataErased',
    ]);
    expect(opened[0]!.data).toEqual({
      screeningId: 'scr-1',
      providerId: 'p-017',
      childRef: CHILD.childRef,
      ageIntervalMonths: 24,
      distributedOn: '2025-08-04',
      childName: { erased: true },
      childBirthDate: { erased: true },
    });
    expect(opened[2]!.data).toMatchObject({ action: { erased: true } });
    expect(holdsChildData(opened)).toBe(false);
    expect(await keys.isErased(CHILD.childRef)).toBe(true);
  });

  it('destroys the key before appending the erasure: a failed append still leaves the data unreadable', async () => {
    const { inner, keys } = await screened();
    const failing = protectChildData(
      Object.assign(Object.create(inner) as InMemoryEventStore, {
        append: () => Promise.reject(new Error('disk full')),
      }),
      keys,
    );
    await expect(run(failing, erase())).rejects.toThrow('disk full');
    const opened = await openStreamChildData(await readStream(inner, 'screening-scr-1'), keys);
    expect(opened[0]!.data).toMatchObject({ childName: { erased: true } });
  });

  it('writes a replay of an erased child’s data as erased, never sealed', async () => {
    const { inner, store } = await screened();
    await run(store, erase());
    await run(store, distribute('scr-2'));
    await run(store, score('scr-2'));
    await run(store, followUp('scr-2'));
    const second = await readStream(inner, 'screening-scr-2');
    expect(second[0]!.data).toMatchObject({
      childRef: CHILD.childRef,
      childName: { erased: true },
      childBirthDate: { erased: true },
    });
    expect(second[2]!.data).toMatchObject({ action: { erased: true } });
  });

  it('keeps other children readable when one is erased', async () => {
    const { inner, keys, store } = await screened();
    await run(
      store,
      distribute('scr-9', { childRef: 'child-other', childName: 'Orla Brightwater', childBirthDate: '2022-01-02' }),
    );
    await run(store, erase());
    const other = await openStreamChildData(await readStream(inner, 'screening-scr-9'), keys);
    expect(other[0]!.data).toMatchObject({ childName: 'Orla Brightwater' });
  });

  it('refuses child data for a stream that names no child rather than storing it in the clear', async () => {
    const store = protectChildData(new InMemoryEventStore(), new InMemoryChildKeyStore());
    const event = {
      id: 'ev-1',
      type: 'AsqSe2FollowUpRecorded',
      schemaVersion: 1,
      data: { screeningId: 'scr-5', action: FOLLOW_UP_ACTION, on: '2025-09-01' },
      metadata: {
        actor: { id: 'c-03', role: 'coach' },
        recordedAt: '2025-09-01T10:00:00.000Z',
        commandId: 'c',
        correlationId: 'c',
      },
    };
    await expect(store.append('screening-scr-5', [event], 'any')).rejects.toThrow(/names no child/);
    expect(await store.headPosition()).toBe(0);
  });

  it('the start-up sweep destroys the key of an erasure appended around the decorator', async () => {
    const { inner, keys } = await screened();
    await run(inner, erase());
    expect(await keys.isErased(CHILD.childRef)).toBe(false);
    expect(await eraseKeysOfErasedChildren(inner, keys)).toBe(1);
    const opened = await openStreamChildData(await readStream(inner, 'screening-scr-1'), keys);
    expect(opened[0]!.data).toMatchObject({ childName: { erased: true } });
  });
});

describe('openWithChildDataProtection', () => {
  it('finishes surviving erasures before it hands the store out, then seals', async () => {
    const { inner, keys } = await screened();
    await run(inner, erase());
    const store = await openWithChildDataProtection(inner, keys);
    expect(await keys.isErased(CHILD.childRef)).toBe(true);
    expect(store.childKeyStore).toBe(keys);
  });

  it('closes the adapter when the sweep fails, so no half-opened store is left behind', async () => {
    const inner = new InMemoryEventStore();
    const close = jest.spyOn(inner, 'close');
    jest.spyOn(inner, 'readAll').mockImplementation(() => {
      throw new Error('connection refused');
    });
    await expect(openWithChildDataProtection(inner, new InMemoryChildKeyStore())).rejects.toThrow('connection refused');
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('sealing an import', () => {
  const plainHistory = async () => {
    const plain = new InMemoryEventStore();
    for (const command of [
      distribute(),
      score(),
      followUp(),
      distribute('scr-9', { ...CHILD, childRef: 'child-other' }),
    ])
      await run(plain, command);
    return (await readAll(plain)).map(({ stream, id, type, schemaVersion, data, metadata }) => ({
      stream,
      event: { id, type, schemaVersion, data, metadata },
    }));
  };

  it('seals plain child data with the target’s keys and applies the erasures it carries first', async () => {
    const history = await plainHistory();
    const withErasure = [
      ...history,
      {
        stream: 'screening-scr-9',
        event: {
          ...history[3]!.event,
          id: 'ev-erase',
          type: 'ChildDataErased',
          data: { screeningId: 'scr-9', childRef: 'child-other', on: '2026-01-10' },
        },
      },
    ];
    const target = new InMemoryEventStore();
    const keys = new InMemoryChildKeyStore();
    const sealer = await prepareImportSealing(withErasure, target, keys);
    for await (const { stream, event } of sealer.seal(withErasure)) await target.append(stream, [event], 'any');
    expect(sealer.erasedChildren).toEqual(['child-other']);
    expect(holdsChildData(await readAll(target))).toBe(false);
    const live = await openStreamChildData(await readStream(target, 'screening-scr-1'), keys);
    expect(live[0]!.data).toMatchObject({ childName: CHILD.childName });
    const gone = await readStream(target, 'screening-scr-9');
    expect(gone[0]!.data).toMatchObject({ childName: { erased: true }, childBirthDate: { erased: true } });
  });

  it('refuses a bulk import of unsealed child data through the opened store', async () => {
    const history = await plainHistory();
    const imported: unknown[] = [];
    const store = await OpenedStore.open(
      {
        events: new InMemoryEventStore(),
        importEvents: async (source) => {
          for await (const event of source) imported.push(event);
          return { imported: imported.length, lastPosition: 0 };
        },
      },
      new InMemoryChildKeyStore(),
    );
    await expect(store.importEvents!(history)).rejects.toThrow(UnsealedImportError);
    expect(imported).toEqual([]);
  });
});
