export * from './projection-checkpoints';
export type { StoredViewRow } from './stored-view-row';
export * from './typed-pages';
