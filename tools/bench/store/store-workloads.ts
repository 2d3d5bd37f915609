/** The same work through the event store's public API. */
import { type DecidedStreams, isRevisionConflict, type EventStore } from '@coachline/eventstore';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';
import { enrollProvider, handled, logSession } from './log-session-commands';
import { HeapWatch, LatencyHistogram } from './measure';
import { eventFile, providerStream, sessionLogged, streamBatches } from './workload';

/** Each stream's batch appended with 'no-stream', `callers` appends in flight (merged by group commit). */
export const storeBatchedAppend = async (
  store: EventStore,
  events: number,
  streams: number,
  callers: number,
): Promise<number> => {
  const batches = streamBatches(events, streams);
  let appended = 0;
  const caller = async () => {
    for (let next = batches.next(); !next.done; next = batches.next()) {
      await store.append(next.value.stream, next.value.events, 'no-stream');
      appended += next.value.events.length;
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return appended;
};

export const storeImport = async (store: PostgresEventStore, events: number, streams: number): Promise<number> =>
  (await store.importEvents(eventFile(events, streams))).imported;

/** Command handling: read the stream, fold it to its revision, append one event at that revision. */
export const storeCommands = async (
  store: EventStore,
  options: { callers: number; streams: number; seconds: number },
): Promise<{ commands: number; conflicts: number; latency: LatencyHistogram }> => {
  const latency = new LatencyHistogram();
  const deadline = Date.now() + options.seconds * 1_000;
  let commands = 0;
  let conflicts = 0;
  const caller = async () => {
    while (Date.now() < deadline) {
      const stream = providerStream(Math.floor(Math.random() * options.streams));
      const started = performance.now();
      for (;;) {
        let revision: number | undefined;
        let minutes = 0;
        for await (const event of store.readStream(stream)) {
          revision = event.revision;
          minutes += (event.data as { durationMinutes: number }).durationMinutes;
        }
        const event = sessionLogged(stream, commands + minutes);
        try {
          await store.append(stream, [event], revision ?? 'no-stream');
          break;
        } catch (error) {
          if (!isRevisionConflict(error)) throw error;
          conflicts += 1;
        }
      }
      latency.record(performance.now() - started);
      commands += 1;
    }
  };
  await Promise.all(Array.from({ length: options.callers }, caller));
  return { commands, conflicts, latency };
};

/** Every event through `readAll`, folded; the heap is sampled as it goes. */
export const storeReadAll = async (
  store: EventStore,
  batchSize: number,
  fold: (data: unknown) => void,
): Promise<{ read: number; heap: HeapWatch }> => {
  const heap = new HeapWatch();
  let read = 0;
  for await (const event of store.readAll({ batchSize })) {
    fold(event.data);
    read += 1;
    if (read % 10_000 === 0) heap.sample();
  }
  return { read, heap };
};

const BENCH_COACH = 'c-bench';

/** The providers `handledCommands` logs sessions for, each enrolled by a command of its own. */
export const enrollBenchProviders = async (store: EventStore, streams: DecidedStreams, count: number) => {
  for (let i = 0; i < count; i += 1) await handled(store, enrollProvider(`p-${i}`, BENCH_COACH), streams);
};

/**
 * Command handling as the API does it: a LogSession built and checked with the domain's codecs,
 * decided by the provider's decider on the stream's kept state and appended at its revision,
 * `callers` in flight on random providers.
 */
export const handledCommands = async (
  store: EventStore,
  streams: DecidedStreams,
  options: { callers: number; streams: number; seconds: number },
): Promise<{ commands: number; latency: LatencyHistogram }> => {
  const latency = new LatencyHistogram();
  const deadline = Date.now() + options.seconds * 1_000;
  const heldOn = new Date().toISOString().slice(0, 10);
  let commands = 0;
  const caller = async () => {
    while (Date.now() < deadline) {
      const providerId = `p-${Math.floor(Math.random() * options.streams)}`;
      const started = performance.now();
      await handled(store, logSession(providerId, BENCH_COACH, heldOn), streams);
      latency.record(performance.now() - started);
      commands += 1;
    }
  };
  await Promise.all(Array.from({ length: options.callers }, caller));
  return { commands, latency };
};
