/**
 * Everything the API writes is the program's data or a secret: events, children's keys, the
 * signing secret, the access log, the token register. From here on the process creates files
 * readable and writable by its own user only, and folders that only that user can enter.
 * Embedded PostgreSQL sets the modes of the files it unpacks itself; the store tightens those.
 */
export const PRIVATE_UMASK = 0o077;

export const keepFilesPrivate = (): void => {
  process.umask(PRIVATE_UMASK);
};
