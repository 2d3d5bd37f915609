/**
 * What the hash chain's canonical JSON costs an event, beside plain JSON.stringify of the same event
 * and the `canonicalize` package, in the same run, on two kinds of events: the store benchmark's
 * SessionLogged events and the demo year's (every event type of a program year).
 *
 *   npx tsx --tsconfig tools/tsconfig.json tools/bench/store/canonical-json.ts
 *
 * Each way is timed on the same events in turn, BENCH_ROUNDS (15) times over, in CPU time (the
 * machine may be shared), serializing then hashing each event as `eventHash` does, so the engine's
 * joining of a concatenated string is counted where it is paid. Sizes: BENCH_CANONICAL_EVENTS
 * (20,000 of each kind), BENCH_PROVIDERS (260, the demo year's size, written once to tmp/bench).
 */
import { hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import canonicalize from 'canonicalize';
import { canonicalJson, nextIntegrityOfCanonical, type HashedContent } from '@coachline/eventstore';
import { demoFile } from '../views/demo-file';
import { providerStream, sessionLogged } from './workload';

const sizeFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}.`);
  return value;
};

const events = sizeFrom('BENCH_CANONICAL_EVENTS', 20_000);
const rounds = sizeFrom('BENCH_ROUNDS', 15);
const providers = sizeFrom('BENCH_PROVIDERS', 260);

const benchEvents = (): HashedContent[] =>
  Array.from({ length: events }, (_, n) => {
    const stream = providerStream(n % 1_000);
    const event = sessionLogged(stream, n);
    return { ...event, stream, revision: Math.floor(n / 1_000) };
  });

const demoYearEvents = async (): Promise<HashedContent[]> => {
  const lines = createInterface({ input: createReadStream(demoFile(providers)), crlfDelay: Infinity });
  const read: HashedContent[] = [];
  const revisions = new Map<string, number>();
  for await (const line of lines) {
    if (line === '') continue;
    const { id, stream, type, schemaVersion, data, metadata } = JSON.parse(line) as HashedContent;
    const revision = revisions.get(stream) ?? 0;
    revisions.set(stream, revision + 1);
    read.push({ id, stream, revision, type, schemaVersion, data, metadata });
    if (read.length === events) break;
  }
  lines.close();
  return read;
};

/** The content as the hash covers it, in the order a writer builds it (not sorted). */
const contentObject = (event: HashedContent) => ({
  id: event.id,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data ?? null,
  metadata: event.metadata ?? null,
});

type Serialize = (value: unknown) => string;
const serializers: ReadonlyArray<readonly [string, Serialize]> = [
  ['JSON.stringify (not canonical)', (value) => JSON.stringify(value)],
  ['canonicalize package', (value) => canonicalize(value)!],
  ['canonicalJson', (value) => canonicalJson(value, 'The value')],
];

/** The whole content serialized and hashed, as `eventHash` does (the in-memory store, verify, backfill). */
const wholeContent =
  (serialize: Serialize) =>
  (event: HashedContent): number =>
    hash('sha256', serialize(contentObject(event)), 'hex').length;

/** What a PostgreSQL writer does: data and metadata serialized once (they are stored), then hash and chain. */
const writerPath =
  (serialize: Serialize) =>
  (event: HashedContent): number => {
    const canonicalData = serialize(event.data ?? null);
    const canonicalMetadata = serialize(event.metadata ?? null);
    return nextIntegrityOfCanonical('', '', { ...event, canonicalData, canonicalMetadata }).chain.length;
  };

/** CPU microseconds an event for each way, every way timed in turn each round. */
const measure = (
  sample: readonly HashedContent[],
  ways: ReadonlyArray<readonly [string, (event: HashedContent) => number]>,
): Map<string, number[]> => {
  const timings = new Map<string, number[]>(ways.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round += 1)
    for (const [name, work] of ways) {
      const start = process.cpuUsage();
      let written = 0;
      for (const event of sample) written += work(event);
      const used = process.cpuUsage(start);
      if (written === 0) throw new Error(`${name} wrote nothing`);
      timings.get(name)!.push((used.user + used.system) / sample.length);
    }
  return timings;
};

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const printed = (title: string, timings: Map<string, number[]>): void => {
  console.log(`  ${title}`);
  const baseline = median(timings.values().next().value!);
  for (const [name, values] of timings) {
    const perEvent = median(values);
    console.log(
      `    ${name} | ${perEvent.toFixed(2)} µs/event (min ${Math.min(...values).toFixed(2)}) | ` +
        `${Math.round(1e6 / perEvent).toLocaleString('en-US')} events/s | ×${(perEvent / baseline).toFixed(2)} of JSON.stringify's time`,
    );
  }
};

const reportOn = (label: string, sample: readonly HashedContent[]): void => {
  for (const event of sample) {
    const content = contentObject(event);
    if (canonicalJson(content, 'The content') !== canonicalize(content))
      throw new Error(`canonicalJson differs from the canonicalize package on event ${event.id}`);
  }
  console.log(`${label}: ${sample.length.toLocaleString('en-US')} events, median of ${rounds} rounds, CPU time`);
  const texts = new Map(sample.map((event) => [event, JSON.stringify(contentObject(event))]));
  printed(
    'whole content, serialized then sha256',
    measure(sample, [
      ...serializers.map(([name, serialize]) => [name, wholeContent(serialize)] as const),
      ['(sha256 of a ready text alone)', (event) => hash('sha256', texts.get(event)!, 'hex').length],
    ]),
  );
  printed(
    'writer path: data and metadata serialized, then hash and chain (nextIntegrityOfCanonical)',
    measure(
      sample,
      serializers.map(([name, serialize]) => [name, writerPath(serialize)] as const),
    ),
  );
};

const main = async (): Promise<void> => {
  reportOn('store benchmark SessionLogged events', benchEvents());
  reportOn(`demo year (${providers} providers), its first events`, await demoYearEvents());
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
