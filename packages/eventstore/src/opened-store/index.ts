export { OpenedStore } from './opened-store';
export type { BulkImport, BulkImportResult, EventToImport, StoreEngine } from './store-engine';
