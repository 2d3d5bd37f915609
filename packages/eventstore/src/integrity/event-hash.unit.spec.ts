import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalContent, canonicalContentOf, canonicalJson, chainHash, eventHash, nextIntegrity } from './event-hash';
import { nextIntegrityOfCanonical } from './sealed-event';

const content = {
  id: 'ev-1',
  stream: 'provider-p1',
  revision: 0,
  type: 'ProviderEnrolled',
  schemaVersion: 1,
  data: { providerId: 'p1', name: 'Sunrise Home Care', capacity: 6 },
  metadata: {
    actor: { id: 'admin-1', role: 'admin' },
    recordedAt: '2026-01-05T10:00:00.000Z',
    commandId: 'c1',
    correlationId: 'c1',
  },
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('event hashes', () => {
  it('hash the canonical JSON of the content after the stream’s previous hash', () => {
    const canonical = canonicalContent(content);
    expect(
      canonical.startsWith(
        '{"data":{"capacity":6,"name":"Sunrise Home Care","providerId":"p1"},"id":"ev-1","metadata":{',
      ),
    ).toBe(true);
    expect(eventHash('', content)).toBe(sha256(`\n${canonical}`));
    expect(eventHash('abc', content)).toBe(sha256(`abc\n${canonical}`));
    expect(chainHash('', 'h1')).toBe(sha256('\nh1'));
    const named = { ...content, data: { ...content.data, name: 'Zoë’s Place 😀' } };
    expect(eventHash('', named)).toBe(sha256(`\n${canonicalContent(named)}`));
  });

  it('leave the position out: a stream hashes the same in every store', () => {
    expect(eventHash('', { ...content, position: 7 } as typeof content)).toBe(eventHash('', content));
  });

  it('do not depend on key order, which jsonb does not keep', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })), (data) => {
        const reversed = Object.fromEntries(Object.entries(data).reverse());
        expect(eventHash('', { ...content, data: reversed })).toBe(eventHash('', { ...content, data }));
      }),
    );
  });

  it('change with any field of the content', () => {
    const base = eventHash('', content);
    for (const changed of [
      { ...content, id: 'ev-2' },
      { ...content, stream: 'provider-p2' },
      { ...content, revision: 1 },
      { ...content, type: 'ProviderExited' },
      { ...content, schemaVersion: 2 },
      { ...content, data: { ...content.data, capacity: 7 } },
      { ...content, metadata: { ...content.metadata, recordedAt: '2026-01-05T10:00:01.000Z' } },
    ])
      expect(eventHash('', changed)).not.toBe(base);
  });
});

describe('canonical parts', () => {
  const anId = fc.string({ minLength: 1, maxLength: 12 });
  it('compose the same content text as canonicalizing the whole event, for every event', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: anId,
          stream: anId,
          revision: fc.nat(),
          type: anId,
          schemaVersion: fc.integer({ min: 1, max: 9 }),
          data: fc.jsonValue(),
          metadata: fc.jsonValue(),
        }),
        (event) => {
          const parts = {
            ...event,
            canonicalData: canonicalJson(event.data, 'data'),
            canonicalMetadata: canonicalJson(event.metadata, 'metadata'),
          };
          expect(canonicalContentOf(parts)).toBe(canonicalContent(event));
          // The text hashed before this serializer replaced the canonicalize package: no hash changes.
          expect(canonicalContent(event)).toBe(canonicalize(event));
          expect(nextIntegrityOfCanonical('prev', 'chain', parts)).toEqual(nextIntegrity('prev', 'chain', event));
        },
      ),
    );
  });
});
