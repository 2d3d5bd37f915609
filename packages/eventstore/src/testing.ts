/**
 * Test helpers for event store adapters: the contract suites every adapter passes, their fixtures,
 * and test hosts. Unlike the domain's testing entry, the suites register tests: import this entry
 * only from spec files run by a runner that provides `describe`, `it`, `beforeEach`, `afterEach`
 * and `expect` as globals (jest, or vitest with `globals: true`).
 */
export * from './contract';
export {
  childKeyStoreContract,
  type ChildKeyRotationOptions,
  type ChildKeyStorage,
  type OpenChildKeyStorage,
  type OpenedChildKeyVault,
} from './child-data/child-key-store.contract';
export { filesOpenToOthers } from './test-hosts/files-open-to-others';
export { silentServer } from './test-hosts/silent-server';
