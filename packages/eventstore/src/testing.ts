/**
 * Test helpers for event store adapters: the contract suites every adapter passes, their fixtures,
 * and test hosts. Unlike the domain's testing entry, the suites register tests: import this entry
 * only from spec files run by a runner that provides `describe`, `it`, `beforeEach`, `afterEach`
 * and `expect` as globals (jest, or vitest with `globals: true`).
 */

// The contract suite every event store adapter passes, and the fixtures its adapters' own tests share.
export { eventStoreContract, verifiableLogContract } from './contract/event-store-contract';
export type { ContractOptions, ContractSubject, OpenContractSubject } from './contract/contract-subject';
export { EventCollector } from './contract/event-collector';
export { anEvent, collect, someEvents } from './contract/fixtures';

// Commands for provider p-017 by coach c-03, checked with the domain's codecs, for tests of command handling.
export { enrollProvider, logSession } from './command-handling/provider-commands.fixtures';

// The contract suite every children's key store passes.
export { childKeyStoreContract } from './child-data/child-key-store.contract';
export type {
  ChildKeyRotationOptions,
  ChildKeyStorage,
  OpenChildKeyStorage,
  OpenedChildKeyVault,
} from './child-data/child-key-store.contract';

// Test hosts: what in a folder another user could read, and a server that never answers.
export { filesOpenToOthers } from './test-hosts/files-open-to-others';
export { silentServer } from './test-hosts/silent-server';
