import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access, constants, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { escapeUnsafe } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';

const REASONS = new Map([
  ['ENOENT', 'no such folder'],
  ['ENOTDIR', 'no such folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'the disk is read-only'],
  ['ENOSPC', 'the disk is full'],
  ['EISDIR', 'it is a folder'],
]);

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? REASONS.get(code) : undefined) ?? code ?? (error as Error).message;
};

const cannotWrite = (path: string, reason: string): FailureError =>
  new FailureError(`${escapeUnsafe(path)}: cannot write the file: ${reason}`);

/**
 * Checks, before any work is done or any store opened, that `--out` can be written: its folder is
 * there and writable, and it does not name a folder. The command line never makes the folder: a
 * mistyped path fails here rather than writing somewhere unexpected.
 */
export const checkOutputFile = async (path: string): Promise<void> => {
  const folder = dirname(path);
  try {
    if (!(await stat(folder)).isDirectory()) throw cannotWrite(path, `${escapeUnsafe(folder)} is not a folder`);
    await access(folder, constants.W_OK);
  } catch (error) {
    if (error instanceof FailureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotWrite(path, code === 'ENOENT' ? `there is no folder ${escapeUnsafe(folder)}` : reasonOf(error));
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw cannotWrite(path, REASONS.get('EISDIR')!);
};

export interface OutputFileOptions {
  /** Runs once everything is written, before the file takes its name; a failure leaves no file. */
  readonly beforeCommit?: () => Promise<void>;
}

/**
 * Writes a file readable by its owner only (exports and extracts hold a program's records, some
 * of them children's data in the clear), all or nothing: the text goes to a new file beside
 * `path`, renamed to it once whole. A run that fails half way leaves no file, and an older file of
 * the same name stays as it was.
 */
export const writeOutputFile = async (
  path: string,
  chunks: Iterable<string> | AsyncIterable<string>,
  options: OutputFileOptions = {},
): Promise<void> => {
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  const file = createWriteStream(partial, { encoding: 'utf8', flags: 'wx', mode: 0o600 });
  const failed = new Promise<never>((_, fail) => file.once('error', fail));
  failed.catch(() => undefined);
  // Only the file's own failures are "cannot write"; what the chunks' source throws goes up as it is.
  const onDisk = <T>(step: Promise<T>): Promise<T> =>
    Promise.race([step, failed]).catch((error: unknown) => {
      throw cannotWrite(path, reasonOf(error));
    });
  try {
    await onDisk(once(file, 'open'));
    for await (const chunk of chunks) if (!file.write(chunk)) await onDisk(once(file, 'drain'));
    file.end();
    await onDisk(once(file, 'close'));
    await options.beforeCommit?.();
    await onDisk(rename(partial, path));
  } catch (error) {
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  }
};
