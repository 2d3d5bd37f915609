import { coachOfProvider, type CoachlineCommand, type DomainError, forbidden } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import { distribute, score } from '../child-data/screening-commands.fixtures';
import { InMemoryChildKeyStore } from '../child-data/in-memory-child-key-store';
import { protectChildData } from '../child-data/protect-child-data';
import type { EventStore, EventToAppend, ExpectedRevision, ReadStreamOptions, StoredEvent } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { collect } from '../testing';
import { DecidedStreams } from './decided-streams';
import { type CommandOutcome, handleCommand, type HandleCommandOptions } from './handle-command';
import { UnreadableEventError } from './load-stream';
import { enrollProvider, logSession, newEventId, voidSession } from './provider-commands.fixtures';
import type { CommandFailure } from './system-fault';

const STREAM = 'provider-p-017';

/** Counts the events each stream read hands out, and remembers where each read started. */
class CountingStore extends InMemoryEventStore {
  eventsRead = 0;
  readsFrom: Array<number | undefined> = [];

  override async *readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<StoredEvent> {
    this.readsFrom.push(options?.from);
    for await (const event of super.readStream(stream, options)) {
      this.eventsRead += 1;
      yield event;
    }
  }

  /** Forgets what was counted, to count what comes next. */
  recount(): this {
    this.eventsRead = 0;
    this.readsFrom = [];
    return this;
  }
}

const handled = (
  store: EventStore,
  command: CoachlineCommand,
  streams: DecidedStreams,
  options: Partial<HandleCommandOptions> = {},
): Promise<E.Either<CommandFailure, CommandOutcome>> =>
  handleCommand(store, command, { newEventId, retryDelay: () => 0, decidedStreams: streams, ...options })();

const accepted = async (result: Promise<E.Either<CommandFailure, CommandOutcome>>): Promise<CommandOutcome> => {
  const outcome = await result;
  if (E.isLeft(outcome)) throw new Error(`Expected the command to be accepted, got ${outcome.left.message}`);
  return outcome.right;
};

/** A session some other writer logs on the provider's stream, under the commandId given. */
const sessionBy = (commandId: string): EventToAppend => ({
  id: randomUUID(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { ...logSession(`s-${randomUUID()}`).data },
  metadata: {
    actor: { id: 'c-04', role: 'coach' },
    recordedAt: '2025-09-16T19:00:00.000Z',
    commandId,
    correlationId: randomUUID(),
  },
});

describe('DecidedStreams', () => {
  it('given a kept stream, when a command comes, reads from the kept revision on, and decodes only what is past it', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await accepted(handled(store, logSession('s-1'), streams));
    await store.append(STREAM, [sessionBy(randomUUID())], 1);

    store.recount();
    await accepted(handled(store, logSession('s-2'), streams));
    expect([store.readsFrom, store.eventsRead]).toEqual([[1], 2]);

    store.recount();
    await accepted(handled(store, logSession('s-3'), streams));
    expect([store.readsFrom, store.eventsRead]).toEqual([[3], 1]);
  });

  it('given a command that recorded child data, when the next comes, reads that event back as the store keeps it', async () => {
    const inner = new CountingStore();
    const store = protectChildData(inner, new InMemoryChildKeyStore());
    const streams = new DecidedStreams();
    await accepted(handled(store, distribute(), streams));

    inner.recount();
    const scored = await accepted(handled(store, score(), streams));
    expect(scored.nextRevision).toBe(1);
    expect([inner.readsFrom, inner.eventsRead]).toEqual([[undefined], 1]);
  });

  it('given a repeated commandId whose events lie apart in the stream, answers with every one of them', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    const first = await accepted(handled(store, logSession('s-1', 'p-017', 'cmd-twice'), streams));
    await accepted(handled(store, logSession('s-2'), streams));
    await store.append(STREAM, [sessionBy('cmd-twice')], 2);

    const again = await accepted(handled(store, logSession('s-1', 'p-017', 'cmd-twice'), streams));
    expect(again).toMatchObject({ replayed: true, nextRevision: 3, lastPosition: 4 });
    expect(again.events.map((event) => event.revision)).toEqual([1, 3]);
    expect(again.events[0]!.id).toBe(first.events[0]!.id);
  });

  it('given an event the domain cannot read in the tail, answers a store fault every time, not a refusal', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await store.append(STREAM, [{ ...sessionBy(randomUUID()), type: 'SessionRenamed' }], 0);

    for (const sessionId of ['s-1', 's-2']) {
      const result = await handled(store, logSession(sessionId), streams);
      expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'store' })));
      expect(E.isLeft(result) && result.left._tag === 'SystemFault' && result.left.cause).toBeInstanceOf(
        UnreadableEventError,
      );
    }
    expect(await store.streamRevision(STREAM)).toBe(1);
  });

  it('given a kept state the store no longer holds, reads the stream again whole', async () => {
    const streams = new DecidedStreams();
    const earlier = new InMemoryEventStore();
    await accepted(handled(earlier, enrollProvider(), streams));
    for (const id of ['s-1', 's-2']) await accepted(handled(earlier, logSession(id), streams));
    const [enrolled] = await collect(earlier.readStream(STREAM));

    // The same store restored from a backup taken after the enrollment, and another store altogether.
    const restored = new InMemoryEventStore();
    const { id, type, schemaVersion, data, metadata } = enrolled!;
    await restored.append(STREAM, [{ id, type, schemaVersion, data, metadata }], 'no-stream');
    const other = new InMemoryEventStore();
    await accepted(handleCommand(other, enrollProvider(), { newEventId })());
    for (const _ of ['s-1', 's-2', 's-3']) await other.append(STREAM, [sessionBy(randomUUID())], 'any');

    expect((await accepted(handled(restored, logSession('s-1'), streams))).nextRevision).toBe(1);
    expect((await accepted(handled(other, logSession('s-1'), streams))).nextRevision).toBe(4);
  });

  it('given many commands on one stream at once, each decides on the state it read and none is lost', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => handled(store, logSession(`s-${i}`), streams, { maxAttempts: 20 })),
    );

    expect(results.filter(E.isLeft)).toEqual([]);
    expect(await store.streamRevision(STREAM)).toBe(20);
    const again = await handled(store, logSession('s-7'), streams);
    expect(again).toEqual(E.left(expect.objectContaining({ code: 'session-already-logged' })));
  });

  it('keeps at most its capacity of streams, dropping the least recently used', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams({ capacity: 2 });
    for (const providerId of ['p-1', 'p-2', 'p-3']) await accepted(handled(store, enrollProvider(providerId), streams));
    expect(streams.size).toBe(2);

    store.recount();
    await accepted(handled(store, logSession('s-1', 'p-3'), streams));
    await accepted(handled(store, logSession('s-1', 'p-1'), streams));
    // p-3 is decided on what this process appended, without a read; p-1 was dropped and is read whole.
    expect(store.readsFrom).toEqual([undefined]);
  });

  it('given a stream whose last events this process appended, decides on them and appends without a read', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));

    store.recount();
    const logged = await accepted(handled(store, logSession('s-1'), streams));
    await accepted(handled(store, logSession('s-2'), streams));
    expect([store.readsFrom, logged.nextRevision, await store.streamRevision(STREAM)]).toEqual([[], 1, 2]);
  });

  it('given another writer since this process appended, has its append refused, reads on and decides again', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await accepted(handled(store, logSession('s-1'), streams));
    // A second process, with streams of its own, logs the session this one is about to log.
    const elsewhere = new DecidedStreams();
    await accepted(handled(store, logSession('s-2'), elsewhere));

    store.recount();
    const again = await handled(store, logSession('s-2'), streams);
    expect(again).toEqual(E.left(expect.objectContaining({ code: 'session-already-logged' })));
    expect(store.readsFrom).toEqual([1]);
    const next = await accepted(handled(store, logSession('s-3'), streams));
    expect([next.nextRevision, await store.streamRevision(STREAM)]).toEqual([3, 3]);
  });

  it('gives no refusal on the state this process appended until a read of the store confirms it', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await accepted(handled(store, logSession('s-1'), new DecidedStreams()));

    store.recount();
    const voided = await accepted(handled(store, voidSession('s-1'), streams));
    expect([voided.nextRevision, store.readsFrom]).toEqual([2, [0]]);
  });

  it('given a stream another writer got into, reads its tail first for the commands that follow', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await store.append(STREAM, [sessionBy(randomUUID())], 0);
    await accepted(handled(store, logSession('s-1'), streams));

    store.recount();
    await accepted(handled(store, logSession('s-2'), streams));
    expect(store.readsFrom).toEqual([2]);
  });

  it('answers a repeated commandId kept from its own append with the events a read finds', async () => {
    const store = new CountingStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    const first = await accepted(handled(store, logSession('s-1', 'p-017', 'cmd-once'), streams));

    store.recount();
    const again = await accepted(handled(store, logSession('s-1', 'p-017', 'cmd-once'), streams));
    expect(again).toMatchObject({ replayed: true, nextRevision: 1, events: [{ id: first.events[0]!.id }] });
    expect(store.readsFrom[0]).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new DecidedStreams({ capacity })).toThrow(RangeError);
  });
});

describe('a policy judged on the stream as decided', () => {
  const onCaseloadOf =
    (coachId: string) =>
    (state: Parameters<NonNullable<HandleCommandOptions['policyRefusal']>>[0]): DomainError | undefined =>
      coachOfProvider(state) === coachId ? undefined : forbidden('outside-caseload', `Not on ${coachId}'s caseload.`);

  it('refuses before the command is decided or replayed, and writes nothing', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    const known = logSession('s-1', 'p-017', 'cmd-known');
    await accepted(handled(store, known, streams));

    for (const command of [logSession('s-2'), known]) {
      const result = await handled(store, command, streams, { policyRefusal: onCaseloadOf('c-09') });
      expect(result).toEqual(E.left(expect.objectContaining({ kind: 'forbidden', code: 'outside-caseload' })));
    }
    expect(await store.streamRevision(STREAM)).toBe(1);
    expect(E.isRight(await handled(store, logSession('s-2'), streams, { policyRefusal: onCaseloadOf('c-03') }))).toBe(
      true,
    );
  });

  it('gives no refusal on the state this process appended until a read of the store confirms it', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    await accepted(handled(store, logSession('s-1'), streams));
    const reassignment: EventToAppend = {
      ...sessionBy(randomUUID()),
      type: 'ProviderReassigned',
      data: { providerId: 'p-017', fromCoachId: 'c-03', toCoachId: 'c-09', on: '2025-09-10' },
    };
    await store.append(STREAM, [reassignment], 1);

    const result = await accepted(handled(store, logSession('s-2'), streams, { policyRefusal: onCaseloadOf('c-09') }));
    expect(result.nextRevision).toBe(3);
  });

  it('judges again, on every attempt, a stream another writer changed before the append', async () => {
    /** Another process reassigns the provider just before the first append of a session. */
    class ReassigningStore extends InMemoryEventStore {
      private reassigned = false;
      override async append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision) {
        if (!this.reassigned && events.some((event) => event.type === 'SessionLogged')) {
          this.reassigned = true;
          await super.append(stream, [reassignment], 'any');
        }
        return super.append(stream, events, expected);
      }
    }
    const reassignment: EventToAppend = {
      ...sessionBy(randomUUID()),
      type: 'ProviderReassigned',
      data: { providerId: 'p-017', fromCoachId: 'c-03', toCoachId: 'c-09', on: '2025-09-10' },
    };
    const store = new ReassigningStore();
    const streams = new DecidedStreams();
    await accepted(handled(store, enrollProvider(), streams));
    const judged: Array<string | undefined> = [];
    const policyRefusal = (state: Parameters<typeof coachOfProvider>[0]) => {
      judged.push(coachOfProvider(state));
      return onCaseloadOf('c-03')(state);
    };

    const result = await handled(store, logSession('s-1'), streams, { policyRefusal });
    expect(judged).toEqual(['c-03', 'c-09']);
    expect(result).toEqual(E.left(expect.objectContaining({ code: 'outside-caseload' })));
    expect(await store.streamRevision(STREAM)).toBe(1);
  });
});
