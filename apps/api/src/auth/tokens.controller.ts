import { Body, Controller, Delete, Get, Param, Post, Query as QueryString, Req } from '@nestjs/common';
import { decodeWith, invalid, isId, ID_RULE, notFound } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { actorOf, type ApiRequest } from '../http/api-request';
import { refusal } from '../http/api-error';
import { issueToken } from './issue-token';
import { refuseUnstorable } from './refuse-unstorable';
import { Guards } from './route-access';
import {
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  ListedToken,
  TokenListing,
  TokenListQuery,
  TokenRequest,
} from './token-request';
import { TokenRegister } from './token-register';
import { MintedToken, TokenSigner } from './token-signer';

/**
 * Admins mint tokens for the people of the program, list every token issued (never its text),
 * and revoke one by its id: from the next request on, it is refused.
 */
@Controller('tokens')
export class TokensController {
  constructor(
    private readonly signer: TokenSigner,
    private readonly register: TokenRegister,
  ) {}

  @Post()
  @Guards(() => ({ kind: 'tokens', action: 'mint' }))
  async mint(@Body() body: unknown, @Req() request: ApiRequest): Promise<MintedToken> {
    refuseUnstorable(body, 'body', 'The token request');
    const decoded = decodeWith(TokenRequest, 'The token request', 'body')(body);
    if (E.isLeft(decoded)) throw refusal(decoded.left);
    const { id, role, lifetimeSeconds } = decoded.right;
    return issueToken(
      this.signer,
      this.register,
      { id, role },
      lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
      actorOf(request).id,
    );
  }

  @Get()
  @Guards(() => ({ kind: 'tokens', action: 'list' }))
  async list(@QueryString() query: unknown): Promise<TokenListing> {
    refuseUnstorable(query, 'query', 'The token listing');
    const decoded = decodeWith(TokenListQuery, 'The token listing', 'query')(query);
    if (E.isLeft(decoded)) throw refusal(decoded.left);
    return { tokens: await this.register.list(decoded.right, new Date()) };
  }

  @Delete(':id')
  @Guards(() => ({ kind: 'tokens', action: 'revoke' }))
  async revoke(@Param('id') id: string, @Req() request: ApiRequest): Promise<ListedToken> {
    if (!isId(id)) {
      const message = `expected ${ID_RULE}`;
      throw refusal(invalid('invalid', 'The revocation is invalid: params.id', [{ path: 'params.id', message }]));
    }
    const revoked = await this.register.revoke(id, actorOf(request).id, new Date());
    if (revoked === undefined)
      throw refusal(
        notFound('token-not-found', `No token with the id ${id} was issued.`, [
          { path: 'params.id', message: 'no such token' },
        ]),
      );
    return revoked;
  }
}
