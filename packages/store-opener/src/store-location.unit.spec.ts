import { storeLocationOf } from './store-location';

describe('the store a location names', () => {
  it('is chosen by the form of the location alone', () => {
    expect(storeLocationOf('memory:')).toEqual({ kind: 'memory', address: 'memory:' });
    expect(storeLocationOf('./.coachline')?.kind).toBe('folder');
    expect(storeLocationOf('/var/lib/coachline')?.kind).toBe('folder');
    expect(storeLocationOf('postgres://coach@db/coachline')?.kind).toBe('postgres');
    expect(storeLocationOf('postgresql://coach@db/coachline')?.kind).toBe('postgres');
    expect(storeLocationOf('esdb://esdb:2113?tls=false')?.kind).toBe('esdb');
    expect(storeLocationOf('kurrentdb+discover://cluster:2113')?.kind).toBe('esdb');
  });

  it('is none for an empty text or any other scheme, never a folder of that name', () => {
    for (const mistyped of ['', 'postgress://db/coachline', 'http://esdb:2113', 'mysql://db'])
      expect(storeLocationOf(mistyped)).toBeUndefined();
  });
});
