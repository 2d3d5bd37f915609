import fc from 'fast-check';
import type { Request } from 'express';
import { csrfMatches, csrfValueOf, isOwnOrigin, SESSION_COOKIE, sessionCookieOf } from './session-cookie';
import { TokenSigner } from './token-signer';

const withCookie = (cookie: string | undefined): Request =>
  ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

describe('the session cookie and its CSRF value', () => {
  const signer = new TokenSigner('a-test-secret-that-is-long-enough-for-hs256');

  it('reads the session cookie among others, and nothing from a header without it', () => {
    expect(sessionCookieOf(withCookie(`theme=dark; ${SESSION_COOKIE}=abc.def.ghi; other=1`))).toBe('abc.def.ghi');
    expect(sessionCookieOf(withCookie(`${SESSION_COOKIE}=`))).toBeUndefined();
    expect(sessionCookieOf(withCookie(`x${SESSION_COOKIE}=abc`))).toBeUndefined();
    expect(sessionCookieOf(withCookie(undefined))).toBeUndefined();
    fc.assert(
      fc.property(fc.string(), (header) => {
        const found = sessionCookieOf(withCookie(header));
        return found === undefined || header.includes(`${SESSION_COOKIE}=${found}`);
      }),
    );
  });

  it('accepts a session’s own CSRF value only: not another session’s, nor any other text', () => {
    const value = csrfValueOf(signer, 'token-1');
    expect(csrfMatches(signer, 'token-1', value)).toBe(true);
    expect(csrfMatches(signer, 'token-2', value)).toBe(false);
    expect(csrfMatches(signer, 'token-1', undefined)).toBe(false);
    expect(csrfMatches(new TokenSigner('another-secret-that-is-long-enough-for-hs256'), 'token-1', value)).toBe(false);
    fc.assert(fc.property(fc.string(), (given) => given === value || !csrfMatches(signer, 'token-1', given)));
  });
});

describe('the own-origin check', () => {
  const to = (host: string): Request => ({ headers: { host } }) as Request;

  it('takes the host the request was sent to, over http or https, and nothing else', () => {
    expect(isOwnOrigin('http://127.0.0.1:3000', to('127.0.0.1:3000'))).toBe(true);
    expect(isOwnOrigin('https://coachline.example', to('coachline.example'))).toBe(true);
    for (const origin of [
      'https://elsewhere.example',
      'http://127.0.0.1:3001',
      'http://127.0.0.1:3000.elsewhere.example',
      'null',
      '',
      'http://127.0.0.1',
    ])
      expect([origin, isOwnOrigin(origin, to('127.0.0.1:3000'))]).toEqual([origin, false]);
    expect(isOwnOrigin('http://127.0.0.1:3000', to(''))).toBe(false);
  });
});
