import fc from 'fast-check';
import type { EventStore } from './event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { describeStoreFailure, ensureStoreAnswers, redactStoreUrl, StoreUnavailableError } from './store-failure';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });

describe('a store’s address as it is shown', () => {
  it('hides the password of the user info and of a password parameter, and nothing else', () => {
    expect(redactStoreUrl('postgres://ana:s3cret@db.example:5432/coachline')).toBe(
      'postgres://ana:***@db.example:5432/coachline',
    );
    expect(redactStoreUrl('postgres://ana@db.example/coachline?password=s3cret&sslmode=require')).toBe(
      'postgres://ana@db.example/coachline?password=***&sslmode=require',
    );
    expect(redactStoreUrl('esdb://admin:changeit@node1:2113,node2:2113?tls=false')).toBe(
      'esdb://admin:***@node1:2113,node2:2113?tls=false',
    );
    expect(redactStoreUrl('postgres://ana@db.example/coachline')).toBe('postgres://ana@db.example/coachline');
    expect(redactStoreUrl('./.coachline')).toBe('./.coachline');
  });

  it('never shows a password, whatever it holds', () =>
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9!$%^*()_+=;,.~@-]{4,30}$/), (password) => {
        const url = `postgres://ana:${password}@db.example:5432/coachline`;
        expect(redactStoreUrl(url)).toBe('postgres://ana:***@db.example:5432/coachline');
        expect(describeStoreFailure(url, new Error(`auth failed for ${password}`))).not.toContain(password);
      }),
    ));
});

describe('why a store could not be opened', () => {
  it('is one line naming the address without its password and the reason', () => {
    expect(describeStoreFailure('postgres://ana:s3cret@127.0.0.1:5999/test', refused)).toBe(
      'cannot open the store at postgres://ana:***@127.0.0.1:5999/test: connection refused',
    );
    expect(
      describeStoreFailure(
        'postgres://postgres@127.0.0.1:5432/nodb',
        Object.assign(new Error('database "nodb" does not exist'), { code: '3D000' }),
      ),
    ).toBe('cannot open the store at postgres://postgres@127.0.0.1:5432/nodb: database "nodb" does not exist');
    expect(
      describeStoreFailure(
        'postgres://db.invalid/x',
        Object.assign(new Error('getaddrinfo ENOTFOUND db.invalid'), { code: 'ENOTFOUND' }),
      ),
    ).toBe('cannot open the store at postgres://db.invalid/x: no such host');
  });

  it('says a server that never answered did not answer in time', () => {
    expect(
      describeStoreFailure(
        'postgres://127.0.0.1:45999/test',
        new Error('Connection terminated due to connection timeout'),
      ),
    ).toBe('cannot open the store at postgres://127.0.0.1:45999/test: the server did not answer in time');
  });

  it('finds the network failure inside a gRPC status and drops the status prefix otherwise', () => {
    const unavailable = new Error(
      '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113. Resolution note: ',
    );
    expect(describeStoreFailure('esdb://admin:changeit@127.0.0.1:2113?tls=false', unavailable)).toBe(
      'cannot open the store at esdb://admin:***@127.0.0.1:2113?tls=false: connection refused',
    );
    expect(
      describeStoreFailure(
        'esdb://127.0.0.1:2113',
        new Error('12 UNIMPLEMENTED: Received HTTP status code 404\n    at somewhere'),
      ),
    ).toBe('cannot open the store at esdb://127.0.0.1:2113: Received HTTP status code 404');
  });
});

describe('a store that must answer before it is used', () => {
  const storeAnswering = (headPosition: () => Promise<number>) => {
    const state = { shut: false };
    const store: EventStore = Object.assign(new InMemoryEventStore(), {
      headPosition,
      close: async () => void (state.shut = true),
    });
    return { store, state };
  };

  it('is let through when it answers', async () => {
    await expect(ensureStoreAnswers('memory:', new InMemoryEventStore(), 1_000)).resolves.toBeUndefined();
  });

  it('is closed and named with the reason when it refuses', async () => {
    const { store, state } = storeAnswering(() => Promise.reject(refused));
    await expect(ensureStoreAnswers('esdb://admin:changeit@127.0.0.1:2113', store, 1_000)).rejects.toThrow(
      new StoreUnavailableError('cannot open the store at esdb://admin:***@127.0.0.1:2113: connection refused'),
    );
    expect(state.shut).toBe(true);
  });

  it('is closed and named when it never answers, once the time is up', async () => {
    const { store, state } = storeAnswering(() => new Promise<number>(() => undefined));
    const started = Date.now();
    await expect(ensureStoreAnswers('esdb://127.0.0.1:2113', store, 200)).rejects.toThrow(
      new StoreUnavailableError('cannot open the store at esdb://127.0.0.1:2113: no answer within 0.2 s'),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(state.shut).toBe(true);
  });
});
