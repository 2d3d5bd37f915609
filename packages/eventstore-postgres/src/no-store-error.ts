/**
 * There is no store where one was asked for: a folder without a database, or a database without
 * the store's schema. Opening it anyway would have made a new, empty store.
 */
export class NoStoreError extends Error {
  override readonly name = 'NoStoreError';
}
