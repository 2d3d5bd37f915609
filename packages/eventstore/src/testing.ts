/** Test helpers for event store adapters: the shared contract suite and its fixtures (jest globals). */
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
