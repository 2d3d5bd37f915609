import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgliteEventStore } from '@coachline/eventstore-postgres';
import { createTestDatabase, openStoreDatabase, postgresAvailableSync } from '@coachline/eventstore-postgres/testing';
import { cli } from './testing/run-cli';
import { writeEventFile } from './testing/event-lines';
import { example } from './testing/example-history';

// Tampering behind the store's back, as someone with write access to the database could, and
// `coachline verify` naming the first event touched.
const dir = mkdtempSync(join(tmpdir(), 'coachline-chain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
/** What a store with no checkpoint signed yet adds after its head: its tree, and what that leaves open. */
const TREE =
  "tree: 9 events sealed, the root of the store's tree recomputed from them\ncheckpoints: none signed yet; events removed from the end of the store cannot be detected\n";
const HEAD = /^store: 9 events, chain intact, head ([0-9a-f]{64})\n/;

beforeAll(() => writeEventFile(file('example.jsonl'), example()));

/** Runs `tamper` on the store's events table, verifies, then puts every row back as it was. */
const verifyAfter = async (location: string, tamper: string[]) => {
  const database = await openStoreDatabase(location);
  try {
    await database.query('CREATE TABLE coachline.events_kept AS SELECT * FROM coachline.events');
    for (const statement of tamper) await database.query(statement);
  } finally {
    await database.close();
  }
  const run = await cli('verify', '--store', location);
  const restoring = await openStoreDatabase(location);
  try {
    await restoring.query('DELETE FROM coachline.events');
    await restoring.query('INSERT INTO coachline.events SELECT * FROM coachline.events_kept');
    await restoring.query('DROP TABLE coachline.events_kept');
  } finally {
    await restoring.close();
  }
  return run;
};

const storeTamperingTests = (location: () => string) => {
  it('verifies the chain of the history it holds and prints its head', async () => {
    expect((await cli('import', '--events', file('example.jsonl'), '--store', location(), '--create')).code).toBe(0);
    const run = await cli('verify', '--store', location());
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `store: 9 events, chain intact, head ${HEAD.exec(run.stdout)?.[1]}\n${TREE}no stored views\n`,
    );
  });

  it('names an event whose data was changed in the database', async () => {
    const run = await verifyAfter(location(), [
      `UPDATE coachline.events SET data = jsonb_set(data, '{durationMinutes}', '90') WHERE position = 6`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /: position 6 \(stream provider-p-017, revision \d+\): the event does not match its hash/,
    );
    expect(run.stderr).toContain(': stored views not compared: the history they fold does not verify');
  });

  it('names the position of a deleted event', async () => {
    const run = await verifyAfter(location(), ['DELETE FROM coachline.events WHERE position = 4']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(': position 4: position 4 is missing; the next event read is at position 5');
  });

  it('names a deleted last event against the head the store keeps', async () => {
    const run = await verifyAfter(location(), ['DELETE FROM coachline.events WHERE position = 9']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(": position 9: the store's head is at position 9 but its history ends at position 8");
  });

  it('names the first of two events whose positions were swapped', async () => {
    const run = await verifyAfter(location(), [
      'UPDATE coachline.events SET position = -3 WHERE position = 3',
      'UPDATE coachline.events SET position = 3 WHERE position = 8',
      'UPDATE coachline.events SET position = 8 WHERE position = -3',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/: position 3 \(stream [a-z0-9-]+, revision \d+\): /);
  });

  it('passes again once every row is back, and checks a head noted earlier', async () => {
    const first = await cli('verify', '--store', location());
    const head = HEAD.exec(first.stdout)![1]!;
    const again = await cli('verify', '--store', location(), '--head', head);
    expect(again.stdout).toBe(
      `store: 9 events, chain intact, head ${head}, through the noted head at position 9\n${TREE}no stored views\n`,
    );
    const elsewhere = await cli('verify', '--store', location(), '--head', 'a'.repeat(64));
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('the chain never reaches the head noted earlier');
  });
};

describe('verify --store on embedded PGlite', () => {
  jest.setTimeout(120_000);
  storeTamperingTests(() => file('store'));
});

(postgresAvailableSync() ? describe : describe.skip)('verify --store on the PostgreSQL server', () => {
  jest.setTimeout(120_000);
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('verify');
  });
  afterAll(() => database?.drop());
  storeTamperingTests(() => database!.url);
});

describe('verify --events on an exported file', () => {
  jest.setTimeout(120_000);
  const store = file('export-store');
  let lines: string[] = [];
  let head = '';

  beforeAll(async () => {
    await cli('import', '--events', file('example.jsonl'), '--store', store, '--create');
    head = HEAD.exec((await cli('verify', '--store', store)).stdout)![1]!;
    await cli('export', '--out', file('exported.jsonl'), '--store', store);
    lines = readFileSync(file('exported.jsonl'), 'utf8').trim().split('\n');
  });

  const verifyEdited = (edited: string[]) => {
    writeFileSync(file('edited.jsonl'), `${edited.join('\n')}\n`);
    return cli('verify', '--events', file('edited.jsonl'));
  };

  it('carries each event’s hashes, and verifies to the store’s head', async () => {
    expect(JSON.parse(lines[0]!).integrity).toEqual({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      chain: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const run = await cli('verify', '--events', file('exported.jsonl'), '--head', head);
    expect(run.stdout).toBe(
      `${file('exported.jsonl')}: 9 events, no errors, chain intact, head ${head}, through the noted head at position 9\ncheckpoint: none carried; events removed from the end of the file cannot be detected\n`,
    );
  });

  it('names a line whose event was edited on disk', async () => {
    const edited = [...lines];
    const event = JSON.parse(edited[6]!);
    edited[6] = JSON.stringify({ ...event, metadata: { ...event.metadata, actor: { id: 'admin-9', role: 'admin' } } });
    const run = await verifyEdited(edited);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file('edited.jsonl')}:7: position 7 (stream ${event.stream}, revision ${event.revision}): the event does not match its hash`,
    );
  });

  it('names a line taken out, and two lines swapped', async () => {
    const removed = await verifyEdited(lines.filter((_, index) => index !== 2));
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain(
      `${file('edited.jsonl')}:3: position 3: position 3 is missing; the next event read is at position 4`,
    );
    const swapped = [...lines];
    [swapped[4], swapped[5]] = [swapped[5]!, swapped[4]!];
    const run = await verifyEdited(swapped);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file('edited.jsonl')}:5: position 5: position 5 is missing`);
  });

  it('imports an exported file, hashes and all, and the new store chains it anew', async () => {
    const other = file('other-store');
    expect((await cli('import', '--events', file('exported.jsonl'), '--store', other, '--create')).code).toBe(0);
    // Same positions from an empty store: the same chain, so the same head.
    expect((await cli('verify', '--store', other)).stdout).toBe(
      `store: 9 events, chain intact, head ${head}\n${TREE}no stored views\n`,
    );
  });
});

describe('export of an event written at an older schema version', () => {
  jest.setTimeout(120_000);

  it('writes it as it was stored, so the file still verifies against its hashes', async () => {
    const store = await openPgliteEventStore({ dataDir: file('old-version-store') });
    try {
      // The example's history, then a record of the first schema version on top of it.
      for (const event of example())
        await store.append(
          event.stream,
          [
            {
              id: event.id,
              type: event.type,
              schemaVersion: event.schemaVersion,
              data: event.data,
              metadata: event.metadata,
            },
          ],
          'any',
        );
      await store.append(
        'provider-p-017',
        [
          {
            id: 'e-41',
            type: 'BenchmarksOfQualityCompleted',
            schemaVersion: 1,
            data: {
              providerId: 'p-017',
              boqId: 'boq-1',
              form: 'BOQ',
              completedOn: '2025-08-14',
              ratings: { 'leadership-team': 2 },
            },
            metadata: {
              actor: { id: 'c-03', role: 'coach' },
              recordedAt: '2025-08-14T17:00:00.000Z',
              commandId: 'cmd-41',
              correlationId: 'cmd-41',
            },
          },
        ],
        'any',
      );
    } finally {
      await store.close();
    }
    expect((await cli('export', '--out', file('old-version.jsonl'), '--store', file('old-version-store'))).code).toBe(
      0,
    );
    const line = readFileSync(file('old-version.jsonl'), 'utf8').trim().split('\n').at(-1);
    expect(JSON.parse(line!)).toMatchObject({ schemaVersion: 1, data: { form: 'BOQ' } });
    expect(JSON.parse(line!).data).not.toHaveProperty('formVersion');
    const run = await cli('verify', '--events', file('old-version.jsonl'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('10 events, no errors, chain intact');
  });
});

describe('verify --store on other stores', () => {
  it('checks the tree of an EventStoreDB store, which keeps no chain: one line when it cannot be reached', async () => {
    const run = await cli('verify', '--store', 'esdb://127.0.0.1:1?tls=false');
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cannot open the store at esdb://127.0.0.1:1?tls=false: connection refused\n',
    });
    const head = await cli('verify', '--store', 'esdb://127.0.0.1:1?tls=false', '--head', 'a'.repeat(64));
    expect(head.code).toBe(2);
    expect(head.stderr).toContain('keeps no hash chain (EventStoreDB), so no chain hash to pass through');
  });

  it('takes exactly one of --events and --store, and a head that is a hash', async () => {
    expect((await cli('verify')).code).toBe(2);
    expect((await cli('verify', '--events', 'x.jsonl', '--store', 'memory:')).code).toBe(2);
    expect((await cli('verify', '--store', 'memory:', '--head', 'not-a-hash')).code).toBe(2);
    expect(await cli('verify', '--store', 'memory:')).toMatchObject({
      code: 0,
      stdout: 'store: 0 events, chain intact, head (none)\n',
    });
    expect(await cli('verify', '--store', file('no-such-store'))).toMatchObject({
      code: 1,
      stderr: `${file('no-such-store')}: no store in this folder\n`,
    });
  });
});
