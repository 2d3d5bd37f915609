import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInProcessEsdb, type InProcessEsdb } from '@coachline/eventstore-esdb/testing';
import { cli } from '../testing/run-cli';

// EventStoreDB keeps no hash chain, but it keeps the tree: the same checkpoint, export, proof and
// verification as on PostgreSQL, through the command line, with no sealer started by a reader.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-esdb-checkpoints-'));
const path = (name: string) => join(dir, name);
let server: InProcessEsdb;

beforeAll(async () => {
  server = await startInProcessEsdb();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ok = async (...argv: string[]): Promise<string> => {
  const run = await cli(...argv);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return run.stdout;
};

it('signs, exports, proves and verifies an EventStoreDB store, and catches a cut export', async () => {
  const store = server.connectionString;
  const keys = ['--key-file', path('key-encryption-key.json')];
  await ok('demo', '--out', path('year.jsonl'), '--providers', '1', '--seed', '5');
  const count = readFileSync(path('year.jsonl'), 'utf8').trimEnd().split('\n').length;
  await ok('import', '--events', path('year.jsonl'), '--store', store, ...keys);

  const signed = await ok('checkpoint', '--store', store, ...keys, '--out', path('checkpoint.txt'));
  expect(signed).toMatch(new RegExp(`^checkpoint of ${count} events signed by coachline/`, 'u'));
  const key = /^verifier key: (\S+)$/mu.exec(signed)![1]!;

  expect(await ok('verify', '--store', store, '--key', key)).toBe(
    [
      `store: ${count} events (EventStoreDB keeps no hash chain)`,
      `tree: ${count} events sealed, the root of the store's tree recomputed from them`,
      `checkpoints: 1 signed, each matching the events; the latest covers ${count} events (signed by ${/^[^+]+/u.exec(key)![0]})`,
      '',
    ].join('\n'),
  );

  await ok('export', '--store', store, ...keys, '--out', path('export.jsonl'));
  expect(await ok('verify', '--events', path('export.jsonl'), '--key', key)).toContain(
    `checkpoint: the first ${count} events match the checkpoint of coachline/`,
  );
  const exported = readFileSync(path('export.jsonl'), 'utf8').trimEnd().split('\n');
  writeFileSync(path('cut.jsonl'), `${[...exported.slice(0, -2), exported.at(-1)].join('\n')}\n`);
  const cut = await cli('verify', '--events', path('cut.jsonl'), '--key', key);
  expect(cut.code).toBe(1);
  expect(cut.stderr).toContain('the newest 1 were removed');

  const id = (JSON.parse(exported[3]!) as { id: string }).id;
  await ok('prove', '--store', store, '--event', id, '--out', path('proof.json'));
  expect(await ok('verify', '--proof', path('proof.json'), '--key', key)).toContain(`is event 4 of the ${count}`);
});
