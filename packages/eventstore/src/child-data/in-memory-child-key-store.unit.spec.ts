import { childKeyStoreContract } from './child-key-store.contract';
import { InMemoryChildKeyStore } from './in-memory-child-key-store';

// The process's memory is the storage: opening it again hands back the same keys, as a restart-free process sees them.
childKeyStoreContract('in memory', async () => {
  const keys = new InMemoryChildKeyStore();
  return { open: async () => ({ keys, close: async () => undefined }), dispose: async () => undefined };
});

describe('InMemoryChildKeyStore', () => {
  it('overwrites the key’s bytes on erasure, so a copy handed out earlier holds no key either', async () => {
    const keys = new InMemoryChildKeyStore();
    const handedOut = await keys.keyFor('child-1');
    if (handedOut === 'erased') throw new Error('nothing was erased');
    await keys.erase('child-1', '2026-01-10');
    expect([...handedOut.key].every((byte) => byte === 0)).toBe(true);
  });
});
