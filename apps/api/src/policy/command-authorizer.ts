import { Injectable } from '@nestjs/common';
import {
  Actor,
  CoachlineCommand,
  DomainError,
  entryOf,
  findCommandDefinition,
  forbidden,
  streamOfCommand,
} from '@coachline/domain';
import { actingAsAnother } from './acting-as';
import type { Scope } from './grants';
import { Ownership } from './ownership';

const outsideScope = (message: string): DomainError =>
  forbidden('outside-caseload', message, [{ path: 'params.id', message }]);

/**
 * The second half of the policy: the role may send the command (the guard checked that), but
 * does the command's record lie within the actor's reach? A coach's caseload is read from the
 * store as it stands; a provider reaches their own record, a coach their own coach record.
 */
@Injectable()
export class CommandAuthorizer {
  constructor(private readonly ownership: Ownership) {}

  async refusal(actor: Actor, scope: Scope, command: CoachlineCommand): Promise<DomainError | undefined> {
    const impersonation = actingAsAnother(actor, command);
    if (impersonation) return impersonation;
    if (scope === 'all') return undefined;
    const definition = findCommandDefinition(command.type)!;
    const streamId = String(entryOf(command.data as Record<string, unknown>, definition.streamIdField));
    if (definition.streamKind === 'coach')
      return scope === 'self' && streamId === actor.id
        ? undefined
        : outsideScope(`A ${actor.role} may record on their own coach record only.`);

    const providers = await this.providersConcerned(command, definition.streamKind, streamId);
    if (providers.length === 0) return outsideScope(`This record is not within the reach of a ${actor.role}.`);
    for (const providerId of providers) {
      const reachable =
        scope === 'self' ? providerId === actor.id : (await this.ownership.currentCoachOf(providerId)) === actor.id;
      if (!reachable)
        return outsideScope(
          scope === 'self'
            ? 'A provider may act on their own record only.'
            : `Provider ${providerId} is not on the caseload of ${actor.id}.`,
        );
    }
    return undefined;
  }

  /** The providers a command is about: its own stream's provider, or the provider its agreement or screening names. */
  private async providersConcerned(command: CoachlineCommand, kind: string, streamId: string): Promise<string[]> {
    if (kind === 'provider') return [streamId];
    if (kind !== 'agreement' && kind !== 'screening') return [];
    const named = entryOf(command.data as Record<string, unknown>, 'providerId');
    const owner = await this.ownership.providerOf(streamOfCommand(command));
    return [
      ...new Set([owner, typeof named === 'string' ? named : undefined].filter((id): id is string => id !== undefined)),
    ];
  }
}
