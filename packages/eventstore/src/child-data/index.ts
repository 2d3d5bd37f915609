export * from './child-key-store';
export type { ChildKeyVault, ChildKeyWrappingState, Rewrap, WrapAt, WrappedChildKey } from './child-key-vault';
export { InMemoryChildKeyStore } from './in-memory-child-key-store';
export { InMemoryChildKeyVault } from './in-memory-child-key-vault';
export {
  inMemoryKeyEncryptionKeys,
  isInsideFolder,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  keyFileBeside,
  KeyFileError,
  type KeyEncryptionKeyFile,
} from './key-file';
export {
  ChildKeyUnwrapError,
  newKeyEncryptionKey,
  unwrapChildKey,
  wrapChildKey,
  WRAPPED_KEY_BYTES,
  WRAPPED_KEY_PREFIX,
  type KeyEncryptionKey,
} from './key-wrapping';
export { openChildKeyStore, WrappedChildKeyStore } from './wrapped-child-key-store';
export { ChildDataTamperedError, openValue, sealValue, type SealedPlace } from './child-data-cipher';
export {
  carriesPlainChildData,
  ChildUnknownError,
  openChildData,
  openStreamChildData,
  sealChildData,
} from './seal-child-data';
export {
  CHILD_DATA_ERASED,
  eraseKeysOfErasedChildren,
  openWithChildDataProtection,
  protectChildData,
  SealingEventStore,
  sealedImportsOnly,
  UnsealedImportError,
  type ChildDataProtectedStore,
} from './protect-child-data';
export { prepareImportSealing, type ImportSealer } from './seal-for-import';
