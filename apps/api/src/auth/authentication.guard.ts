import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRequest } from '../http/api-request';
import { unauthorized } from '../http/api-error';
import { PUBLIC_ROUTE } from './route-access';
import { TokenRegister } from './token-register';
import { InvalidTokenError, TokenSigner } from './token-signer';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Every route but the public ones needs a valid bearer token that has not been revoked; its
 * claims become the request's actor. The revoked ids are held in memory: no round trip per request.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly signer: TokenSigner,
    private readonly register: TokenRegister,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const header = request.headers.authorization;
    if (header === undefined) throw unauthorized('A bearer token is required: Authorization: Bearer <token>.');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw unauthorized('The Authorization header must read "Bearer <token>".');
    let verified;
    try {
      verified = await this.signer.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthorized(error.message);
      throw error;
    }
    if (this.register.isRevoked(verified.id))
      throw unauthorized('The token has been revoked: ask an admin for a new one.');
    request.actor = verified.actor;
    return true;
  }
}
