import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { conflict, invalid, isId, ID_RULE, notFound } from '@coachline/domain';
import { CLOCK, type Clock } from '../../app/injection-tokens';
import { refusal } from '../../http/api-error';
import { actorOf, type ApiRequest } from '../../http/api-request';
import { decodedOrRefused } from '../refuse-unstorable';
import { Guards } from '../route-access';
import { TokenRegister } from '../token-register';
import { AccountRegister } from './account-register';
import {
  AccountListing,
  AccountRequest,
  NO_PARAMETERS,
  CreatedAccount,
  ListedAccount,
  reachOfAccount,
} from './account-request';

/** Where the web app takes a sign-in link's code: a hash route, so the code never reaches a server log. */
export const signInLinkOf = (code: string): string => `/#/sign-in-link?code=${code}`;

const idParam = (id: string, what: string): string => {
  if (isId(id)) return id;
  throw refusal(
    invalid('invalid', `${what} is invalid: params.id`, [{ path: 'params.id', message: `expected ${ID_RULE}` }]),
  );
};

/**
 * Admins create the browser accounts of the people of the program, each with a one-time link
 * to choose a password by, list them (never a password's hash), and disable one: its sessions
 * end at once.
 */
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountRegister,
    private readonly tokens: TokenRegister,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Guards(() => ({ kind: 'accounts', action: 'create' }))
  async create(@Body() body: unknown, @Req() request: ApiRequest): Promise<CreatedAccount> {
    const { id, role } = decodedOrRefused(AccountRequest, 'The account', body, 'body');
    const link = await this.accounts.create({ id, role }, actorOf(request).id, this.clock());
    if (link === undefined)
      throw refusal(
        conflict('account-exists', `An account with the id ${id} exists already.`, [
          { path: 'body.id', message: 'taken' },
        ]),
      );
    return {
      id,
      role,
      reach: reachOfAccount(id, role),
      signInLink: signInLinkOf(link.code),
      expiresAt: link.expiresAt,
    };
  }

  @Get()
  @Guards(() => ({ kind: 'accounts', action: 'list' }))
  async list(@Query() query: unknown): Promise<AccountListing> {
    decodedOrRefused(NO_PARAMETERS, 'The account listing', query, 'query');
    return { accounts: await this.accounts.list() };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Guards(() => ({ kind: 'accounts', action: 'disable' }))
  async disable(@Param('id') given: string, @Req() request: ApiRequest): Promise<ListedAccount> {
    const id = idParam(given, 'The disabling');
    const by = actorOf(request).id;
    const now = this.clock();
    const disabled = await this.accounts.disable(id, by, now);
    if (disabled === undefined)
      throw refusal(
        notFound('account-not-found', `No account has the id ${id}.`, [
          { path: 'params.id', message: 'no such account' },
        ]),
      );
    // Every way in the account's id holds ends with it: its browser sessions, and any token minted for it.
    for (const token of await this.tokens.list({ subject: id, state: 'active' }, new Date()))
      await this.tokens.revoke(token.id, by, new Date());
    return (await this.accounts.list()).find((account) => account.id === id)!;
  }
}
