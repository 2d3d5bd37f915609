import { resolve } from 'node:path';
import { describeStore, readConfig } from './config';

describe('configuration from the environment', () => {
  it('starts on the embedded store in ./.coachline, on 127.0.0.1:3000, with nothing set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: resolve('.coachline'), jwtSecret: undefined, waitForPositionMs: 5_000 });
    expect(config.store).toEqual({ kind: 'pglite', dataDir: resolve('.coachline') });
  });

  it('switches to PostgreSQL with DATABASE_URL, and to EventStoreDB with EVENTSTORE_URL, which wins', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/x' }).store).toEqual({ kind: 'postgres', connectionString: 'postgres://u:secret@db:5432/x', schema: 'coachline' });
    expect(readConfig({ DATABASE_URL: 'postgres://db/x', EVENTSTORE_URL: 'esdb://es:2113' }).store).toEqual({ kind: 'esdb', connectionString: 'esdb://es:2113' });
    expect(describeStore(readConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/x' }).store)).toBe('PostgreSQL at postgres://u:***@db:5432/x, schema coachline');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ COACHLINE_JWT_SECRET: 'short' }, /at least 32/],
    [{ DATABASE_URL: 'postgres://db/x', COACHLINE_SCHEMA: 'Robert"; DROP' }, /COACHLINE_SCHEMA/],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
