import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { collect } from '../testing';
import { type CommandOutcome, handleCommand } from './handle-command';
import { enrollProvider, logSession, newEventId } from './provider-commands.fixtures';
import type { CommandFailure } from './system-fault';

const STREAM = 'provider-p-017';
const RECORDED_COMMAND = 'cmd-recorded';

type FailureMode = 'throws' | 'rejects';

/**
 * A store that fails at its `failAt`-th call, counting every method and every step of a read,
 * by throwing at once or by rejecting; until then another writer may slip a session into the
 * provider's stream just before each of the first `rivals` appends.
 */
class FailingStore implements EventStore {
  calls = 0;
  failed = false;

  constructor(
    private readonly inner: InMemoryEventStore,
    private readonly failAt: number,
    private readonly mode: FailureMode,
    private readonly thrown: unknown,
    private rivals: number,
  ) {}

  /** `undefined` while the store still answers; otherwise how this call fails. */
  private failure<T>(asPromise: boolean): Promise<T> | undefined {
    this.calls += 1;
    if (this.calls !== this.failAt) return undefined;
    this.failed = true;
    if (this.mode === 'throws' || !asPromise) throw this.thrown;
    return Promise.reject(this.thrown);
  }

  append(stream: string, events: ReadonlyArray<EventToAppend>, expected: ExpectedRevision): Promise<AppendResult> {
    return this.failure<AppendResult>(true) ?? this.appendAfterRivals(stream, events, expected);
  }

  private async appendAfterRivals(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.rivals > 0) {
      this.rivals -= 1;
      await this.inner.append(stream, [rivalSession()], 'any');
    }
    return this.inner.append(stream, events, expected);
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    // Only a throwing store fails at the call itself; a rejecting one fails at the first step.
    if (this.mode === 'throws') this.failure(false);
    else this.calls -= 1;
    return this.failingSteps(this.inner.readStream(stream, options));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    this.failure(false);
    return this.failingSteps(this.inner.readAll(options));
  }

  streamRevision(stream: string): Promise<number | undefined> {
    return this.failure<number | undefined>(true) ?? this.inner.streamRevision(stream);
  }

  headPosition(): Promise<number> {
    return this.failure<number>(true) ?? this.inner.headPosition();
  }

  subscribe(after: number, handler: EventHandler, options?: SubscribeOptions): Subscription {
    this.failure(false);
    return this.inner.subscribe(after, handler, options);
  }

  close(): Promise<void> {
    return this.failure<void>(true) ?? this.inner.close();
  }

  private failingSteps(events: AsyncIterable<StoredEvent>): AsyncIterable<StoredEvent> {
    const iterator = events[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => this.failure<IteratorResult<StoredEvent>>(true) ?? iterator.next(),
      }),
    };
  }
}

function rivalSession(): EventToAppend {
  return {
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
  };
}

/** A provider enrolled, with one session already recorded under a known command id. */
const enrolledStore = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  for (const command of [enrollProvider(), logSession('s-0', 'p-017', RECORDED_COMMAND)]) {
    const outcome = await handleCommand(store, command, { newEventId })();
    if (E.isLeft(outcome)) throw new Error(outcome.left.message);
  }
  return store;
};

const commands = {
  accepted: () => logSession(`s-${randomUUID()}`),
  replayed: () => logSession('s-0', 'p-017', RECORDED_COMMAND),
  refused: () => enrollProvider(),
};

/** What a task came to: its result, or what it rejected with. */
const settle = (task: () => Promise<E.Either<CommandFailure, CommandOutcome>>) =>
  task().then(
    (result) => ({ result }) as const,
    (rejection: unknown) => ({ rejection }) as const,
  );

describe('handleCommand on a store that fails', () => {
  it('resolves, never rejects, whichever call fails and however: a store fault carrying what was thrown', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          command: fc.constantFrom<keyof typeof commands>('accepted', 'replayed', 'refused'),
          expectedRevision: fc.constantFrom<number | undefined>(undefined, 1, 7),
          rivals: fc.integer({ min: 0, max: 3 }),
          failAt: fc.integer({ min: 1, max: 20 }),
          mode: fc.constantFrom<FailureMode>('throws', 'rejects'),
          thrown: fc.oneof(
            fc.anything(),
            fc.string().map((message) => new Error(message)),
            fc.constant(Object.create(null) as unknown),
          ),
        }),
        async ({ command, expectedRevision, rivals, failAt, mode, thrown }) => {
          const store = new FailingStore(await enrolledStore(), failAt, mode, thrown, rivals);
          const settled = await settle(
            handleCommand(store, commands[command](), {
              newEventId,
              retryDelay: () => 0,
              ...(expectedRevision === undefined ? {} : { expectedRevision }),
            }),
          );

          if (!('result' in settled)) throw new Error(`The task rejected with ${String(settled.rejection)}`);
          const { result } = settled;
          if (store.failed) {
            expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'store' })));
            expect(E.isLeft(result) && result.left._tag === 'SystemFault' && result.left.cause).toBe(thrown);
          } else {
            expect(E.isRight(result) || result.left._tag === 'DomainError').toBe(true);
          }
        },
      ),
    );
  });

  it('names the stream and the reason in its message', async () => {
    const store = new FailingStore(await enrolledStore(), 1, 'rejects', new Error('connection refused'), 0);
    const result = await handleCommand(store, logSession('s-1'), { newEventId })();
    expect(result).toEqual(
      E.left(expect.objectContaining({ message: `Stream ${STREAM} could not be read: connection refused` })),
    );
  });
});

describe('handleCommand with a bug or an impossible option', () => {
  it('resolves to a defect for a maxAttempts that is not a positive integer, and reads nothing', async () => {
    for (const maxAttempts of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const store = new FailingStore(await enrolledStore(), 0, 'throws', undefined, 0);
      const result = await handleCommand(store, logSession('s-1'), { newEventId, maxAttempts })();
      expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'defect' })));
      expect(E.isLeft(result) && result.left._tag === 'SystemFault' && result.left.cause).toBeInstanceOf(RangeError);
      expect(store.calls).toBe(0);
    }
  });

  it('resolves to a defect when an event id cannot be made, and appends nothing', async () => {
    const inner = await enrolledStore();
    const head = await inner.headPosition();
    const broken = new TypeError('no ids left');
    const result = await handleCommand(inner, logSession('s-1'), {
      newEventId: () => {
        throw broken;
      },
    })();
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'defect', cause: broken })));
    expect(await inner.headPosition()).toBe(head);
  });

  it('resolves to a defect when the wait before a retry cannot be worked out', async () => {
    const inner = await enrolledStore();
    const store = new FailingStore(inner, 0, 'throws', undefined, 1);
    const broken = new Error('no delay');
    const result = await handleCommand(store, logSession('s-1'), {
      newEventId,
      retryDelay: () => {
        throw broken;
      },
    })();
    expect(result).toEqual(E.left(expect.objectContaining({ _tag: 'SystemFault', origin: 'defect', cause: broken })));
    const sessions = (await collect(inner.readStream(STREAM))).map((event) => event.data);
    expect(sessions).not.toContainEqual(expect.objectContaining({ sessionId: 's-1' }));
  });
});
