/**
 * Telling a broken connection from a rejected statement: only the former may be retried (for a read)
 * or leave a commit's outcome unknown (for a write).
 */

/** SQLSTATEs of a session the server ended or could not start. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const CLIENT_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

export const isConnectionFailure = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || CONNECTION_SQLSTATES.has(code) || NETWORK_CODES.has(code))
  ) {
    return true;
  }
  return typeof message === 'string' && CLIENT_MESSAGES.some((fragment) => message.includes(fragment));
};

export interface ReadRetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

export const DEFAULT_READ_RETRY: ReadRetryPolicy = { attempts: 3, backoffMs: 100 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a read again on a fresh connection when the connection broke; reads have no side effect to repeat. */
export const withReadRetry = async <T>(
  read: () => Promise<T>,
  policy: ReadRetryPolicy = DEFAULT_READ_RETRY,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= policy.attempts || !isConnectionFailure(error)) throw error;
      await pause(policy.backoffMs * attempt);
    }
  }
};
