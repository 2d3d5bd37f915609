import { DomainError } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type { EventToAppend, ExpectedRevision } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { collect } from '../testing';
import { CommandOutcome, decodeAndHandleCommand, handleCommand } from './handle-command';
import { UnreadableEventError } from './load-stream';
import type { CommandFailure } from './system-fault';
import { completeBenchmarksOfQuality, enrollProvider, logSession, newEventId } from './provider-commands.fixtures';

const STREAM = 'provider-p-017';

const outcomeOf = async (task: () => Promise<E.Either<CommandFailure, CommandOutcome>>): Promise<CommandOutcome> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`Expected the command to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const refusalOf = async (task: () => Promise<E.Either<CommandFailure, CommandOutcome>>): Promise<DomainError> => {
  const result = await task();
  if (E.isRight(result)) throw new Error(`Expected the command to be refused, got ${JSON.stringify(result.right)}`);
  if (result.left._tag !== 'DomainError') throw new Error(`Expected a refusal, got ${result.left.message}`);
  return result.left;
};

/** A session some other writer logs on the provider's stream. */
const rivalSession = (): EventToAppend => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { ...logSession(`s-rival-${randomUUID()}`).data },
  metadata: {
    actor: { id: 'c-04', role: 'coach' },
    recordedAt: '2025-09-16T19:00:00.000Z',
    commandId: randomUUID(),
    correlationId: randomUUID(),
  },
});

/** Once contested, another writer slips a session into the stream just before each of the next `rivalAppends` appends. */
class ContestedStore extends InMemoryEventStore {
  appendCalls = 0;
  loads = 0;
  private rivalAppends = 0;

  contest(rivalAppends: number): this {
    this.rivalAppends = rivalAppends;
    this.appendCalls = 0;
    this.loads = 0;
    return this;
  }

  override readStream(...args: Parameters<InMemoryEventStore['readStream']>) {
    this.loads += 1;
    return super.readStream(...args);
  }

  override async append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision) {
    this.appendCalls += 1;
    if (this.rivalAppends > 0 && events.length > 0 && stream === STREAM) {
      this.rivalAppends -= 1;
      await super.append(stream, [rivalSession()], 'any');
    }
    return super.append(stream, events, expected);
  }
}

const enrolled = async <S extends InMemoryEventStore>(store: S): Promise<S> => {
  await outcomeOf(handleCommand(store, enrollProvider(), { newEventId }));
  return store;
};

describe('handleCommand', () => {
  it('decides, appends at the revision it read, and reports the events with their revisions', async () => {
    const store = new InMemoryEventStore();
    const enroll = enrollProvider();

    const first = await outcomeOf(handleCommand(store, enroll, { newEventId: (i) => `event-enroll-${i}` }));
    const second = await outcomeOf(handleCommand(store, logSession('s-1'), { newEventId }));

    expect(first).toMatchObject({ stream: STREAM, nextRevision: 0, lastPosition: 1, replayed: false });
    expect(first.events).toEqual([
      expect.objectContaining({ id: 'event-enroll-0', type: 'ProviderEnrolled', revision: 0 }),
    ]);
    expect(second).toMatchObject({ stream: STREAM, nextRevision: 1, lastPosition: 2, replayed: false });
    const stored = await collect(store.readStream(STREAM));
    expect(stored.map((event) => [event.type, event.revision])).toEqual([
      ['ProviderEnrolled', 0],
      ['SessionLogged', 1],
    ]);
    expect(stored[0]!.metadata).toEqual({
      actor: enroll.metadata.actor,
      recordedAt: enroll.metadata.issuedAt,
      commandId: enroll.metadata.commandId,
      correlationId: enroll.metadata.correlationId,
    });
  });

  it('passes the domain’s refusal through and writes nothing', async () => {
    const store = new InMemoryEventStore();
    expect(await refusalOf(handleCommand(store, logSession('s-1'), { newEventId }))).toMatchObject({
      code: 'provider-not-enrolled',
    });
    expect(await store.headPosition()).toBe(0);

    await enrolled(store);
    const again = await refusalOf(handleCommand(store, enrollProvider(), { newEventId }));
    expect(again).toMatchObject({ kind: 'conflict', code: 'provider-already-enrolled' });
    expect(await store.headPosition()).toBe(1);
  });

  it('answers a repeated commandId with its first outcome and appends nothing', async () => {
    const store = await enrolled(new InMemoryEventStore());
    const first = await outcomeOf(handleCommand(store, logSession('s-1', 'p-017', 'cmd-log-1'), { newEventId }));
    await outcomeOf(handleCommand(store, logSession('s-2'), { newEventId }));

    const repeated = await outcomeOf(handleCommand(store, logSession('s-1', 'p-017', 'cmd-log-1'), { newEventId }));
    const repeatedWithStaleIfMatch = await outcomeOf(
      handleCommand(store, logSession('s-1', 'p-017', 'cmd-log-1'), { newEventId, expectedRevision: 0 }),
    );

    for (const outcome of [repeated, repeatedWithStaleIfMatch]) {
      expect(outcome).toMatchObject({
        stream: STREAM,
        nextRevision: 1,
        lastPosition: first.lastPosition,
        replayed: true,
      });
      expect(outcome.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    }
    expect(await store.headPosition()).toBe(3);
  });

  it('reads history written at an older schema version, upcast to the current one', async () => {
    const store = await enrolled(new InMemoryEventStore());
    const { ratings, providerId, boqId, form, completedOn } = completeBenchmarksOfQuality('cmd-boq').data as Record<
      string,
      unknown
    >;
    const v1 = { providerId, boqId, form, completedOn, ratings };
    await store.append(
      STREAM,
      [
        {
          ...rivalSession(),
          type: 'BenchmarksOfQualityCompleted',
          data: v1,
          metadata: { ...rivalSession().metadata, commandId: 'cmd-boq' },
        },
      ],
      0,
    );

    const replayed = await outcomeOf(handleCommand(store, completeBenchmarksOfQuality('cmd-boq'), { newEventId }));
    expect(replayed.replayed).toBe(true);
    expect(replayed.events).toEqual([
      expect.objectContaining({ schemaVersion: 2, data: { ...v1, formVersion: 'unrecorded' } }),
    ]);
  });

  describe('with an If-Match revision', () => {
    it('refuses at once when the stream is at another revision, and writes nothing', async () => {
      const store = await enrolled(new InMemoryEventStore());

      const stale = await refusalOf(handleCommand(store, logSession('s-1'), { newEventId, expectedRevision: 3 }));
      const notNew = await refusalOf(
        handleCommand(store, enrollProvider(), { newEventId, expectedRevision: 'no-stream' }),
      );
      const current = await outcomeOf(handleCommand(store, logSession('s-1'), { newEventId, expectedRevision: 0 }));

      expect(stale).toMatchObject({ kind: 'conflict', code: 'revision-conflict' });
      expect(notNew).toMatchObject({ kind: 'conflict', code: 'revision-conflict' });
      expect(current.nextRevision).toBe(1);
      expect(await store.headPosition()).toBe(2);
    });

    it('does not retry when another writer gets in between reading and appending', async () => {
      const store = (await enrolled(new ContestedStore())).contest(1);
      const refusal = await refusalOf(handleCommand(store, logSession('s-1'), { newEventId, expectedRevision: 0 }));
      expect(refusal).toMatchObject({ kind: 'conflict', code: 'revision-conflict' });
      expect([store.loads, store.appendCalls]).toEqual([1, 1]);
    });
  });

  it('reloads and decides again when another writer got in first', async () => {
    const store = (await enrolled(new ContestedStore())).contest(2);
    const outcome = await outcomeOf(handleCommand(store, logSession('s-1'), { newEventId }));
    expect(outcome.nextRevision).toBe(3);
    expect([store.loads, store.appendCalls]).toEqual([3, 3]);
  });

  it('gives up after maxAttempts with a revision-conflict, having written nothing of its own', async () => {
    const store = (await enrolled(new ContestedStore())).contest(Number.POSITIVE_INFINITY);
    const refusal = await refusalOf(handleCommand(store, logSession('s-mine'), { newEventId, maxAttempts: 3 }));

    expect(refusal).toMatchObject({ kind: 'conflict', code: 'revision-conflict' });
    expect(store.appendCalls).toBe(3);
    const sessions = (await collect(store.readStream(STREAM))).map(
      (event) => (event.data as { sessionId?: string }).sessionId,
    );
    expect(sessions).not.toContain('s-mine');
  });

  it('waits before each retry, longer as attempts go on, so that racing writers spread out', async () => {
    const store = (await enrolled(new ContestedStore())).contest(Number.POSITIVE_INFINITY);
    const asked: number[] = [];
    await refusalOf(
      handleCommand(store, logSession('s-1'), { newEventId, maxAttempts: 4, retryDelay: (n) => (asked.push(n), 0) }),
    );
    expect(asked).toEqual([2, 3, 4]);
  });

  it('by default waits a random share of a window that doubles with each attempt', async () => {
    const store = (await enrolled(new ContestedStore())).contest(Number.POSITIVE_INFINITY);
    const waits: number[] = [];
    const timeout = jest.spyOn(global, 'setTimeout').mockImplementation(((resolve: () => void, ms: number) => {
      waits.push(ms);
      resolve();
      return 0 as unknown as NodeJS.Timeout;
    }) as typeof setTimeout);
    try {
      await refusalOf(handleCommand(store, logSession('s-1'), { newEventId, maxAttempts: 5 }));
    } finally {
      timeout.mockRestore();
    }
    expect(waits).toHaveLength(4);
    waits.forEach((ms, i) => expect(ms).toBeLessThan(5 * 2 ** (i + 1)));
  });

  it('treats a stored event the domain cannot read as a fault of the store, not as a refusal', async () => {
    const store = await enrolled(new InMemoryEventStore());
    await store.append(STREAM, [{ ...rivalSession(), type: 'SessionRenamed' }], 0);
    const result = await handleCommand(store, logSession('s-1'), { newEventId })();
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'store' })));
    expect(E.isLeft(result) && result.left._tag === 'SystemFault' && result.left.cause).toBeInstanceOf(
      UnreadableEventError,
    );
  });

  it('decodes raw input first, reporting every wrong field and writing nothing', async () => {
    const store = new InMemoryEventStore();
    const raw = {
      ...logSession('s-1'),
      data: { ...logSession('s-1').data, heldOn: '2025-09-31', durationMinutes: '45' },
    };
    const refusal = await refusalOf(decodeAndHandleCommand(store, raw, { newEventId }));
    expect(refusal.errors.map((error) => error.path)).toEqual(
      expect.arrayContaining(['data.heldOn', 'data.durationMinutes']),
    );
    expect(await store.headPosition()).toBe(0);
  });
});
