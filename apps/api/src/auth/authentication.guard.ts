import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRequest } from '../http/api-request';
import { unauthorized } from '../http/api-error';
import { PUBLIC_ROUTE } from './route-access';
import { RouteMetadata } from './route-metadata';
import { TokenRegister } from './token-register';
import { InvalidTokenError, TokenSigner, VerifiedToken } from './token-signer';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Every route but the public ones needs a valid bearer token that has not been revoked; its
 * claims become the request's actor. The revoked ids are held in memory: no round trip per request.
 * A token verified before is answered without waiting on anything; the revocation is checked
 * on every request all the same.
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
    if (header === undefined) throw unauthorized('A bearer token is required: Authorization: Bearer <token>.');
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
    return true;
  }
}
