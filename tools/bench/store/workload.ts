/** The benchmark's workload: sizes from the environment (for a quick run) and the events it writes. */
import { randomUUID } from 'node:crypto';
import { type EventToAppend, mintEventId } from '@coachline/eventstore';

const sizeFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}.`);
  return value;
};

export const workload = {
  databaseUrl: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  /** Events of the batched append, the import and the read-all. */
  events: sizeFrom('BENCH_EVENTS', 1_000_000),
  streams: sizeFrom('BENCH_STREAMS', 10_000),
  /** Appends in flight at once during the batched append (the group commit merges them). */
  appendCallers: sizeFrom('BENCH_APPEND_CALLERS', 8),
  commandCallers: sizeFrom('BENCH_COMMAND_CALLERS', 20),
  commandStreams: sizeFrom('BENCH_COMMAND_STREAMS', 1_000),
  commandSeconds: sizeFrom('BENCH_COMMAND_SECONDS', 20),
  readPage: sizeFrom('BENCH_READ_PAGE', 10_000),
  /** Rounds the tree's cost is measured in, each one part with the tree and one without. */
  treeRounds: sizeFrom('BENCH_TREE_ROUNDS', 4),
  /** Events of the store one event is proved in (built by the import). */
  proofEvents: sizeFrom('BENCH_PROOF_EVENTS', 1_000_000),
  /** Events proved, one after another, in that store. */
  proofs: sizeFrom('BENCH_PROOFS', 1_000),
};

const KINDS = ['coaching-conversation', 'observation', 'debrief'] as const;
const PRACTICES = ['schedules-routines', 'transitions', 'engaged-conversations', 'emotional-literacy'];

/**
 * A SessionLogged event of about 450 bytes stored (JSON of data and metadata, id, type, stream),
 * its id minted as the product mints its events' ids.
 */
export const sessionLogged = (stream: string, n: number): EventToAppend => ({
  id: mintEventId(),
  type: 'SessionLogged',
  schemaVersion: 1,
  data: {
    providerId: stream.slice('provider-'.length),
    sessionId: `s-${n}`,
    coachId: `c-${n % 40}`,
    heldOn: `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
    durationMinutes: 15 + (n % 8) * 15,
    kind: KINDS[n % KINDS.length],
    mode: n % 3 === 0 ? 'virtual' : 'in-person',
    agendaUsed: n % 2 === 0,
    practices: [PRACTICES[n % PRACTICES.length], PRACTICES[(n + 1) % PRACTICES.length]],
    strategies: ['modeling', 'reflective-feedback'],
  },
  metadata: {
    actor: { id: `c-${n % 40}`, role: 'coach' },
    recordedAt: new Date(Date.UTC(2025, 8, 1) + n * 1_000).toISOString(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
  },
});

export const providerStream = (index: number): string => `provider-p-${String(index).padStart(5, '0')}`;

/** The batched workload: `events` events, `events / streams` per stream, one stream's batch after another. */
export function* streamBatches(
  events: number,
  streams: number,
): Generator<{ stream: string; events: EventToAppend[] }> {
  const perStream = Math.max(1, Math.floor(events / streams));
  let written = 0;
  for (let s = 0; written < events; s += 1) {
    const stream = providerStream(s % streams);
    const count = Math.min(perStream, events - written);
    yield { stream, events: Array.from({ length: count }, (_, i) => sessionLogged(stream, written + i)) };
    written += count;
  }
}

/** The same events one by one, as an import reads an event file. */
export function* eventFile(events: number, streams: number): Generator<{ stream: string; event: EventToAppend }> {
  for (const batch of streamBatches(events, streams))
    for (const event of batch.events) yield { stream: batch.stream, event };
}
