export * from './child-key-store';
export { InMemoryChildKeyStore } from './in-memory-child-key-store';
export { ChildDataTamperedError, openValue, sealValue, type SealedPlace } from './child-data-cipher';
export { carriesPlainChildData, ChildUnknownError, openChildData, openStreamChildData, sealChildData } from './seal-child-data';
export {
  CHILD_DATA_ERASED,
  eraseKeysOfErasedChildren,
  openWithChildDataProtection,
  protectChildData,
  UnsealedImportError,
  type ChildDataProtectedStore,
} from './protect-child-data';
export { prepareImportSealing, type ImportSealer } from './seal-for-import';
