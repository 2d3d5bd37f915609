import { open, stat } from 'node:fs/promises';
import { escapeUnsafe } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';

const REASONS = new Map([
  ['ENOENT', 'no such file'],
  ['ENOTDIR', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ELOOP', 'the link leads nowhere'],
]);

const cannotRead = (file: string, reason: string): FailureError =>
  new FailureError(`${escapeUnsafe(file)}: cannot read the file: ${reason}`);

/** A file with no events at all: an empty history is never what was meant. */
export const noEvents = (file: string, why: string): FailureError =>
  new FailureError(`${escapeUnsafe(file)}: ${why}; an event file holds one event per line (JSON Lines)`);

/**
 * Checks `--events FILE` before reading it: there, a file rather than a folder, readable, and
 * not empty. Each problem is one line saying why, where a stream would fail with a stack trace.
 */
export const checkEventFile = async (file: string): Promise<void> => {
  let empty: boolean;
  try {
    const found = await stat(file);
    if (found.isDirectory()) throw cannotRead(file, 'it is a folder');
    // A pipe or a device reports no size; only a regular file that is empty is known to hold nothing.
    empty = found.isFile() && found.size === 0;
    await (await open(file, 'r')).close();
  } catch (error) {
    if (error instanceof FailureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotRead(file, (code !== undefined ? REASONS.get(code) : undefined) ?? code ?? 'error');
  }
  if (empty) throw noEvents(file, 'the file is empty');
};
