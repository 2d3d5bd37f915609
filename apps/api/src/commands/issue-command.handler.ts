import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conflict, DomainError, findCommandDefinition } from '@coachline/domain';
import {
  caseloadCoachCheck,
  coachingSystemReviewCheck,
  type CommandOutcome,
  DecidedStreams,
  type EventStore,
  handleCommand,
  isSystemFault,
  mintEventId,
  teamCoachCheck,
} from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { PinoLogger } from 'nestjs-pino';
import { API_SETTINGS, type ApiSettings, EVENT_STORE } from '../app/injection-tokens';
import { CommandAuthorizer } from '../policy/command-authorizer';
import { InFlightCommands } from './in-flight-commands';
import { asqSe2ZoneCheck } from './asq-se2-zone-check';
import { cycleSessionsCheck } from './cycle-sessions-check';
import { CommandResult, IssueCommand } from './issue-command';

/** A key reused for another command would otherwise be answered with the earlier command's events. */
const reusedKey = (outcome: CommandOutcome, produces: ReadonlyArray<string>): DomainError | undefined =>
  outcome.replayed && outcome.events.some((event) => !produces.includes(event.type))
    ? conflict('idempotency-key-reused', 'This Idempotency-Key was already used for another command on this record.', [
        { path: 'headers.idempotency-key', message: 'already used for another command' },
      ])
    : undefined;

/**
 * Runs a command through the event store: checks that its record is within the actor's reach,
 * then reads the stream on from the state kept for it, decides and appends (retrying when other
 * writers got in first, unless the caller sent If-Match). A coach's reach over a provider is
 * judged on the provider's stream as the command is decided on it, read once for both. A coach
 * given a provider is checked first against the guide of the provider's year (verified coaches
 * only, where the guide asks), from the coach's and the community's streams; a coach's review of a
 * coaching system, against the community's approval of it.
 */
@CommandHandler(IssueCommand)
export class IssueCommandHandler implements ICommandHandler<IssueCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly authorizer: CommandAuthorizer,
    private readonly decidedStreams: DecidedStreams,
    private readonly inFlight: InFlightCommands,
    private readonly logger: PinoLogger,
    @Inject(API_SETTINGS) settings: ApiSettings,
  ) {
    logger.setContext('Commands');
    this.zoneCheck = asqSe2ZoneCheck(settings.asqSe2Cutoffs);
  }

  private readonly zoneCheck: ReturnType<typeof asqSe2ZoneCheck>;

  execute(issued: IssueCommand): Promise<E.Either<DomainError, CommandResult>> {
    return this.inFlight.track(this.handle(issued));
  }

  private async handle({
    command,
    actor,
    scope,
    expectedRevision,
  }: IssueCommand): Promise<E.Either<DomainError, CommandResult>> {
    const reach = await this.authorizer.check(actor, scope, command);
    if (reach.refusal) return E.left(reach.refusal);
    const unfitSessions = await cycleSessionsCheck(this.store, this.decidedStreams, command);
    if (unfitSessions) return E.left(unfitSessions);
    const wrongZone = await this.zoneCheck(this.store, this.decidedStreams, command);
    if (wrongZone) return E.left(wrongZone);
    const coachCheck = await caseloadCoachCheck(this.store, command);
    if (E.isLeft(coachCheck)) {
      if (isSystemFault(coachCheck.left)) throw coachCheck.left.cause;
      return E.left(coachCheck.left);
    }
    const reviewCheck = await coachingSystemReviewCheck(this.store, command);
    if (E.isLeft(reviewCheck)) {
      if (isSystemFault(reviewCheck.left)) throw reviewCheck.left.cause;
      return E.left(reviewCheck.left);
    }
    const teamCheck = await teamCoachCheck(this.store, command);
    if (E.isLeft(teamCheck)) {
      if (isSystemFault(teamCheck.left)) throw teamCheck.left.cause;
      return E.left(teamCheck.left);
    }
    const outcome = await handleCommand(this.store, command, {
      newEventId: mintEventId,
      decidedStreams: this.decidedStreams,
      ...(reach.onStream ? { policyRefusal: reach.onStream } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    })();
    const { commandId, correlationId } = command.metadata;
    if (E.isLeft(outcome)) {
      const failure = outcome.left;
      // The exception filter answers what the system threw (503 for a lost store connection, 500
      // for anything else, logged either way), so it is handed the fault's cause itself.
      if (isSystemFault(failure)) throw failure.cause;
      this.logger.info(
        { commandType: command.type, commandId, correlationId, refused: failure.code },
        `${command.type} refused: ${failure.code}`,
      );
      return E.left(failure);
    }
    const reused = reusedKey(outcome.right, findCommandDefinition(command.type)!.produces);
    if (reused) return E.left(reused);
    const { stream, events, nextRevision, lastPosition, replayed } = outcome.right;
    this.logger.info(
      {
        commandType: command.type,
        commandId,
        correlationId,
        stream,
        position: lastPosition,
        replayed,
        actor: actor.id,
      },
      `${command.type} ${replayed ? 'replayed' : 'recorded'} on ${stream}`,
    );
    return E.right({
      replayed,
      accepted: {
        commandId,
        // A replay answers with the correlation id of the first request, as its events carry it.
        correlationId: events[0]?.metadata.correlationId ?? correlationId,
        stream,
        revision: nextRevision,
        position: lastPosition,
        events: events.map((event) => ({ id: event.id, type: event.type, revision: event.revision })),
      },
    });
  }
}
