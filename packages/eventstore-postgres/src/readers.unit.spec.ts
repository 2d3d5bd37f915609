import type { EventRecord } from './event-rows';
import { MAX_READ_ALL_PAGE, readAllPages } from './readers';
import type { SqlQueryable, SqlValue } from './sql-client';
import { statementsFor } from './statements';

/** A history of `count` events served by keyset pages, recording the page size each query asked for. */
const historyOf = (count: number) => {
  const limits: number[] = [];
  const rows: EventRecord[] = Array.from({ length: count }, (_, i) => ({
    position: i + 1,
    stream: `provider-p-${i % 7}`,
    revision: Math.floor(i / 7),
    id: `e-${i + 1}`,
    type: 'SessionLogged',
    schema_version: 1,
    data: { n: i },
    metadata: {
      actor: { id: 'c', role: 'coach' },
      recordedAt: '2025-09-16T18:02:11.000Z',
      commandId: 'c',
      correlationId: 'c',
    },
    hash: `h${i + 1}`,
    chain: `c${i + 1}`,
  }));
  const queryable: SqlQueryable = {
    query: async <R extends object>(_text: string, params?: ReadonlyArray<SqlValue>) => {
      const [after, limit] = params as [number, number];
      limits.push(limit);
      return rows.filter((row) => row.position > after).slice(0, limit) as unknown as R[];
    },
  };
  return { queryable, limits };
};

describe('readAllPages', () => {
  it('fetches pages of at most MAX_READ_ALL_PAGE rows however large a page is asked for, and skips nothing', async () => {
    const count = MAX_READ_ALL_PAGE * 2 + 17;
    const { queryable, limits } = historyOf(count);
    const positions: number[] = [];
    for await (const event of readAllPages(queryable, statementsFor('coachline'), { batchSize: 10_000 })) {
      positions.push(event.position);
    }
    expect(positions).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(limits).toEqual([MAX_READ_ALL_PAGE, MAX_READ_ALL_PAGE, MAX_READ_ALL_PAGE]);
  });

  it('keeps a smaller page size as asked', async () => {
    const { queryable, limits } = historyOf(25);
    let read = 0;
    for await (const event of readAllPages(queryable, statementsFor('coachline'), { batchSize: 10 })) {
      expect(event.integrity).toEqual({ hash: `h${event.position}`, chain: `c${event.position}` });
      read += 1;
    }
    expect([read, limits]).toEqual([25, [10, 10, 10]]);
  });
});
