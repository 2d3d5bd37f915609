import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAvailableSync, testDatabaseUrl } from '@coachline/eventstore-postgres/testing';
import { API_MAIN, apiBuilt, apiEnvironment, freePort, runNode } from '../testing/api-process';
import { silentServer } from '@coachline/eventstore/testing';

// The API started on a store it cannot reach ends at once with one line naming the variable, the
// store without its password and the reason, and exit code 1: never a client's stack trace, never a hang.
jest.setTimeout(90_000);

const PASSWORD = 'Sw0rdfish-s3cret';
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'coachline-unreachable-'));
  // Built beforehand, so each start's time is the store's to spend.
  await apiBuilt();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const start = async (extra: NodeJS.ProcessEnv) => {
  const started = Date.now();
  const run = await runNode(API_MAIN, apiEnvironment(dataDir, await freePort(), extra));
  // A source changed since the build above (an edit, a checkout) is built again first, which
  // `npm start` says on a line of its own: not the store's.
  const stderr = run.stderr.replace(/^Built the API before running it .*\n/, '');
  return { ...run, stderr, ms: Date.now() - started };
};

describe('the API started on a store it cannot reach', () => {
  it('names an EventStoreDB server that refuses the connection', async () => {
    const port = await freePort();
    const run = await start({ EVENTSTORE_URL: `esdb://admin:${PASSWORD}@127.0.0.1:${port}?tls=false` });
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: `EVENTSTORE_URL: cannot open the store at esdb://admin:***@127.0.0.1:${port}?tls=false: connection refused\n`,
    });
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it('gives up on an EventStoreDB server that never answers', async () => {
    const server = await silentServer();
    try {
      const run = await start({ EVENTSTORE_URL: `esdb://admin:${PASSWORD}@127.0.0.1:${server.port}?tls=false` });
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: 1,
        stderr: `EVENTSTORE_URL: cannot open the store at esdb://admin:***@127.0.0.1:${server.port}?tls=false: no answer within 10 s\n`,
      });
      expect(run.ms).toBeLessThan(30_000);
    } finally {
      await server.close();
    }
  });

  it('names a PostgreSQL server that refuses the connection', async () => {
    const port = await freePort();
    const run = await start({ DATABASE_URL: `postgres://coach:${PASSWORD}@127.0.0.1:${port}/coachline` });
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: `DATABASE_URL: cannot open the store at postgres://coach:***@127.0.0.1:${port}/coachline: connection refused\n`,
    });
  });

  (postgresAvailableSync() ? it : it.skip)('names a PostgreSQL database that does not exist', async () => {
    const url = new URL(testDatabaseUrl());
    url.pathname = '/coachline_no_such_database';
    const run = await start({ DATABASE_URL: url.toString() });
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 1,
      stderr: `DATABASE_URL: cannot open the store at ${url}: database "coachline_no_such_database" does not exist\n`,
    });
  });
});
