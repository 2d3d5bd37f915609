import { childKeyStoreContract } from './child-key-store.contract';
import { InMemoryChildKeyVault } from './in-memory-child-key-vault';
import { InMemoryChildKeyStore } from './in-memory-child-key-store';

// The process's memory is the storage: opening it again hands back the same vault, as a restart-free process sees it.
childKeyStoreContract('in memory', async () => {
  const vault = new InMemoryChildKeyVault();
  return { openVault: async () => ({ vault, close: async () => undefined }), dispose: async () => undefined };
});

describe('InMemoryChildKeyStore', () => {
  it('keeps its key-encryption key in the process, and a store of its own apart from another’s', async () => {
    const one = new InMemoryChildKeyStore();
    const other = new InMemoryChildKeyStore();
    const key = await one.keyFor('child-1');
    if (key === 'erased') throw new Error('nothing was erased');
    expect(await other.find(key.keyId)).toBeUndefined();
    expect((await one.find(key.keyId))?.keyId).toBe(key.keyId);
    await one.erase('child-1', '2026-01-10');
    expect(await one.find(key.keyId)).toBeUndefined();
  });
});
