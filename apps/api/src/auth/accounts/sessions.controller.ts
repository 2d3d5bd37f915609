import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { conflict, invalid } from '@coachline/domain';
import type { Response } from 'express';
import * as t from 'io-ts';
import { CLOCK, type Clock } from '../../app/injection-tokens';
import { ApiException, refusal } from '../../http/api-error';
import { actorOf, type ApiRequest } from '../../http/api-request';
import { refuseForeignOrigin } from '../authentication.guard';
import { issueToken } from '../issue-token';
import { decodedOrRefused } from '../refuse-unstorable';
import { credentialOf } from '../request-credential';
import { Public } from '../route-access';
import { clearedSessionCookie, csrfValueOf, SESSION_LIFETIME_SECONDS, setSessionCookie } from '../session-cookie';
import { TokenRegister } from '../token-register';
import { TokenSigner } from '../token-signer';
import { type Account, AccountRegister } from './account-register';
import {
  LinkSignInRequest,
  NO_PARAMETERS,
  reachOfAccount,
  SessionAnswer,
  SetupRequest,
  SignInRequest,
} from './account-request';
import { FirstAdminSetup } from './first-admin-setup';
import { dummyPasswordHash, hashPassword, passwordMatches } from './password-hash';
import { SignInThrottle } from './sign-in-throttle';

/** The one answer to any failed sign-in: it never says whether the id or the password was wrong. */
const SIGN_IN_REFUSED = 'The account id or password is wrong, or the account is disabled.';

const refused = (code: string, message: string, path: string): ApiException =>
  new ApiException(401, { code, message, errors: [{ path, message }] });

const decoded = <A>(codec: t.Type<A, unknown, unknown>, what: string, body: unknown): A =>
  decodedOrRefused(codec, what, body, 'body');

/**
 * A browser signs in with an account's id and password, with a one-time link an admin handed
 * over, or, on a new installation, with the setup code the start printed. Each hands back a
 * session: a token of the token register, as an HttpOnly cookie, so it expires, is listed and
 * revoked like any other, and the CSRF value its changes must carry.
 */
@Controller()
export class SessionsController {
  constructor(
    private readonly accounts: AccountRegister,
    private readonly tokens: TokenRegister,
    private readonly signer: TokenSigner,
    private readonly setup: FirstAdminSetup,
    private readonly throttle: SignInThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // Made now, so the first sign-in with an unknown id takes no longer than any other.
    void dummyPasswordHash();
  }

  @Post('sessions')
  @Public()
  async signIn(
    @Body() body: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    refuseForeignOrigin(request);
    const { accountId, password } = decoded(SignInRequest, 'The sign-in', body);
    const waitMs = this.throttle.waitMs(accountId, Date.now());
    if (waitMs > 0) {
      const message = `Too many wrong passwords for ${accountId}: try again in ${Math.ceil(waitMs / 60_000)} minutes.`;
      throw new ApiException(
        429,
        { code: 'too-many-attempts', message, errors: [{ path: 'body.accountId', message }] },
        { 'Retry-After': String(Math.ceil(waitMs / 1000)) },
      );
    }
    await this.accounts.refresh();
    const account = this.accounts.find(accountId);
    // An unknown id costs a hash all the same: how long a refusal takes says nothing about which ids exist.
    const hash = account?.passwordHash ?? (await dummyPasswordHash());
    const matches = await passwordMatches(password, hash);
    if (!matches || account?.passwordHash === undefined || account.disabledAt !== undefined) {
      this.throttle.failed(accountId, Date.now());
      throw refused('sign-in-refused', SIGN_IN_REFUSED, 'body');
    }
    this.throttle.succeeded(accountId);
    return this.startSession(request, response, account);
  }

  @Post('sessions/link')
  @Public()
  async signInWithLink(
    @Body() body: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    refuseForeignOrigin(request);
    const { code, password } = decoded(LinkSignInRequest, 'The sign-in link', body);
    // Hashed before the code is spent, so a slow hash never leaves a link used and no password set.
    const hash = password === undefined ? undefined : await hashPassword(password);
    await this.accounts.refresh();
    const account = await this.accounts.useLink(code, this.clock());
    if (account === undefined)
      throw refused(
        'sign-in-link-refused',
        'The sign-in link is unknown, used, or expired: ask an admin for a new one.',
        'body.code',
      );
    if (hash !== undefined) await this.accounts.setPassword(account.id, hash, this.clock());
    else if (account.passwordHash === undefined)
      throw refusal(
        invalid('invalid', 'The sign-in link is invalid: body.password', [
          { path: 'body.password', message: 'a first sign-in chooses the password' },
        ]),
      );
    return this.startSession(request, response, account);
  }

  @Post('setup')
  @Public()
  async createFirstAdmin(
    @Body() body: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    refuseForeignOrigin(request);
    const { code, accountId, password } = decoded(SetupRequest, 'The setup', body);
    if (!this.setup.matches(code))
      throw refused('setup-refused', 'The setup code is not the one printed at start, or it was used.', 'body.code');
    const created = await this.accounts.createFirstAdmin(accountId, await hashPassword(password), this.clock());
    this.setup.spend();
    if (!created)
      throw refusal(
        conflict('setup-done', 'An account exists already: the first admin was created before.', [
          { path: 'body.code', message: 'spent' },
        ]),
      );
    return this.startSession(request, response, this.accounts.find(accountId)!);
  }

  @Get('sessions/current')
  current(@Req() request: ApiRequest, @Query() query: unknown): SessionAnswer {
    decodedOrRefused(NO_PARAMETERS, 'The session', query, 'query');
    const actor = actorOf(request);
    const credential = credentialOf(request);
    return {
      accountId: actor.id,
      role: actor.role,
      reach: reachOfAccount(actor.id, actor.role),
      csrf: csrfValueOf(this.signer, credential.tokenId),
      expiresAt: new Date(credential.expiresAtMs).toISOString(),
    };
  }

  @Delete('sessions/current')
  @HttpCode(204)
  async signOut(@Req() request: ApiRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.tokens.revoke(credentialOf(request).tokenId, actorOf(request).id, new Date());
    response.setHeader('Set-Cookie', clearedSessionCookie(request));
  }

  private async startSession(request: ApiRequest, response: Response, account: Account): Promise<SessionAnswer> {
    const actor = { id: account.id, role: account.role };
    const minted = await issueToken(this.signer, this.tokens, actor, SESSION_LIFETIME_SECONDS, account.id);
    setSessionCookie(request, response, minted.token);
    return {
      accountId: account.id,
      role: account.role,
      reach: reachOfAccount(account.id, account.role),
      csrf: csrfValueOf(this.signer, minted.id),
      expiresAt: minted.expiresAt,
    };
  }
}
