import { isConnectionFailure, withReadRetry } from './connection-failures';

const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('isConnectionFailure', () => {
  it.each([
    ['a backend the administrator terminated', terminated],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['the client losing its connection', new Error('Connection terminated unexpectedly')],
  ])('is true for %s', (_case, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain error', new Error('boom')],
    ['something that is not an error', 'Connection terminated'],
  ])('is false for %s', (_case, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe('withReadRetry', () => {
  const policy = { attempts: 3, backoffMs: 1 };

  it('reads again after a broken connection and returns the first success', async () => {
    const outcomes: Array<() => string> = [
      () => {
        throw terminated;
      },
      () => 'rows',
    ];
    let calls = 0;
    await expect(withReadRetry(async () => outcomes[calls++]!(), policy)).resolves.toBe('rows');
    expect(calls).toBe(2);
  });

  it('gives up after the last attempt with the connection error', async () => {
    let calls = 0;
    const read = async () => {
      calls += 1;
      throw terminated;
    };
    await expect(withReadRetry(read, policy)).rejects.toBe(terminated);
    expect(calls).toBe(3);
  });

  it('never repeats a read the server rejected', async () => {
    const rejected = Object.assign(new Error('permission denied'), { code: '42501' });
    let calls = 0;
    const read = async () => {
      calls += 1;
      throw rejected;
    };
    await expect(withReadRetry(read, policy)).rejects.toBe(rejected);
    expect(calls).toBe(1);
  });
});
