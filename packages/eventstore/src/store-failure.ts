import { escapeUnsafe, printableText } from '@coachline/domain';
import type { EventStore } from './event-store';

/** The password of a `scheme://user:password@host…` address, if it has one. */
const passwordOf = (url: string): string | undefined => {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  const at = authority.lastIndexOf('@');
  if (at === -1) return undefined;
  const userInfo = authority.slice(0, at);
  const colon = userInfo.indexOf(':');
  return colon === -1 ? undefined : userInfo.slice(colon + 1);
};

/**
 * A store's address as it may be shown (messages, banners, logs): the password in its user info
 * and any `password=` parameter replaced by `***`.
 */
export const redactStoreUrl = (url: string): string => {
  const password = passwordOf(url);
  const withoutUserPassword =
    password === undefined || password === ''
      ? url
      : url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^/?#]*@/i, (_whole, head: string) => `${head}***@`);
  return withoutUserPassword.replace(/([?&](?:ssl)?password=)[^&#]*/gi, '$1***');
};

/** Network failures as people name them; the code is found on the error or inside a client's message. */
const NETWORK_REASONS = new Map([
  ['ECONNREFUSED', 'connection refused'],
  ['ECONNRESET', 'the connection was reset'],
  ['ENOTFOUND', 'no such host'],
  ['EAI_AGAIN', 'the host name could not be looked up'],
  ['ETIMEDOUT', 'the connection timed out'],
  ['EHOSTUNREACH', 'the host cannot be reached'],
  ['ENETUNREACH', 'the network cannot be reached'],
]);

const NETWORK_CODE = new RegExp(`\\b(${[...NETWORK_REASONS.keys()].join('|')})\\b`);

const reasonOf = (error: unknown): string => {
  const { code, message } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as {
    code?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const network =
    (typeof code === 'string' && NETWORK_REASONS.has(code) ? code : undefined) ?? NETWORK_CODE.exec(text)?.[1];
  if (network !== undefined) return NETWORK_REASONS.get(network)!;
  // node-postgres gives up on a server that takes the connection and never answers.
  if (/connection timeout|timeout exceeded when trying to connect/i.test(text))
    return 'the server did not answer in time';
  // gRPC prefixes its status ("14 UNAVAILABLE: "); a nested error repeats "Error: ".
  const firstLine = (text.split('\n')[0] ?? '')
    .replace(/^\d+ [A-Z_]+: /, '')
    .replace(/^(Error: )+/, '')
    .trim();
  return firstLine === '' ? 'no reason given' : firstLine;
};

/**
 * Why a store could not be opened, in one line: where it is (without its password) and the
 * reason, never a client's stack trace.
 */
export const describeStoreFailure = (url: string, error: unknown): string => {
  const password = passwordOf(url);
  const reason = reasonOf(error);
  const safeReason = password === undefined || password === '' ? reason : reason.split(password).join('***');
  return `cannot open the store at ${escapeUnsafe(redactStoreUrl(url))}: ${printableText(safeReason)}`;
};

/** A store could not be opened or did not answer: the message is one line fit to show as it is. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/**
 * Resolves once the store answers a first read; otherwise closes it and fails, within `timeoutMs`,
 * with its address and the reason. A server that accepts the connection and never answers would
 * otherwise hold the caller for as long as the client keeps retrying.
 */
export const ensureStoreAnswers = async (url: string, store: EventStore, timeoutMs: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([store.headPosition(), silence]);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreUnavailableError(describeStoreFailure(url, error));
  } finally {
    clearTimeout(timer);
  }
};
