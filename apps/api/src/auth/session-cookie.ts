import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { TokenSigner } from './token-signer';

export const SESSION_COOKIE = 'coachline_session';
export const CSRF_HEADER = 'X-Coachline-CSRF';
/** A working day and a half: a browser left signed in on a shared machine is signed out by the next one. */
export const SESSION_LIFETIME_SECONDS = 12 * 3_600;

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isUnsafe = (method: string): boolean => UNSAFE_METHODS.has(method.toUpperCase());

/** The session cookie's value, or `undefined`; the header is read by hand (one cookie is all the API sets). */
export const sessionCookieOf = (request: Request): string | undefined => {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(at + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
};

/** HttpOnly so no script reads it, SameSite=Strict so no other site's page sends it, Secure over https. */
const cookieAttributes = (request: Request): string =>
  `Path=/; HttpOnly; SameSite=Strict${request.secure ? '; Secure' : ''}`;

export const setSessionCookie = (request: Request, response: Response, token: string): void => {
  response.setHeader(
    'Set-Cookie',
    `${SESSION_COOKIE}=${token}; Max-Age=${SESSION_LIFETIME_SECONDS}; ${cookieAttributes(request)}`,
  );
};

/** The header that tells the browser to drop the session cookie. */
export const clearedSessionCookie = (request: Request): string =>
  `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${cookieAttributes(request)}`;

/**
 * The CSRF value of a session: HMAC-SHA256 of its token id under the signing secret. Another
 * site's page can make the browser send the cookie, never read this value, so it cannot add it.
 */
export const csrfValueOf = (signer: TokenSigner, tokenId: string): string => signer.hmac(tokenId);

export const csrfMatches = (signer: TokenSigner, tokenId: string, given: string | undefined): boolean => {
  if (given === undefined) return false;
  const expected = Buffer.from(csrfValueOf(signer, tokenId), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/**
 * Whether an `Origin` header names the host the request was sent to: a page of the API sends its
 * own. The scheme is not compared: behind a proxy that ends TLS the API sees http while the page
 * was https, and the host alone already tells this site's pages from another's.
 */
export const isOwnOrigin = (origin: string, request: Request): boolean => {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host !== '' && host === (request.headers.host ?? '').toLowerCase();
};
