export * from './caseload-list';
export * from './caseload-list.table';
export * from './next-item';
