import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

export interface SigningSecret {
  readonly secret: string;
  /** Where the secret came from, for the start banner. */
  readonly source: 'environment' | 'generated' | 'file';
  readonly path?: string;
}

/**
 * The HS256 secret: COACHLINE_JWT_SECRET when set; otherwise the one kept in the data folder,
 * generated at first start and readable by its owner only, so tokens survive restarts on a
 * developer's machine without any set-up.
 */
export const loadSigningSecret = async (configured: string | undefined, dataDir: string): Promise<SigningSecret> => {
  if (configured !== undefined) return { secret: configured, source: 'environment' };
  const path = join(dataDir, JWT_SECRET_FILE);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: of two processes starting at once, only one writes; the other reads what it wrote.
    await writeFile(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    return { secret: (await readFile(path, 'utf8')).trim(), source: 'generated', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A secret kept by an older version, or copied in by hand, may be readable by others.
  await chmod(path, 0o600);
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < 32)
    throw new Error(`${path} holds a secret shorter than 32 characters; delete it to have a new one generated.`);
  return { secret, source: 'file', path };
};
