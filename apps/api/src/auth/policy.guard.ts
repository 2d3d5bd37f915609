import { entryOf, forbidden, isDomainError, Role } from '@coachline/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { actorOf, ApiRequest } from '../http/api-request';
import { refusal } from '../http/api-error';
import { checkpointGrants, commandScope, integrityGrants, proofGrants, Scope, viewScope } from '../policy/grants';
import { Resource, ResourceOf, ROUTE_RESOURCE } from './route-access';
import { RouteMetadata } from './route-metadata';

const TOKEN_MINTERS: ReadonlySet<Role> = new Set(['admin']);

const scopeFor = (role: Role, resource: Resource): Scope | undefined => {
  switch (resource.kind) {
    case 'command':
      return commandScope(role, resource.type);
    case 'view':
      return viewScope(role, resource.view);
    case 'tokens':
    case 'accounts':
      return TOKEN_MINTERS.has(role) ? 'all' : undefined;
    case 'integrity':
      return entryOf(integrityGrants, role);
    case 'checkpoints':
      return entryOf(checkpointGrants, role);
    case 'proofs':
      return entryOf(proofGrants, role);
  }
};

const describe = (resource: Resource): string => {
  switch (resource.kind) {
    case 'command':
      return `send ${resource.type}`;
    case 'view':
      return `read the ${resource.view} view`;
    case 'tokens':
      return `${resource.action} tokens`;
    case 'accounts':
      return `${resource.action} accounts`;
    case 'integrity':
      return "read the store's chain state";
    case 'checkpoints':
      return "read the store's signed checkpoints";
    case 'proofs':
      return "read an event's inclusion proof";
  }
};

/**
 * The role check, from the grant tables, before the body is even read: a role without a grant
 * for the route is refused with 403. How far the grant reaches (all, caseload, self) is left on
 * the request for the handlers, which need the store to check it.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  private readonly resourceOf: RouteMetadata<ResourceOf | undefined>;

  constructor(reflector: Reflector) {
    this.resourceOf = new RouteMetadata(reflector, ROUTE_RESOURCE);
  }

  canActivate(context: ExecutionContext): boolean {
    const resourceOf = this.resourceOf.of(context);
    if (resourceOf === undefined) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const resource = resourceOf(request);
    if (isDomainError(resource)) throw refusal(resource);
    const actor = actorOf(request);
    const scope = scopeFor(actor.role, resource);
    if (scope === undefined) {
      const message = `The ${actor.role} role may not ${describe(resource)}.`;
      throw refusal(forbidden('role-not-allowed', message, [{ path: 'headers.authorization', message }]));
    }
    request.scope = scope;
    return true;
  }
}
