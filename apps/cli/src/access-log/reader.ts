import { userInfo } from 'node:os';
import { type Actor, escapeUnsafe, ID_RULE, isId } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';

const osUser = (): string | undefined => {
  try {
    return userInfo().username;
  } catch {
    // A container's user may have no entry in the password database.
    return undefined;
  }
};

/**
 * Who reads through the command line: `--as ID`, else the operating-system user. Whoever runs it
 * holds the store itself, so the read is recorded with the admin role.
 */
export const readerOf = (as: string | undefined, username: () => string | undefined = osUser): Actor => {
  if (as !== undefined) return { id: as, role: 'admin' };
  const name = username();
  if (name === undefined)
    throw new FailureError(
      'the operating-system user has no name to record the read under; name the reader with --as ID',
    );
  if (!isId(name))
    throw new FailureError(
      `the operating-system user name "${escapeUnsafe(name)}" is not ${ID_RULE}; name the reader with --as ID`,
    );
  return { id: name, role: 'admin' };
};
