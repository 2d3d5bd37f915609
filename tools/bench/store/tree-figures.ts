/**
 * What the Merkle tree costs and gives on PostgreSQL: the batched append and the import with the
 * tree kept against the very same work with it switched off (`keepTree: false`, an option that
 * exists to take this figure), and proving one event in a large store against raw baselines.
 */
import {
  canonicalContent,
  eventLeafHash,
  generateNoteKey,
  InMemoryMerkleNodeStore,
  MerkleLog,
  signLogCheckpoint,
  type TreeHash,
} from '@coachline/eventstore';
import type { PostgresEventStore } from '@coachline/eventstore-postgres';
import type pg from 'pg';
import * as E from 'fp-ts/Either';
import { LatencyHistogram, report, timed, type Measured } from './measure';
import { storeBatchedAppend, storeImport } from './store-workloads';
import { workload } from './workload';

export interface TreeBench {
  readonly pool: pg.Pool;
  /** A store on a fresh schema named for `label` (dropped with the run's others), the tree kept or not. */
  openStore(label: string, keepTree: boolean): Promise<PostgresEventStore>;
  /** The events table of the store `openStore` gave for `label`. */
  eventsTable(label: string): string;
  /** Elapsed time and CPU of the store's side. */
  measureStore<T>(work: () => Promise<T>, count: (result: T) => number): Promise<Measured & { result: T }>;
}

const itself = (count: number) => count;

/** Several measurements of the same kind of work as one: their counts, times and CPU added up. */
const added = (parts: ReadonlyArray<Measured>): Measured => {
  const cpu = parts.every((part) => part.cpu !== undefined)
    ? {
        processMs: parts.reduce((sum, part) => sum + (part.cpu?.processMs ?? 0), 0),
        serverMs: parts.every((part) => part.cpu?.serverMs !== undefined)
          ? parts.reduce((sum, part) => sum + (part.cpu?.serverMs ?? 0), 0)
          : undefined,
      }
    : undefined;
  return {
    count: parts.reduce((sum, part) => sum + part.count, 0),
    seconds: parts.reduce((sum, part) => sum + part.seconds, 0),
    ...(cpu === undefined ? {} : { cpu }),
  };
};

/**
 * The work with the tree and without, in `workload.treeRounds` rounds on fresh stores, each round one
 * part of each side; the rounds alternate which side goes first (off-on, on-off, ...), so whatever the
 * run's order favours (a warmer process, a fuller server) falls on both sides alike. Run-to-run noise
 * moves this figure by more than the tree costs, so each round's ratio is given beside the whole.
 */
const bothWays = async (
  bench: TreeBench,
  label: string,
  work: (store: PostgresEventStore, events: number) => Promise<number>,
): Promise<{ withTree: Measured; without: Measured; rounds: string }> => {
  const rounds = workload.treeRounds;
  const part = Math.floor(workload.events / 2 / rounds);
  const measured = { on: [] as Measured[], off: [] as Measured[] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const keepTree of order) {
      const store = await bench.openStore(`${label}_${keepTree ? 'on' : 'off'}_${round}`, keepTree);
      measured[keepTree ? 'on' : 'off'].push(await bench.measureStore(() => work(store, part), itself));
      // Its connections go back before the next part starts; the run drops its schema at the end.
      await store.close();
    }
  }
  const ratios = measured.on.map((on, round) => {
    const off = measured.off[round] as Measured;
    return (on.count / on.seconds / (off.count / off.seconds)).toFixed(2);
  });
  return {
    withTree: added(measured.on),
    without: added(measured.off),
    rounds: `${rounds} rounds of ${part.toLocaleString('en-US')} events a side, alternating which goes first; ratio per round ${ratios.join(', ')}`,
  };
};

/** The batched append and the import, each with the tree and without, on fresh stores of their own. */
export const treeCost = async (bench: TreeBench): Promise<void> => {
  const { appendCallers } = workload;
  // Each stream's batch as large as in the batched append's own figure, whatever the part's size.
  const perStream = Math.max(1, Math.floor(workload.events / workload.streams));
  const streamsFor = (events: number) => Math.ceil(events / perStream);
  const appended = await bothWays(bench, 'tree', (store, events) =>
    storeBatchedAppend(store, events, streamsFor(events), appendCallers),
  );
  report({
    name: 'batched append, Merkle tree kept',
    adapter: appended.withTree,
    baselines: [{ label: 'the same append, tree switched off', ...appended.without }],
    unit: 'events/s',
    extra: `${appendCallers} appends of ${perStream} events in flight; ${appended.rounds}`,
    target: 'ratio ≥ 0.90',
  });

  const imported = await bothWays(bench, 'import_tree', (store, events) =>
    storeImport(store, events, streamsFor(events)),
  );
  report({
    name: 'import (COPY), Merkle tree kept',
    adapter: imported.withTree,
    baselines: [{ label: 'the same import, tree switched off', ...imported.without }],
    unit: 'events/s',
    extra: imported.rounds,
  });
};

/** Event ids at `count` positions spread over the store, in a shuffled order. */
const sampleIds = async (pool: pg.Pool, table: string, size: number, count: number): Promise<string[]> => {
  const positions = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * size));
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM ${table} WHERE position = ANY($1::bigint[])`, [
    positions,
  ]);
  return rows.map((row) => row.id).sort(() => Math.random() - 0.5);
};

/** Each proof in turn, its latency recorded: the work a caller asking for one event's proof waits for. */
const oneByOne = async (ids: ReadonlyArray<string>, prove: (id: string) => Promise<void>) => {
  const latency = new LatencyHistogram();
  for (const id of ids) {
    const started = performance.now();
    await prove(id);
    latency.record(performance.now() - started);
  }
  return { proofs: ids.length, latency };
};

const percentiles = (latency: LatencyHistogram) =>
  `p50 ${latency.percentile(50).toFixed(2)} ms, p99 ${latency.percentile(99).toFixed(2)} ms`;

/**
 * Proving one event in a store of BENCH_PROOF_EVENTS events (built with the bulk import, a signed
 * checkpoint kept of its head): the event's leaf index, its inclusion proof and the latest
 * checkpoint, against the same proof from a tree in memory and a plain select of the event by id.
 */
export const proveOneEvent = async (bench: TreeBench): Promise<void> => {
  const store = await bench.openStore('proof', true);
  const built = await timed(() => storeImport(store, workload.proofEvents, workload.streams));
  const log = store.verifiableLog();
  const head = await log.treeHead();
  const key = generateNoteKey('bench.coachline.example/log');
  const note = signLogCheckpoint(
    { origin: 'bench.coachline.example/log', size: head.size, root: head.root, extensions: [] },
    [{ name: 'bench.coachline.example/log', privateKeyPem: key.privateKeyPem }],
  );
  const checkpoints = store.signedCheckpoints();
  await checkpoints.publishKey(key.verifierKey);
  await checkpoints.save({ size: head.size, note, signedAt: new Date().toISOString() });
  const table = bench.eventsTable('proof');
  await bench.pool.query(`VACUUM ANALYZE ${table}`);
  const ids = await sampleIds(bench.pool, table, head.size, workload.proofs);

  const proved = await bench.measureStore(
    () =>
      oneByOne(ids, async (id) => {
        const index = await log.leafIndexOf(id);
        if (index === undefined) throw new Error(`The store has no leaf for ${id}`);
        const proof = await log.inclusionProof(index, head.size);
        const latest = await checkpoints.latest();
        if (E.isLeft(proof) || latest === undefined) throw new Error('The store gave no proof');
      }),
    (result) => result.proofs,
  );

  // The same tree in memory, its leaves from the events as the store hands them out.
  const memory = MerkleLog.empty(new InMemoryMerkleNodeStore());
  const indexOf = new Map<string, number>();
  let leaves: TreeHash[] = [];
  for await (const event of store.readAll({ batchSize: workload.readPage })) {
    indexOf.set(event.id, event.position - 1);
    leaves.push(eventLeafHash(canonicalContent(event)));
    if (leaves.length === 10_000) {
      await memory.append(leaves);
      leaves = [];
    }
  }
  await memory.append(leaves);
  if (!Buffer.from(memory.root()).equals(Buffer.from(head.root)))
    throw new Error('The tree in memory and the store’s disagree.');
  const inMemory = await timed(() =>
    oneByOne(ids, async (id) => {
      const proof = await memory.inclusionProof(indexOf.get(id)!, head.size);
      if (E.isLeft(proof)) throw new Error('The tree in memory gave no proof');
    }),
  );
  const selected = await timed(() =>
    oneByOne(ids, async (id) => {
      const { rows } = await bench.pool.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      if (rows.length !== 1) throw new Error(`No event ${id}`);
    }),
  );
  report({
    name: `proving one event in ${head.size.toLocaleString('en-US')} (leaf index, inclusion proof, latest checkpoint)`,
    adapter: proved,
    baselines: [
      { label: 'the same proof from a tree in memory', count: ids.length, seconds: inMemory.seconds },
      { label: 'a plain select of the event by id', count: ids.length, seconds: selected.seconds },
    ],
    unit: 'proofs/s',
    extra:
      `store ${percentiles(proved.result.latency)}; in memory ${percentiles(inMemory.result.latency)}; ` +
      `select ${percentiles(selected.result.latency)}; store built by import in ${built.seconds.toFixed(1)} s`,
  });
};
