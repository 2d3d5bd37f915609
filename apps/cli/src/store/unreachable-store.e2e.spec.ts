import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAvailableSync, testDatabaseUrl } from '@coachline/eventstore-postgres/testing';
import { cliProcess } from '../testing/run-cli';
import { silentServer } from '@coachline/eventstore/testing';

// A store server that cannot be reached, seen from the shell: the process ends within seconds
// with one line naming the server (never its password) and the reason, and exit code 1.
jest.setTimeout(120_000);

const PASSWORD = 'Sw0rdfish-s3cret';
const dir = mkdtempSync(join(tmpdir(), 'coachline-unreachable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A port nothing listens on: taken from the system, then given back. */
const closedPort = (): Promise<number> =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/**
 * Runs reading commands on the store and checks the one line, the exit code, the time taken and
 * the folder left as it was. A server that never answers is asked once: each ask takes its timeout.
 */
const refusedWithin = async (
  store: string,
  line: string,
  limitMs: number,
  commands = ['view', 'export'],
): Promise<void> => {
  const argvOf = (command: string) =>
    command === 'view'
      ? ['view', 'dosage', '--store', store]
      : ['export', '--out', join(dir, 'out.jsonl'), '--store', store];
  for (const argv of commands.map(argvOf)) {
    const run = await cliProcess(argv, { cwd: dir });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `${line}\n`,
    });
    expect(run.stderr).not.toContain(PASSWORD);
    expect(run.ms).toBeLessThan(limitMs);
    expect(readdirSync(dir)).toEqual([]);
  }
};

describe('a PostgreSQL store that cannot be reached', () => {
  it('names a server that refuses the connection', async () => {
    const port = await closedPort();
    await refusedWithin(
      `postgres://coach:${PASSWORD}@127.0.0.1:${port}/coachline`,
      `cannot open the store at postgres://coach:***@127.0.0.1:${port}/coachline: connection refused`,
      10_000,
    );
  });

  it('names a server that never answers, after its connection timeout', async () => {
    const server = await silentServer();
    try {
      await refusedWithin(
        `postgres://coach:${PASSWORD}@127.0.0.1:${server.port}/coachline`,
        `cannot open the store at postgres://coach:***@127.0.0.1:${server.port}/coachline: the server did not answer in time`,
        20_000,
        ['view'],
      );
    } finally {
      await server.close();
    }
  });

  (postgresAvailableSync() ? it : it.skip)('names a database that does not exist', async () => {
    const url = new URL(testDatabaseUrl());
    url.pathname = '/coachline_no_such_database';
    await refusedWithin(
      url.toString(),
      `cannot open the store at ${url}: database "coachline_no_such_database" does not exist`,
      10_000,
    );
  });
});

describe('an EventStoreDB store that cannot be reached', () => {
  it('names a server that refuses the connection', async () => {
    const port = await closedPort();
    await refusedWithin(
      `esdb://admin:${PASSWORD}@127.0.0.1:${port}?tls=false`,
      `cannot open the store at esdb://admin:***@127.0.0.1:${port}?tls=false: connection refused`,
      10_000,
    );
  });

  it('names a server that never answers, after ten seconds', async () => {
    const server = await silentServer();
    try {
      await refusedWithin(
        `esdb://admin:${PASSWORD}@127.0.0.1:${server.port}?tls=false`,
        `cannot open the store at esdb://admin:***@127.0.0.1:${server.port}?tls=false: no answer within 10 s`,
        20_000,
        ['view'],
      );
    } finally {
      await server.close();
    }
  });
});
