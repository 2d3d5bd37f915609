import { CHAIN_START, nextIntegrity } from '@coachline/eventstore';
import { SELECT_EVENT_COLUMNS, toStoredEvent, type EventRecord } from './event-rows';
import type { SqlTransaction } from './sql-client';

const PAGE = 2_000;

/**
 * Gives the events written before the hash chain existed their hashes, in global order, so that a
 * store upgraded in place verifies like one that always kept the chain. It runs inside the migration's
 * transaction, which has altered the events table and so holds it against every writer. Memory holds
 * one page plus one hash per stream.
 */
export const backfillIntegrity = async (tx: SqlTransaction, schema: string): Promise<void> => {
  const s = `"${schema}"`;
  const streamHashes = new Map<string, string>();
  let chain = CHAIN_START;
  let after = 0;
  for (;;) {
    const rows = await tx.query<EventRecord>(
      `SELECT ${SELECT_EVENT_COLUMNS} FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, PAGE],
    );
    if (rows.length === 0) break;
    const positions: number[] = [];
    const hashes: string[] = [];
    const chains: string[] = [];
    for (const row of rows) {
      const event = toStoredEvent(row);
      const integrity = nextIntegrity(streamHashes.get(event.stream) ?? CHAIN_START, chain, event);
      streamHashes.set(event.stream, integrity.hash);
      chain = integrity.chain;
      positions.push(event.position);
      hashes.push(integrity.hash);
      chains.push(integrity.chain);
    }
    await tx.query(
      `UPDATE ${s}.events AS e SET hash = v.hash, chain = v.chain
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(position, hash, chain) WHERE e.position = v.position`,
      [positions, hashes, chains],
    );
    after = positions[positions.length - 1]!;
    if (rows.length < PAGE) break;
  }
  await tx.query(`UPDATE ${s}.head SET chain = $1`, [chain]);
  const streams = [...streamHashes.keys()];
  for (let start = 0; start < streams.length; start += 10_000) {
    const slice = streams.slice(start, start + 10_000);
    await tx.query(
      `UPDATE ${s}.streams AS t SET hash = v.hash FROM unnest($1::text[], $2::text[]) AS v(stream, hash) WHERE t.stream = v.stream`,
      [slice, slice.map((stream) => streamHashes.get(stream)!)],
    );
  }
};
