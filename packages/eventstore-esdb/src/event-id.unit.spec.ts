import { mintEventId } from '@coachline/eventstore';
import { COACHLINE_EVENT_ID_NAMESPACE, esdbEventId, isEsdbEventId, nameBasedUuid } from './event-id';

describe('EventStoreDB event ids', () => {
  it('derives the RFC 4122 version 5 UUID of a name', () => {
    const dnsNamespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(nameBasedUuid('www.example.com', dnsNamespace)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('keeps a canonical UUID as it is', () => {
    expect(esdbEventId('5f0c2a8e-1b7d-4c3e-9a6f-0d2b8e4c7a19')).toBe('5f0c2a8e-1b7d-4c3e-9a6f-0d2b8e4c7a19');
  });

  it('keeps a time-ordered UUID (version 7, as the product mints them) as it is', () => {
    const minted = mintEventId();
    expect(isEsdbEventId(minted)).toBe(true);
    expect(esdbEventId(minted)).toBe(minted);
    expect(esdbEventId('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('maps any other id to the same UUID every time, in the Coachline namespace', () => {
    expect(esdbEventId('e-1')).toBe('ccc8ac52-a4d9-5fdc-b1ff-09d8d7a2a287');
    expect(esdbEventId('e-1')).toBe(nameBasedUuid('e-1', COACHLINE_EVENT_ID_NAMESPACE));
    expect(esdbEventId('e-2')).not.toBe(esdbEventId('e-1'));
  });

  it('derives ids for what EventStoreDB would change or refuse: uppercase UUIDs and the nil UUID', () => {
    expect(isEsdbEventId('5F0C2A8E-1B7D-4C3E-9A6F-0D2B8E4C7A19')).toBe(false);
    expect(isEsdbEventId('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(esdbEventId('5F0C2A8E-1B7D-4C3E-9A6F-0D2B8E4C7A19')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
