import * as E from 'fp-ts/Either';
import { agreementDecider } from '../agreement/agreement.decider';
import { coachDecider } from '../coach/coach.decider';
import { communityDecider } from '../community/community.decider';
import { providerDecider } from '../provider/provider.decider';
import { screeningDecider } from '../screening/screening.decider';
import { Command, Decider, DomainEvent, fold } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { StreamKind, streamName } from '../kernel/event-definition';
import { EventMetadata } from '../kernel/metadata';
import { CoachlineCommand, findCommandDefinition } from './command-catalogue';
import { CoachlineEvent, findEventDefinition } from './event-catalogue';
import { RecordedEvent, streamOf } from './recorded-event';

type AnyDecider = Decider<Command, DomainEvent, unknown>;

/** One decider per stream kind; a command goes to the decider of the stream it names. */
export const deciders: Record<StreamKind, AnyDecider> = {
  community: communityDecider as unknown as AnyDecider,
  coach: coachDecider as unknown as AnyDecider,
  provider: providerDecider as unknown as AnyDecider,
  agreement: agreementDecider as unknown as AnyDecider,
  screening: screeningDecider as unknown as AnyDecider,
};

/** The stream a command is decided on, e.g. `provider-p-017` for a LogSession. */
export const streamOfCommand = (command: CoachlineCommand): string => {
  const definition = findCommandDefinition(command.type)!;
  return streamName(definition.streamKind, String((command.data as Record<string, unknown>)[definition.streamIdField]));
};

/** Folds the stream's history and decides the command against it. */
export const decideCommand = (
  command: CoachlineCommand,
  history: ReadonlyArray<CoachlineEvent>,
): E.Either<DomainError, ReadonlyArray<CoachlineEvent>> => {
  const decider = deciders[findCommandDefinition(command.type)!.streamKind];
  return decider.decide(command, fold(decider, history)) as E.Either<DomainError, ReadonlyArray<CoachlineEvent>>;
};

/**
 * Gives decided events their envelope: ids from the caller (the domain draws no random
 * numbers), the command's metadata, and its issue time as `recordedAt`.
 */
export const recordedFrom = (
  command: CoachlineCommand,
  events: ReadonlyArray<CoachlineEvent>,
  newEventId: (index: number) => string,
): RecordedEvent[] =>
  events.map((event, index) => {
    const metadata: EventMetadata = {
      actor: command.metadata.actor,
      recordedAt: command.metadata.issuedAt,
      commandId: command.metadata.commandId,
      correlationId: command.metadata.correlationId,
      ...(command.metadata.causationId ? { causationId: command.metadata.causationId } : {}),
    };
    return {
      ...event,
      id: newEventId(index),
      stream: streamOf(event)!,
      schemaVersion: findEventDefinition(event.type)!.schemaVersion,
      metadata,
    } as RecordedEvent;
  });
