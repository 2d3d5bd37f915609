import type { Actor } from '@coachline/domain';
import type { Request } from 'express';
import type { Scope } from '../policy/grants';

/** A request as the guards leave it: who sent it and how far their grant for this route reaches. */
export interface ApiRequest extends Request {
  /** The correlation id (`logRequests`): `X-Correlation-Id` when valid, otherwise generated. */
  id: string;
  actor?: Actor;
  scope?: Scope;
}

/** The authenticated actor; the guards guarantee one on every route that is not public. */
export const actorOf = (request: ApiRequest): Actor => {
  if (!request.actor) throw new Error('No actor on an authenticated route: the authentication guard did not run.');
  return request.actor;
};

export const scopeOf = (request: ApiRequest): Scope => {
  if (!request.scope) throw new Error('No scope on a guarded route: the policy guard did not run.');
  return request.scope;
};
