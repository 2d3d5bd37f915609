import type { CoachlineCommand } from '@coachline/domain';
import { type CommandFailure, type CommandOutcome, DecidedStreams, handleCommand } from '@coachline/eventstore';
import { collect, enrollProvider, logSession } from '@coachline/eventstore/testing';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type { PostgresEventStore } from './postgres-event-store';
import { describeOnEachEngine, type TestStore } from './testing';

const STREAM = 'provider-p-017';

/** One process: its store and the stream states its commands keep. */
interface Process {
  readonly store: PostgresEventStore;
  readonly streams: DecidedStreams;
}

const handled = (by: Process, issued: CoachlineCommand): Promise<E.Either<CommandFailure, CommandOutcome>> =>
  handleCommand(by.store, issued, {
    newEventId: () => randomUUID(),
    retryDelay: () => 0,
    decidedStreams: by.streams,
  })();

describeOnEachEngine('commands of two processes on one stream, each deciding on what it appended', (open) => {
  let subject: TestStore;
  beforeEach(async () => {
    subject = await open('decided');
  });
  afterEach(() => subject.dispose());

  it('decide on what the other wrote in between, as a read of the whole stream would', async () => {
    const one: Process = { store: subject.store, streams: new DecidedStreams() };
    const other: Process = { store: await subject.openAnother(), streams: new DecidedStreams() };
    expect(E.isRight(await handled(one, enrollProvider()))).toBe(true);
    expect(E.isRight(await handled(one, logSession('s-1')))).toBe(true);
    expect(E.isRight(await handled(other, logSession('s-2')))).toBe(true);

    // The first process's kept state ends at s-1; the store refuses an append on it, and s-2 is found.
    expect(await handled(one, logSession('s-2'))).toEqual(
      E.left(expect.objectContaining({ code: 'session-already-logged' })),
    );
    const next = await handled(one, logSession('s-3'));
    expect(next).toEqual(E.right(expect.objectContaining({ nextRevision: 3 })));
    expect(await handled(other, logSession('s-3'))).toEqual(
      E.left(expect.objectContaining({ code: 'session-already-logged' })),
    );

    const sessions = (await collect(subject.store.readStream(STREAM)))
      .filter((event) => event.type === 'SessionLogged')
      .map((event) => (event.data as { sessionId: string }).sessionId);
    expect(sessions).toEqual(['s-1', 's-2', 's-3']);
  });

  it('log every session once when both keep writing the same stream at once', async () => {
    const processes: Process[] = [
      { store: subject.store, streams: new DecidedStreams() },
      { store: await subject.openAnother(), streams: new DecidedStreams() },
    ];
    expect(E.isRight(await handled(processes[0]!, enrollProvider()))).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 4 }, async (_, writer) => {
        const outcomes: Array<E.Either<CommandFailure, CommandOutcome>> = [];
        for (let round = 0; round < 5; round += 1) {
          outcomes.push(await handled(processes[writer % 2]!, logSession(`s-${writer}-${round}`)));
        }
        return outcomes;
      }),
    );

    const refused = results.flat().filter(E.isLeft);
    const logged = (await collect(subject.store.readStream(STREAM))).filter((event) => event.type === 'SessionLogged');
    expect(logged.length + refused.length).toBe(20);
    expect(new Set(logged.map((event) => (event.data as { sessionId: string }).sessionId)).size).toBe(logged.length);
    for (const failure of refused) expect(failure.left).toMatchObject({ code: 'revision-conflict' });
  }, 60_000);
});
