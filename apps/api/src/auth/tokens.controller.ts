import { Body, Controller, Post } from '@nestjs/common';
import { decodeWith, invalid, unstorableText } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { refusal } from '../http/api-error';
import { Guards } from './route-access';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, TokenRequest } from './token-request';
import { MintedToken, TokenSigner } from './token-signer';

/** Admins mint tokens for the people of the program. */
@Controller('tokens')
export class TokensController {
  constructor(private readonly signer: TokenSigner) {}

  @Post()
  @Guards(() => ({ kind: 'tokens' }))
  async mint(@Body() body: unknown): Promise<MintedToken> {
    const unfit = unstorableText(body, 'body');
    if (unfit.length > 0) throw refusal(invalid('invalid', 'The token request is invalid.', unfit));
    const request = decodeWith(TokenRequest, 'The token request', 'body')(body);
    if (E.isLeft(request)) throw refusal(request.left);
    const { id, role, lifetimeSeconds } = request.right;
    return this.signer.mint({ id, role }, lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS);
  }
}
