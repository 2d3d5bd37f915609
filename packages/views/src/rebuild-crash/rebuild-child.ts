/**
 * A rebuild of the dosage view in a process of its own, for the crash test to kill at random
 * moments: `rebuild-child.ts <postgres-url | pglite-folder> <schema>`.
 */
import { dosageProjection } from '@coachline/projections';
import type { ProjectionRecord } from '@coachline/eventstore';
import { openPgliteEventStore, openPostgresEventStore } from '@coachline/eventstore-postgres';
import { ProjectionRunner } from '../projection-runner';

const [location, schema] = process.argv.slice(2) as [string, string];

const main = async () => {
  const store = location.startsWith('postgres')
    ? await openPostgresEventStore({ connectionString: location, schema })
    : await openPgliteEventStore({ dataDir: location, schema });
  const stored = store.projectionCheckpoints();
  // Each checkpoint is announced, so the test can kill the rebuild at a chosen stage of it.
  const checkpoints = {
    load: stored.load.bind(stored),
    list: stored.list.bind(stored),
    save: async (record: ProjectionRecord) => {
      await stored.save(record);
      process.stdout.write(`saved ${record.position}\n`);
    },
  };
  // Small saves make many checkpoints, so a kill lands between and inside them.
  const runner = new ProjectionRunner({
    store,
    checkpoints,
    projections: [dosageProjection],
    saveEvery: { events: 200, ms: 50 },
  });
  await runner.start();
  await runner.stop();
  await store.close();
  process.stdout.write('rebuilt\n');
};

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
