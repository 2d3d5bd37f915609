import type { Actor } from '@coachline/domain';
import { CaseloadsView, caseloadOf } from './caseloads.projection';
import type { Scope } from './grants';
import type { Reach } from './view-scoping';

/** What an actor with this scope may see; `undefined` when they may see everything. */
export const reachOf = (actor: Actor, scope: Scope, caseloads: () => CaseloadsView): Reach | undefined => {
  switch (scope) {
    case 'all':
      return undefined;
    case 'caseload':
      return { providers: caseloadOf(caseloads(), actor.id), coachId: actor.id };
    case 'self':
      return actor.role === 'coach' ? { providers: new Set(), coachId: actor.id } : { providers: new Set([actor.id]) };
  }
};
