/**
 * Views benchmark: replay of a demo year file to the dosage view through `coachline replay`
 * (every event decoded and validated), and rebuilds of the views from PostgreSQL with
 * checkpoints, each beside its raw baseline measured in the same run.
 *   npm run bench:views            (BENCH_PROVIDERS=13000 gives ~1,000,000 events)
 *   BENCH_VIEWS_ONLY=replay npm run bench:views    (the file replay alone, without PostgreSQL)
 *   BENCH_VIEWS_ONLY=rebuild npm run bench:views   (the rebuilds alone, after the raw read)
 *   BENCH_VIEWS_REBUILD=dosage or =all runs that rebuild alone
 *   BENCH_VIEWS_REUSE=1 keeps the schema imported by an earlier run of the same size (BENCH_VIEWS_SCHEMA names it)
 * The script runs Node with semi-spaces of 64 MB (`--max-semi-space-size=64`), baselines and rebuilds alike: with
 * the default 16 MB, scavenges alone took about as much processor time as the rest of a rebuild of 1,000,000
 * events once the views' states filled the old generation (a server that rebuilds its views should run with it).
 */
import { spawnSync } from 'node:child_process';
import { DEFAULT_DATABASE_URL } from '@coachline/eventstore-postgres';
import { dosageProjection, projections } from '@coachline/projections';
import { report, timed } from '../store/measure';
import { coachline, demoFile } from './demo-file';
import { parseAndSum } from './file-baseline';
import { rawKeysetRead, rebuild, storeHoldingDemo, storeWithDemo, withPeakHeap } from './rebuild';

const providers = Number(process.env['BENCH_PROVIDERS'] ?? 13_000);
const connectionString = process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
const only = process.env['BENCH_VIEWS_ONLY'];
const reuse = process.env['BENCH_VIEWS_REUSE'] === '1';
const schema = process.env['BENCH_VIEWS_SCHEMA'] ?? 'bench_views';
/** `dosage` or `all` runs that rebuild alone. */
const rebuilds = process.env['BENCH_VIEWS_REBUILD'];

const cpuSeconds = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1e6;

/** Wall-clock seconds and this process's processor seconds, steadier than the former on a shared machine. */
const cpuTimed = async <T>(work: () => Promise<T>) => {
  const before = process.cpuUsage();
  const measured = await timed(work);
  return { ...measured, cpuSeconds: cpuSeconds(process.cpuUsage(before)) };
};

const main = async () => {
  const file = demoFile(providers);
  if (only !== 'rebuild') await replay(file);
  if (only === 'replay') return;
  const store = reuse
    ? await storeHoldingDemo(connectionString, schema, file)
    : await storeWithDemo(connectionString, schema, file);
  try {
    const raw = await cpuTimed(() => rawKeysetRead(connectionString, schema));
    if (rebuilds !== 'all') {
      const dosage = await withPeakHeap(() => cpuTimed(() => rebuild(store, [dosageProjection])));
      report({
        name: 'PostgreSQL rebuild of the dosage view with checkpoints',
        adapter: { count: dosage.result.result, seconds: dosage.result.seconds },
        baselines: [{ label: 'raw pg keyset pages of 10k', count: raw.result, seconds: raw.seconds }],
        unit: 'events/s',
        extra: `peak heap ${dosage.peakHeapMb} MB | processor-time ratio ${(raw.cpuSeconds / dosage.result.cpuSeconds).toFixed(2)}`,
        target: '≥ 0.8 of the raw keyset read',
      });
    }
    if (rebuilds === 'dosage') return;
    const all = await withPeakHeap(() =>
      cpuTimed(() =>
        rebuild(
          store,
          projections.filter((p) => p.name !== 'history'),
        ),
      ),
    );
    report({
      name: 'PostgreSQL rebuild of dosage, timeline, cycles, share and evaluation together',
      adapter: { count: all.result.result, seconds: all.result.seconds },
      baselines: [{ label: 'raw pg keyset pages of 10k', count: raw.result, seconds: raw.seconds }],
      unit: 'events/s',
      extra: `peak heap ${all.peakHeapMb} MB | processor-time ratio ${(raw.cpuSeconds / all.result.cpuSeconds).toFixed(2)}`,
      target: '≥ 0.5 of the raw keyset read, peak heap < 512 MB',
    });
  } finally {
    await store.close();
  }
};

/** The file replay through `coachline replay`, beside a bare parse of the same file. */
const replay = async (file: string): Promise<void> => {
  const baselineCpu = process.cpuUsage();
  const baseline = await timed(() => parseAndSum(file));
  const baselineCpuSeconds = cpuSeconds(process.cpuUsage(baselineCpu));
  const replayStart = process.hrtime.bigint();
  // `/usr/bin/time` reports the replay's processor seconds (user, system) and peak resident memory in kilobytes.
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S %M', process.execPath, coachline, 'replay', '--events', file, '--view', 'dosage', '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    },
  );
  const replaySeconds = Number(process.hrtime.bigint() - replayStart) / 1e9;
  if (run.status !== 0) throw new Error(run.stderr);
  const [user, system, peakRssKb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [
    number,
    number,
    number,
  ];
  const peakRssMb = Math.round(peakRssKb / 1024);
  report({
    name: 'file replay to the dosage view (coachline replay, start-up included)',
    adapter: { count: baseline.result.events, seconds: replaySeconds },
    baselines: [
      {
        label: 'byte line splitter + JSON.parse + sum',
        count: baseline.result.events,
        seconds: baseline.seconds,
      },
    ],
    unit: 'events/s',
    // On a loaded machine the wall-clock ratio swings with the other work; processor time less so.
    extra: `peak RSS ${peakRssMb} MB | processor-time ratio ${(baselineCpuSeconds / (user + system)).toFixed(2)}`,
    target: '≥ 0.7 of the baseline',
  });
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
