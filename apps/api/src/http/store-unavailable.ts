/**
 * PostgreSQL's codes for a connection that ended or could not be made: class 08 (connection
 * exception) and 57P01–57P03 (the server shutting down, or ending the backend on an operator's
 * command), as `pg` reports them; and the socket errors beneath them.
 */
const CONNECTION_CODES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);

/** What `pg` throws, without a code, for a client whose connection has gone. */
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/i;

/**
 * True when the error says the store could not be reached rather than that the request or the
 * code was wrong: the client may send the request again (a command with the same Idempotency-Key,
 * which records it at most once).
 */
export const isStoreConnectionError = (error: unknown): boolean => {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (typeof e !== 'object' || e === null) return false;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isStoreConnectionError(e.cause);
};
