import { Id, IntegerBetween, Role, struct } from '@coachline/domain';
import type * as t from 'io-ts';

export const DAY_SECONDS = 86_400;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 30 * DAY_SECONDS;

/** `POST /tokens`: who the token speaks for and how long it lasts (a provider's id is their provider id). */
export const TokenRequest = struct(
  'TokenRequest',
  { id: Id, role: Role },
  { lifetimeSeconds: IntegerBetween(60, 365 * DAY_SECONDS, 'TokenLifetime') },
);
export type TokenRequest = t.TypeOf<typeof TokenRequest>;
