import { isRevisionConflict } from '../errors';
import type { AppendResult, EventStore, EventToAppend, StoredEvent } from '../event-store';
import type { OpenContractSubject } from './contract-subject';
import { useContractContext } from './contract-context';
import { collect, idsOf, positionsOf, someEvents, strictlyIncreasing } from './fixtures';

const WRITERS = 20;
const APPENDS_PER_WRITER = 5;
/** Far more than a fair scheduler needs; a writer that exhausts it has been starved. */
const MAX_ATTEMPTS = 1_000;

interface WriterLog {
  readonly accepted: Array<{ readonly events: EventToAppend[]; readonly result: AppendResult }>;
  readonly rejectedIds: string[];
  conflicts: number;
}

/**
 * Appends `APPENDS_PER_WRITER` batches to `stream`, each at the exact revision it last read, and
 * retries on conflict with a fresh batch (new ids, so a rejected batch can be looked for).
 * Anything but a RevisionConflictError fails the test.
 */
const exactRevisionWriter = async (store: EventStore, stream: string, writer: number): Promise<WriterLog> => {
  const log: WriterLog = { accepted: [], rejectedIds: [], conflicts: 0 };
  for (let append = 0; append < APPENDS_PER_WRITER; append++) {
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`Writer ${writer} never got append ${append} in.`);
      const events = someEvents(1 + ((writer + append) % 3), 'SessionLogged', writer * 100 + append);
      const revision = await store.streamRevision(stream);
      try {
        const result = await store.append(stream, events, revision ?? 'no-stream');
        log.accepted.push({ events, result });
        break;
      } catch (error) {
        if (!isRevisionConflict(error)) throw error;
        log.conflicts += 1;
        log.rejectedIds.push(...idsOf(events));
      }
    }
  }
  return log;
};

/** Every accepted event once, nothing rejected, each batch whole and where its append result says. */
const expectNothingLostOrDuplicated = (read: ReadonlyArray<StoredEvent>, logs: ReadonlyArray<WriterLog>): void => {
  const readIds = idsOf(read);
  const accepted = logs.flatMap((log) => log.accepted);
  expect(readIds.length).toBe(accepted.reduce((sum, { events }) => sum + events.length, 0));
  expect(new Set(readIds).size).toBe(readIds.length);
  const rejected = new Set(logs.flatMap((log) => log.rejectedIds));
  expect(readIds.filter((id) => rejected.has(id))).toEqual([]);

  const byId = new Map(read.map((event) => [event.id, event]));
  for (const log of logs) {
    let previousPosition = 0;
    for (const { events, result } of log.accepted) {
      const stored = events.map((event) => byId.get(event.id));
      expect(stored.every((event) => event !== undefined)).toBe(true);
      const last = stored.at(-1)!;
      expect([last.revision, last.position]).toEqual([result.nextRevision, result.lastPosition]);
      // A batch is contiguous in its stream, and one writer's appends follow one another.
      expect(stored.map((event) => event!.revision)).toEqual(
        events.map((_, i) => result.nextRevision - events.length + 1 + i),
      );
      expect(stored[0]!.position).toBeGreaterThan(previousPosition);
      previousPosition = last.position;
    }
  }
};

export const concurrencyContract = (open: OpenContractSubject): void => {
  describe(`${WRITERS} concurrent writers`, () => {
    const context = useContractContext(open);

    it('on one stream at exact revisions: every accepted event is read back once, every rejection was a conflict', async () => {
      const stream = context.stream('provider-contended');
      const logs = await Promise.all(
        Array.from({ length: WRITERS }, (_, writer) => exactRevisionWriter(context.store, stream, writer)),
      );

      const read = await collect(context.store.readStream(stream));
      expectNothingLostOrDuplicated(read, logs);
      expect(read.map((event) => event.revision)).toEqual(read.map((_, i) => i));
      expect(strictlyIncreasing(positionsOf(read))).toBe(true);
      expect(idsOf(await context.ownEvents())).toEqual(idsOf(read));
      expect(logs.every((log) => log.accepted.length === APPENDS_PER_WRITER)).toBe(true);
    }, 120_000);

    it('on a stream each, plus a shared one at any revision: one global order, nothing lost', async () => {
      const shared = context.stream('community-shared');
      const logs = await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const own = await exactRevisionWriter(context.store, context.stream(`provider-w${writer}`), writer);
          const toShared: WriterLog = { accepted: [], rejectedIds: [], conflicts: 0 };
          for (let append = 0; append < APPENDS_PER_WRITER; append++) {
            const events = someEvents(2, 'FeedbackSent');
            toShared.accepted.push({ events, result: await context.store.append(shared, events, 'any') });
          }
          return [own, toShared];
        }),
      );

      const all = await context.ownEvents({ batchSize: 16 });
      expectNothingLostOrDuplicated(all, logs.flat());
      expect(strictlyIncreasing(positionsOf(all))).toBe(true);
      expect(logs.flat().every((log) => log.conflicts === 0)).toBe(true);
      for (const stream of new Set(all.map((event) => event.stream))) {
        const inStream = all.filter((event) => event.stream === stream);
        expect(inStream.map((event) => event.revision)).toEqual(inStream.map((_, i) => i));
      }
    }, 120_000);

    it("creating the same stream with 'no-stream': exactly one wins, the others get a conflict", async () => {
      const stream = context.stream('provider-new');
      const batches = Array.from({ length: WRITERS }, () => someEvents(2));
      const outcomes = await Promise.allSettled(
        batches.map((batch) => context.store.append(stream, batch, 'no-stream')),
      );

      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [batches[i]!] : []));
      const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((outcome) => isRevisionConflict(outcome.reason))).toBe(true);
      expect(idsOf(await collect(context.store.readStream(stream)))).toEqual(idsOf(winners[0]!));
    }, 60_000);
  });
};
