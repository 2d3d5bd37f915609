import { isStoreConnectionError } from './store-unavailable';

describe('telling a lost store connection from a fault', () => {
  it('knows the errors pg raises when its connection is cut or refused', () => {
    expect(isStoreConnectionError(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isStoreConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isStoreConnectionError(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      isStoreConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isStoreConnectionError(new Error('append failed', { cause: Object.assign(new Error('x'), { code: '08006' }) })),
    ).toBe(true);
  });

  it('leaves every other error a fault', () => {
    expect(isStoreConnectionError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(
      isStoreConnectionError(
        Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      ),
    ).toBe(false);
    expect(isStoreConnectionError('Connection terminated')).toBe(false);
    expect(isStoreConnectionError(null)).toBe(false);
  });
});
