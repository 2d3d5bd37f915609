import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { escapeUnsafe } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';

/** The file PostgreSQL keeps at the top of its data folder: a folder holding it is an embedded store. */
const STORE_MARK = 'PG_VERSION';

/** What Coachline keeps in a data folder beside the database: a folder holding only these may become a store. */
const SIDE_FILES: ReadonlySet<string> = new Set(['access-log.jsonl', 'pseudonym-secret', 'jwt-secret']);

export const HOW_TO_CREATE = 'a store is made only by import --create';

type FolderState = 'store' | 'missing' | 'empty' | 'other files';

const stateOf = async (folder: string): Promise<FolderState> => {
  const shown = escapeUnsafe(folder);
  let entries: string[];
  try {
    if (!(await stat(folder)).isDirectory()) throw new FailureError(`${shown}: not a folder, so no store`);
    entries = await readdir(folder);
  } catch (error) {
    if (error instanceof FailureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    throw new FailureError(`${shown}: cannot read the folder (${code ?? 'error'})`);
  }
  if (entries.includes(STORE_MARK)) return 'store';
  return entries.every((entry) => SIDE_FILES.has(entry)) ? 'empty' : 'other files';
};

const refusal = (folder: string, state: FolderState, create: boolean): FailureError | undefined => {
  const shown = escapeUnsafe(folder);
  if (state === 'store') return undefined;
  if (!create)
    return new FailureError(
      state === 'missing'
        ? `${shown}: no such folder, so no store; ${HOW_TO_CREATE}`
        : `${shown}: no store in this folder; ${HOW_TO_CREATE}`,
    );
  return state === 'other files'
    ? new FailureError(`${shown}: the folder holds other files; make the store in a new or empty folder`)
    : undefined;
};

/**
 * Whether `--store FOLDER` can be opened as asked, without touching it: an embedded store is
 * there, or (with `create`) the folder is new or empty. Opening a folder makes a database in it,
 * so a mistyped name would otherwise silently give an empty store.
 */
export const checkStoreFolder = async (folder: string, create: boolean): Promise<void> => {
  const refused = refusal(folder, await stateOf(folder), create);
  if (refused) throw refused;
};

/**
 * `checkStoreFolder`, then, with `create`, the folder made ready for a new store: readable by its
 * owner only (PGlite writes its files readable by all; the folder is what keeps them private).
 */
export const prepareStoreFolder = async (folder: string, create: boolean): Promise<void> => {
  const state = await stateOf(folder);
  const refused = refusal(folder, state, create);
  if (refused) throw refused;
  if (state === 'missing') await mkdir(folder, { recursive: true, mode: 0o700 });
  else if (state === 'empty') await chmod(folder, 0o700);
};
