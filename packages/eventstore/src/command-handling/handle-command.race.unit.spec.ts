import * as E from 'fp-ts/Either';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { collect } from '../testing';
import { CommandOutcome, handleCommand } from './handle-command';
import type { CommandFailure } from './system-fault';
import { enrollProvider, logSession, newEventId } from './provider-commands.fixtures';

const STREAM = 'provider-p-017';
const HANDLERS = 20;

const enrolledStore = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const enrolled = await handleCommand(store, enrollProvider(), { newEventId })();
  expect(E.isRight(enrolled)).toBe(true);
  return store;
};

/** Each outcome's events are in the stream exactly where the outcome says. */
const expectOutcomesStored = async (
  store: InMemoryEventStore,
  outcomes: ReadonlyArray<CommandOutcome>,
): Promise<void> => {
  const stored = await collect(store.readStream(STREAM));
  for (const outcome of outcomes) {
    for (const event of outcome.events) expect(stored[event.revision!]?.id).toBe(event.id);
    expect(stored[outcome.nextRevision]!.position).toBe(outcome.lastPosition);
  }
};

const isRevisionConflict = (result: E.Either<CommandFailure, CommandOutcome>): boolean =>
  E.isLeft(result) &&
  result.left._tag === 'DomainError' &&
  result.left.kind === 'conflict' &&
  result.left.code === 'revision-conflict';

describe(`${HANDLERS} handlers logging sessions on one provider at once`, () => {
  it('each succeeds through retries or gets a revision-conflict; nothing is lost or logged twice', async () => {
    const store = await enrolledStore();
    const sessionIds = Array.from({ length: HANDLERS }, (_, i) => `s-${i}`);
    const results = await Promise.all(sessionIds.map((id) => handleCommand(store, logSession(id), { newEventId })()));

    expect(results.every((result) => E.isRight(result) || isRevisionConflict(result))).toBe(true);
    const accepted = results.flatMap((result, i) => (E.isRight(result) ? [sessionIds[i]!] : []));
    const logged = (await collect(store.readStream(STREAM)))
      .filter((event) => event.type === 'SessionLogged')
      .map((event) => (event.data as { sessionId: string }).sessionId);
    expect([...logged].sort()).toEqual([...accepted].sort());
    expect(accepted.length).toBeGreaterThan(0);
    await expectOutcomesStored(
      store,
      results.flatMap((result) => (E.isRight(result) ? [result.right] : [])),
    );
  });

  it('all succeed when each may try as many times as there are rivals', async () => {
    const store = await enrolledStore();
    const results = await Promise.all(
      Array.from({ length: HANDLERS }, (_, i) =>
        handleCommand(store, logSession(`s-${i}`), { newEventId, maxAttempts: HANDLERS })(),
      ),
    );

    expect(results.filter(E.isLeft)).toEqual([]);
    const revisions = results.map((result) => (E.isRight(result) ? result.right.nextRevision : -1));
    expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: HANDLERS }, (_, i) => i + 1));
    expect(await store.streamRevision(STREAM)).toBe(HANDLERS);
  });

  it('the same command sent several times at once is recorded once, and every answer names that one event', async () => {
    const store = await enrolledStore();
    const command = logSession('s-once', 'p-017', 'cmd-once');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => handleCommand(store, command, { newEventId, maxAttempts: 5 })()),
    );

    const logged = (await collect(store.readStream(STREAM))).filter((event) => event.type === 'SessionLogged');
    expect(logged).toHaveLength(1);
    const outcomes = results.flatMap((result) => (E.isRight(result) ? [result.right] : []));
    expect(outcomes.length + results.filter(isRevisionConflict).length).toBe(5);
    expect(outcomes.map((outcome) => outcome.events.map((event) => event.id))).toEqual(
      outcomes.map(() => [logged[0]!.id]),
    );
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
  });
});
