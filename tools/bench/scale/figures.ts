/** One line per figure (name | figure | bound | verdict), and what PostgreSQL says about the store's size and its WAL. */
import pg from 'pg';

/** A figure with the bound; `within` is undefined where the issue sets none. */
export const figure = (name: string, value: string, bound?: string, within?: boolean): void =>
  console.log(
    [
      name,
      value,
      ...(bound === undefined ? [] : [`bound ${bound}`]),
      ...(within === undefined ? [] : [within ? 'within' : 'OUTSIDE']),
    ].join(' | '),
  );

export const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
};

interface Counted {
  readonly count: number;
  readonly seconds: number;
}

/** Events a second beside a raw baseline's in the same run, with their ratio and, given `least`, its verdict. */
export const rateBesideBaseline = (
  name: string,
  measured: Counted,
  baseline: Counted & { readonly label: string },
  bound?: string,
  least?: number,
): void => {
  const rate = (counted: Counted) => counted.count / counted.seconds;
  const ratio = rate(measured) / rate(baseline);
  const perSecond = (counted: Counted) => `${Math.round(rate(counted)).toLocaleString('en-US')} events/s`;
  figure(
    name,
    `${perSecond(measured)} (${measured.count.toLocaleString('en-US')} in ${measured.seconds.toFixed(1)} s) | ${baseline.label}: ${perSecond(baseline)}, ratio ${ratio.toFixed(2)}`,
    bound,
    least === undefined ? undefined : ratio >= least,
  );
};

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const s = (value: number) => `${value.toFixed(2)} s`;
export const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;

/** Tables of the store that are neither its events nor the bookkeeping of streams, head, keys and migrations. */
const BESIDE_THE_VIEWS = new Set([
  'events',
  'streams',
  'head',
  'schema_migrations',
  'child_keys',
  'child_erasures',
  'child_key_wrapping',
]);

export interface StoreSizes {
  readonly eventsBytes: number;
  /** Every table that holds views, whatever they are named (one `projections` table today). */
  readonly viewsBytes: number;
  readonly viewTables: ReadonlyArray<string>;
}

export const storeSizes = async (connectionString: string, schema: string): Promise<StoreSizes> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    const views = rows.filter((row) => !BESIDE_THE_VIEWS.has(row.name));
    return {
      eventsBytes: Number(rows.find((row) => row.name === 'events')?.bytes ?? 0),
      viewsBytes: views.reduce((sum, row) => sum + Number(row.bytes), 0),
      viewTables: views.map((row) => row.name).sort(),
    };
  } finally {
    await client.end();
  }
};

/** The server's write-ahead log position, to take the bytes written between two readings. */
export const walPosition = async (connectionString: string): Promise<string> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
  } finally {
    await client.end();
  }
};

export const walBytesBetween = async (connectionString: string, from: string, to: string): Promise<number> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>('SELECT pg_wal_lsn_diff($2::pg_lsn, $1::pg_lsn) AS bytes', [
      from,
      to,
    ]);
    return Number(rows[0]!.bytes);
  } finally {
    await client.end();
  }
};

/** Rows written to the store's view tables, and TOAST chunks under them (about 2 kB each, compressed). */
export interface ViewWrites {
  readonly rows: number;
  readonly toastChunks: number;
}

/**
 * What this store's views wrote, from the server's table statistics: unlike the WAL position it
 * counts this schema only, so other work on a shared server does not show in it.
 */
export const viewWrites = async (connectionString: string, schema: string): Promise<ViewWrites> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Statistics reach the shared counters up to a second after the transaction that made them.
    await new Promise((done) => setTimeout(done, 1_100));
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ name: string; written: string; chunks: string | null }>(
      `SELECT t.relname AS name, t.n_tup_ins + t.n_tup_upd AS written, toast.n_tup_ins AS chunks
         FROM pg_stat_all_tables t
         JOIN pg_class c ON c.oid = t.relid
         LEFT JOIN pg_stat_all_tables toast ON toast.relid = c.reltoastrelid
        WHERE t.schemaname = $1`,
      [schema],
    );
    const views = rows.filter((row) => !BESIDE_THE_VIEWS.has(row.name));
    return {
      rows: views.reduce((sum, row) => sum + Number(row.written), 0),
      toastChunks: views.reduce((sum, row) => sum + Number(row.chunks ?? 0), 0),
    };
  } finally {
    await client.end();
  }
};
