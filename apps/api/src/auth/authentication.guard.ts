import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRequest } from '../http/api-request';
import { ApiException, unauthorized } from '../http/api-error';
import { rememberCredential } from './request-credential';
import { PUBLIC_ROUTE } from './route-access';
import { RouteMetadata } from './route-metadata';
import {
  clearedSessionCookie,
  CSRF_HEADER,
  csrfMatches,
  isUnsafe,
  isOwnOrigin,
  SESSION_COOKIE,
  sessionCookieOf,
} from './session-cookie';
import { TokenRegister } from './token-register';
import { InvalidTokenError, TokenSigner, VerifiedToken } from './token-signer';

const BEARER = /^Bearer\s+(\S+)$/i;

const sessionRefused = (request: ApiRequest, message: string): ApiException =>
  new ApiException(
    401,
    { code: 'unauthenticated', message, errors: [{ path: `cookies.${SESSION_COOKIE}`, message }] },
    { 'Set-Cookie': clearedSessionCookie(request), 'WWW-Authenticate': 'Bearer realm="coachline"' },
  );

const forbiddenRequest = (code: string, path: string, message: string): ApiException =>
  new ApiException(403, { code, message, errors: [{ path, message }] });

/**
 * Refuses a request a page of another site sent: a browser names the page's origin on every
 * POST. Without it, that page could also sign a visitor in as someone else (login CSRF).
 */
export const refuseForeignOrigin = (request: ApiRequest): void => {
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, request))
    throw forbiddenRequest(
      'cross-origin',
      'headers.origin',
      'Only this API’s own pages may sign in, or send changes with the session cookie.',
    );
};

/**
 * Every route but the public ones needs a valid token that has not been revoked: a bearer token,
 * or the session cookie a browser signed in with. Its claims become the request's actor either
 * way. The revoked ids are held in memory: no round trip per request. A token verified before is
 * answered without waiting on anything; the revocation is checked on every request all the same.
 *
 * A browser sends its cookie with whatever page made the request, so a cookie's unsafe request
 * must also carry the session's CSRF value, which only a page of this API could have read, and
 * must not come from another origin.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean | undefined>;

  constructor(
    reflector: Reflector,
    private readonly signer: TokenSigner,
    private readonly register: TokenRegister,
  ) {
    this.isPublic = new RouteMetadata(reflector, PUBLIC_ROUTE);
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.isPublic.of(context)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const header = request.headers.authorization;
    if (header === undefined) {
      const cookie = sessionCookieOf(request);
      if (cookie === undefined) throw unauthorized('A bearer token is required: Authorization: Bearer <token>.');
      const known = this.signer.verifiedBefore(cookie);
      return known !== undefined ? this.admitSession(request, known) : this.verifyAndAdmitSession(request, cookie);
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw unauthorized('The Authorization header must read "Bearer <token>".');
    const known = this.signer.verifiedBefore(token);
    return known !== undefined ? this.admit(request, known) : this.verifyAndAdmit(request, token);
  }

  private async verifyAndAdmit(request: ApiRequest, token: string): Promise<boolean> {
    let verified;
    try {
      verified = await this.signer.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error.message);
      throw error;
    }
    return this.admit(request, verified);
  }

  private admit(request: ApiRequest, verified: VerifiedToken): boolean {
    if (this.register.isRevoked(verified.id))
      throw unauthorized('The token has been revoked: ask an admin for a new one.');
    request.actor = verified.actor;
    rememberCredential(request, { tokenId: verified.id, expiresAtMs: verified.expiresAtMs, via: 'bearer' });
    return true;
  }

  private async verifyAndAdmitSession(request: ApiRequest, token: string): Promise<boolean> {
    let verified;
    try {
      verified = await this.signer.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw sessionRefused(request, `The session is not valid: ${error.message}`);
      throw error;
    }
    return this.admitSession(request, verified);
  }

  private admitSession(request: ApiRequest, verified: VerifiedToken): boolean {
    if (this.register.isRevoked(verified.id)) throw sessionRefused(request, 'The session has ended: sign in again.');
    if (isUnsafe(request.method)) {
      refuseForeignOrigin(request);
      const given = request.headers[CSRF_HEADER.toLowerCase()];
      if (!csrfMatches(this.signer, verified.id, typeof given === 'string' ? given : undefined))
        throw forbiddenRequest(
          'csrf',
          `headers.${CSRF_HEADER.toLowerCase()}`,
          `A change sent with the session cookie must carry the ${CSRF_HEADER} header the sign-in answered.`,
        );
    }
    request.actor = verified.actor;
    rememberCredential(request, { tokenId: verified.id, expiresAtMs: verified.expiresAtMs, via: 'cookie' });
    return true;
  }
}
