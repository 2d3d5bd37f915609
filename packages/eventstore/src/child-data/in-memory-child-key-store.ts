import { InMemoryChildKeyVault } from './in-memory-child-key-vault';
import { inMemoryKeyEncryptionKeys } from './key-file';
import { WrappedChildKeyStore } from './wrapped-child-key-store';

/** Keys in the process's memory, wrapped as every store keeps them: tests and the `memory:` store. */
export class InMemoryChildKeyStore extends WrappedChildKeyStore {
  constructor() {
    super(new InMemoryChildKeyVault(), inMemoryKeyEncryptionKeys());
  }
}
