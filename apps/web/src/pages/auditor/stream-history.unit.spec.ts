import fc from 'fast-check';
import { kindOfStream, STREAM_KIND_OPTIONS, streamOfKind } from './stream-history';

describe('a stream’s name', () => {
  it('is its kind and id, and splits back into them', () => {
    expect(streamOfKind('provider', 'p-1')).toBe('provider-p-1');
    expect(kindOfStream('provider-p-1')).toEqual({ kind: 'provider', id: 'p-1' });
    expect(kindOfStream('team-dit-kent')).toEqual({ kind: 'team', id: 'dit-kent' });
    expect(kindOfStream('ledger-1')).toBeUndefined();
  });

  it('splits back into the kind and id it was made of, whatever the id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STREAM_KIND_OPTIONS), fc.string({ minLength: 1 }), (kind, id) => {
        expect(kindOfStream(streamOfKind(kind, id))).toEqual({ kind, id });
      }),
    );
  });
});
