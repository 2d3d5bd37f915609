import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { chainHash, eventHash, nextIntegrity, type HashedContent } from './event-hash';
import { eventLeafHash } from './merkle/tree-hash';
import { nextIntegrityOfContent, sealEvent } from './sealed-event';

/** RFC 9162's leaf over the content's UTF-8 bytes, taken without any of the write path's shortcuts. */
const leafByDefinition = (content: string): string =>
  createHash('sha256').update(Buffer.of(0x00)).update(content, 'utf8').digest('hex');

const eventHashByDefinition = (tip: string, content: string): string =>
  createHash('sha256').update(`${tip}\n${content}`, 'utf8').digest('hex');

const hexDigest = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
/** Tips as a store writes them ('' before the first event, a hex digest after), and any other text. */
const tip = fc.oneof(fc.constant(''), hexDigest, fc.string({ maxLength: 70 }), fc.string({ unit: 'binary' }));
/** Content of any size and any UTF-16, lone surrogates too, past the size the buffer starts with. */
const content = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary-ascii', minLength: 4_000, maxLength: 9_000 }),
);

describe('sealing an event: its hash, chain and leaf from one encoding of its content', () => {
  it('gives the hash, chain and leaf the definitions give, for any tip, chain and content', () => {
    fc.assert(
      fc.property(tip, hexDigest, content, (previousStreamHash, previousChain, text) => {
        const sealed = sealEvent(previousStreamHash, previousChain, text);
        const hash = eventHashByDefinition(previousStreamHash, text);
        expect(sealed).toEqual({ hash, chain: chainHash(previousChain, hash), leaf: leafByDefinition(text) });
        expect(nextIntegrityOfContent(previousStreamHash, previousChain, text)).toEqual({
          hash,
          chain: sealed.chain,
        });
        expect(Buffer.from(eventLeafHash(text)).toString('hex')).toBe(sealed.leaf);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves nothing of one event in the next: a long content, then a short one, hash as if alone', () => {
    fc.assert(
      fc.property(content, content, (first, second) => {
        const alone = sealEvent('', '', second);
        sealEvent('', '', first);
        expect(sealEvent('', '', second)).toEqual(alone);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the event hash over the event itself', () => {
    const event: HashedContent = {
      id: 'ev-1',
      stream: 'provider-p1',
      revision: 3,
      type: 'SessionLogged',
      schemaVersion: 1,
      data: { minutes: 45, note: 'Éclair “quoted” \u2028' },
      metadata: { actor: { id: 'c-1', role: 'coach' } },
    };
    const tipHash = eventHash('', { ...event, revision: 2 });
    const integrity = nextIntegrity(tipHash, 'chain-before', event);
    const content = JSON.stringify({
      data: { minutes: 45, note: 'Éclair “quoted” \u2028' },
      id: 'ev-1',
      metadata: { actor: { id: 'c-1', role: 'coach' } },
      revision: 3,
      schemaVersion: 1,
      stream: 'provider-p1',
      type: 'SessionLogged',
    });
    expect(nextIntegrityOfContent(tipHash, 'chain-before', content)).toEqual(integrity);
  });
});
