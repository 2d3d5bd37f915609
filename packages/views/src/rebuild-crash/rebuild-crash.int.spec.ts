import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dosageProjection, render, viewOf } from '@coachline/projections';
import { openPgliteEventStore, openPostgresEventStore, type PostgresEventStore } from '@coachline/eventstore-postgres';
import { postgresAvailableSync, testDatabaseUrl, uniqueSchema } from '@coachline/eventstore-postgres/testing';
import { appendable } from '../testing';
import { ProjectionRunner } from '../projection-runner';
import { rebuildHistory } from './rebuild-history';

const root = join(__dirname, '..', '..', '..', '..');
const child = join(__dirname, 'rebuild-child.ts');
const history = rebuildHistory(80, 30);

/**
 * Runs the rebuild in its own process. With `killPast`, kills it with SIGKILL as soon as it
 * announces a checkpoint past that position: the kill then lands wherever the rebuild has got
 * to by the time the signal arrives, mid-batch or mid-save.
 */
const rebuild = (location: string, schema: string, killPast?: number): Promise<'finished' | 'killed'> =>
  new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    const proc = spawn(
      process.execPath,
      ['--require', join(root, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs'), child, location, schema],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    proc.stderr.on('data', (chunk) => (stderr += String(chunk)));
    proc.stdout.on('data', (chunk: Buffer) => {
      const positions = [...String(chunk).matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      if (killPast !== undefined && positions.some((p) => p > killPast)) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`rebuild exited with ${code}: ${stderr}`));
    });
  });

// Stages of the rebuild to kill it at, as fractions of the history; some repeat a stage
// already reached, so a restarted rebuild is killed again before it gets further.
const killStages = [0.1, 0.1, 0.45, 0.8].map((f) => Math.floor(f * history.length));

const targets: Array<
  [string, () => { location: string; open: () => Promise<PostgresEventStore>; cleanup: () => void }]
> = [
  [
    'embedded PGlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'coachline-rebuild-'));
      return {
        location: dir,
        open: () => openPgliteEventStore({ dataDir: dir, schema: 'coachline' }),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
];
if (postgresAvailableSync()) {
  targets.push([
    'the PostgreSQL server',
    () => {
      const schema = uniqueSchema('rebuild');
      return {
        location: testDatabaseUrl(),
        open: () => openPostgresEventStore({ connectionString: testDatabaseUrl(), schema }),
        cleanup: () => undefined,
      };
    },
  ]);
}

describe.each(targets)('a dosage rebuild killed at random moments, on %s', (_name, target) => {
  jest.setTimeout(180_000);

  it('ends with the view of a clean rebuild: no event counted twice, none skipped', async () => {
    const { location, open, cleanup } = target();
    const schemaOf = async (store: PostgresEventStore) =>
      (store as unknown as { statements: { schema: string } }).statements.schema;
    let store = await open();
    const schema = await schemaOf(store);
    await store.importEvents(history.map((event) => ({ stream: event.stream, event: appendable(event) })));
    await store.close();

    const positionsAfterKills: number[] = [];
    for (const stage of killStages) {
      const outcome = await rebuild(location, schema, stage);
      store = await open();
      positionsAfterKills.push(
        outcome === 'killed' ? ((await store.projectionCheckpoints().load('dosage'))?.position ?? 0) : -1,
      );
      await store.close();
    }
    expect(await rebuild(location, schema)).toBe('finished');

    store = await open();
    // The view as stored, whole with its entries, and as a runner loads it, entry by entry.
    const record = (await store.projectionCheckpoints().list()).find((listed) => listed.name === 'dosage');
    const loaded = new ProjectionRunner({
      store,
      checkpoints: store.projectionCheckpoints(),
      projections: [dosageProjection],
    });
    await loaded.load();
    const loadedView = loaded.view('dosage', {});
    if (location.startsWith('postgres'))
      await (store as unknown as { client: { query: (sql: string) => Promise<unknown> } }).client.query(
        `DROP SCHEMA "${schema}" CASCADE`,
      );
    await store.close();
    cleanup();

    // At least one kill landed in the middle of the rebuild, after a checkpoint and before the end.
    expect(positionsAfterKills.some((p) => p > 0 && p < history.length)).toBe(true);
    expect(record?.position).toBe(history.length);
    const stored = record!.state as { view: unknown; latestRecordedAt?: string };
    const rebuilt = render(
      dosageProjection,
      {
        state: stored.view,
        events: 0,
        ...(stored.latestRecordedAt ? { latestRecordedAt: stored.latestRecordedAt } : {}),
      },
      {},
    );
    expect(rebuilt).toEqual(viewOf(dosageProjection, history, {}));
    expect(loadedView).toEqual(rebuilt);
    expect(loaded.positionOf('dosage')).toBe(history.length);
  });
});
