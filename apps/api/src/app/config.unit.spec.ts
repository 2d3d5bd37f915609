import { resolve } from 'node:path';
import { describeStore, readConfig } from './config';

describe('configuration from the environment', () => {
  it('starts on the embedded store in ./.coachline, on 127.0.0.1:3000, with nothing set', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('.coachline'),
      jwtSecret: undefined,
      waitForPositionMs: 5_000,
    });
    expect(config.store).toEqual({ kind: 'pglite', dataDir: resolve('.coachline') });
  });

  it('switches to PostgreSQL with DATABASE_URL, and to EventStoreDB with EVENTSTORE_URL, which wins', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/x' }).store).toEqual({
      kind: 'postgres',
      connectionString: 'postgres://u:secret@db:5432/x',
      schema: 'coachline',
    });
    expect(readConfig({ DATABASE_URL: 'postgres://db/x', EVENTSTORE_URL: 'esdb://es:2113' }).store).toEqual({
      kind: 'esdb',
      connectionString: 'esdb://es:2113',
    });
    expect(describeStore(readConfig({ DATABASE_URL: 'postgres://u:secret@db:5432/x' }).store)).toBe(
      'PostgreSQL at postgres://u:***@db:5432/x, schema coachline',
    );
  });

  it('keeps the key file beside the data folder unless COACHLINE_KEY_FILE names one, and never inside the embedded store’s folder', () => {
    expect(readConfig({}).keyFile).toBe(resolve('.coachline-keys/key-encryption-key.json'));
    expect(readConfig({ COACHLINE_DATA_DIR: '/srv/coachline/data' }).keyFile).toBe(
      '/srv/coachline/data-keys/key-encryption-key.json',
    );
    expect(readConfig({ COACHLINE_KEY_FILE: '/etc/coachline/keys.json' }).keyFile).toBe('/etc/coachline/keys.json');
    expect(() => readConfig({ COACHLINE_DATA_DIR: '/srv/data', COACHLINE_KEY_FILE: '/srv/data/keys.json' })).toThrow(
      'COACHLINE_KEY_FILE must be outside the data folder /srv/data, so that a copy of the database holds no key; got "/srv/data/keys.json".',
    );
    // A server's database is not in the data folder: a key file there copies nothing with it.
    expect(
      readConfig({
        DATABASE_URL: 'postgres://db/x',
        COACHLINE_DATA_DIR: '/srv/data',
        COACHLINE_KEY_FILE: '/srv/data/keys.json',
      }).keyFile,
    ).toBe('/srv/data/keys.json');
  });

  it('keeps the signing key in the key file’s folder unless COACHLINE_SIGNING_KEY_FILE names one, never inside the embedded store’s folder', () => {
    expect(readConfig({}).signingKeyFile).toBe(resolve('.coachline-keys/checkpoint-signing-key'));
    expect(readConfig({ COACHLINE_KEY_FILE: '/etc/coachline/keys.json' }).signingKeyFile).toBe(
      '/etc/coachline/checkpoint-signing-key',
    );
    expect(readConfig({ COACHLINE_SIGNING_KEY_FILE: '/etc/coachline/signer' }).signingKeyFile).toBe(
      '/etc/coachline/signer',
    );
    expect(() =>
      readConfig({ COACHLINE_DATA_DIR: '/srv/data', COACHLINE_SIGNING_KEY_FILE: '/srv/data/sub/../signer' }),
    ).toThrow(
      'COACHLINE_SIGNING_KEY_FILE must be outside the data folder /srv/data, so that a copy of the database cannot sign for it; got "/srv/data/signer".',
    );
    expect(() =>
      readConfig({ COACHLINE_DATA_DIR: '/srv/data', COACHLINE_KEY_FILE: '/srv/data-keys/../data/k.json' }),
    ).toThrow(/COACHLINE_KEY_FILE/);
  });

  it('signs a checkpoint every 1000 events or 60 minutes unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({ checkpointEveryEvents: 1_000, checkpointEveryMinutes: 60 });
    expect(
      readConfig({ COACHLINE_CHECKPOINT_EVERY_EVENTS: '5', COACHLINE_CHECKPOINT_EVERY_MINUTES: '2' }),
    ).toMatchObject({ checkpointEveryEvents: 5, checkpointEveryMinutes: 2 });
  });

  it.each([
    [{ COACHLINE_CHECKPOINT_EVERY_EVENTS: '0' }, 'COACHLINE_CHECKPOINT_EVERY_EVENTS must be an integer from 1'],
    [{ COACHLINE_CHECKPOINT_EVERY_EVENTS: 'ten' }, 'COACHLINE_CHECKPOINT_EVERY_EVENTS must be an integer from 1'],
    [{ COACHLINE_CHECKPOINT_EVERY_EVENTS: '2.5' }, 'COACHLINE_CHECKPOINT_EVERY_EVENTS must be an integer from 1'],
    [{ COACHLINE_CHECKPOINT_EVERY_MINUTES: '-1' }, 'COACHLINE_CHECKPOINT_EVERY_MINUTES must be an integer from 1'],
    [{ COACHLINE_CHECKPOINT_EVERY_MINUTES: '1000000' }, 'COACHLINE_CHECKPOINT_EVERY_MINUTES must be an integer from 1'],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
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
