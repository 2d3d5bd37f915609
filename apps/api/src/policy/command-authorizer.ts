import { Injectable } from '@nestjs/common';
import {
  Actor,
  CoachlineCommand,
  coachOfProvider,
  DomainError,
  entryOf,
  findCommandDefinition,
  forbidden,
  streamOfCommand,
  type StreamState,
  type TeamState,
} from '@coachline/domain';
import { actingAsAnother } from './acting-as';
import type { Scope } from './grants';
import { Ownership } from './ownership';

const outsideScope = (message: string): DomainError =>
  forbidden('outside-caseload', message, [{ path: 'params.id', message }]);

const outsideCaseload = (providerId: string, coachId: string): DomainError =>
  outsideScope(`Provider ${providerId} is not on the caseload of ${coachId}.`);

const outsideTeams = (teamId: string, coachId: string): DomainError =>
  outsideScope(`Team ${teamId} is not coached by ${coachId}.`);

/** The coach a team's stream has now; `undefined` before registration and for any other kind of stream. */
const coachOfTeam = (state: StreamState): string | undefined =>
  state.kind === 'team' ? (state.folded as TeamState).coachId : undefined;

/** The id of the record the command names: its stream's own id field. */
const streamIdOf = (command: CoachlineCommand): string =>
  String(entryOf(command.data as Record<string, unknown>, findCommandDefinition(command.type)!.streamIdField));

/**
 * What the reach check says before a command is decided: refused now, or admitted on the
 * condition that `onStream` does not refuse it on the state of the stream it is decided on.
 */
export interface CommandReach {
  readonly refusal?: DomainError;
  readonly onStream?: (state: StreamState) => DomainError | undefined;
}

/**
 * The second half of the policy: the role may send the command (the guard checked that), but
 * does the command's record lie within the actor's reach? A coach's caseload is read from the
 * store as it stands; a provider reaches their own record, a coach their own coach record.
 */
@Injectable()
export class CommandAuthorizer {
  constructor(private readonly ownership: Ownership) {}

  /**
   * A coach's command on a provider's own stream is judged on that stream's state as the command
   * is decided on it (`onStream`), so the stream is read once for both, and judged again if
   * another writer changes it before the append; every other check is made here.
   */
  async check(actor: Actor, scope: Scope, command: CoachlineCommand): Promise<CommandReach> {
    const impersonation = actingAsAnother(actor, command);
    if (impersonation) return { refusal: impersonation };
    const kind = findCommandDefinition(command.type)!.streamKind;
    // A coach reaches a team while they are its coach, judged on the team's stream as for a provider.
    if (scope === 'caseload' && kind === 'team')
      return {
        onStream: (state) =>
          coachOfTeam(state) === actor.id ? undefined : outsideTeams(streamIdOf(command), actor.id),
      };
    if (scope !== 'caseload' || kind !== 'provider') {
      const refusal = await this.refusal(actor, scope, command);
      return refusal ? { refusal } : {};
    }
    return {
      onStream: (state) =>
        coachOfProvider(state) === actor.id ? undefined : outsideCaseload(streamIdOf(command), actor.id),
    };
  }

  async refusal(actor: Actor, scope: Scope, command: CoachlineCommand): Promise<DomainError | undefined> {
    const impersonation = actingAsAnother(actor, command);
    if (impersonation) return impersonation;
    if (scope === 'all') return undefined;
    const definition = findCommandDefinition(command.type)!;
    const streamId = streamIdOf(command);
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
        return scope === 'self'
          ? outsideScope('A provider may act on their own record only.')
          : outsideCaseload(providerId, actor.id);
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
