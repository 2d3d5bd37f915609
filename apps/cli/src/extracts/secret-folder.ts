import { DEFAULT_STORE } from '../store/open-store';

/** The folder of an embedded store; any other store keeps its local files in the default folder. */
export const secretFolderOf = (store: string): string =>
  store === 'memory:' || /^[a-z][a-z0-9+]*:\/\//.test(store) ? DEFAULT_STORE : store;
