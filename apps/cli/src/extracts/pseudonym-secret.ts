import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FailureError } from '../commands/usage-error';

export const PSEUDONYM_SECRET_FILE = 'pseudonym-secret';
export const PSEUDONYM_SECRET_ENV = 'COACHLINE_PSEUDONYM_SECRET';

/** Short secrets could be guessed and every pseudonym reversed by hashing the known ids. */
const MIN_LENGTH = 32;

export interface PseudonymSecret {
  readonly secret: string;
  readonly source: 'file' | 'environment' | 'generated' | 'kept';
  readonly path?: string;
}

const checked = (secret: string, where: string): string => {
  if (secret.length < MIN_LENGTH)
    throw new FailureError(`${where} holds a pseudonym secret shorter than ${MIN_LENGTH} characters.`);
  return secret;
};

const readSecret = async (path: string): Promise<string> => {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    throw new FailureError(
      `${path}: cannot read the pseudonym secret (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
};

/**
 * The key of the pseudonyms: `--pseudonym-secret FILE`, else COACHLINE_PSEUDONYM_SECRET, else the
 * one kept beside the store, generated on first use and readable by its owner only. The same key
 * gives the same pseudonyms, so extracts of one program can be joined across runs and years.
 */
export const loadPseudonymSecret = async (options: {
  file?: string;
  env: NodeJS.ProcessEnv;
  folder: string;
}): Promise<PseudonymSecret> => {
  if (options.file !== undefined)
    return { secret: checked(await readSecret(options.file), options.file), source: 'file', path: options.file };
  const configured = options.env[PSEUDONYM_SECRET_ENV];
  if (configured !== undefined && configured !== '')
    return { secret: checked(configured, PSEUDONYM_SECRET_ENV), source: 'environment' };
  const path = join(options.folder, PSEUDONYM_SECRET_FILE);
  await mkdir(options.folder, { recursive: true, mode: 0o700 });
  try {
    // `wx`: of two runs starting at once, only one writes; the other reads what it wrote.
    await writeFile(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    return { secret: checked(await readSecret(path), path), source: 'generated', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { secret: checked(await readSecret(path), path), source: 'kept', path };
};
