import { SetMetadata } from '@nestjs/common';
import type { DomainError } from '@coachline/domain';
import type { ApiRequest } from '../http/api-request';
import type { CommandType, ViewName } from '../policy/grants';

/**
 * What a route gives access to: a command, a view, the managing of tokens or browser accounts, the
 * store's chain state, its signed checkpoints, or an event's inclusion proof.
 */
export type Resource =
  | { readonly kind: 'command'; readonly type: CommandType }
  | { readonly kind: 'view'; readonly view: ViewName }
  | { readonly kind: 'tokens'; readonly action: 'mint' | 'list' | 'revoke' }
  | { readonly kind: 'accounts'; readonly action: 'create' | 'list' | 'disable' }
  | { readonly kind: 'integrity' }
  | { readonly kind: 'checkpoints' }
  | { readonly kind: 'proofs' };

/** Finds the resource a request asks for, or why there is none (an unknown command or view: 404). */
export type ResourceOf = (request: ApiRequest) => Resource | DomainError;

export const PUBLIC_ROUTE = 'coachline:public';
export const ROUTE_RESOURCE = 'coachline:resource';

/** Health and the API's description answer without a token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The resource the policy guard checks the actor's grant for. */
export const Guards = (resourceOf: ResourceOf) => SetMetadata(ROUTE_RESOURCE, resourceOf);
