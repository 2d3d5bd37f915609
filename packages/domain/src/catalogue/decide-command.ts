import * as E from 'fp-ts/Either';
import { agreementDecider } from '../agreement/agreement.decider';
import { coachDecider } from '../coach/coach.decider';
import { communityDecider } from '../community/community.decider';
import { providerDecider } from '../provider/provider.decider';
import { screeningDecider } from '../screening/screening.decider';
import { teamDecider } from '../team/team.decider';
import { currentCoachOf, ProviderState } from '../provider/provider.state';
import { Command, Decider, DomainEvent } from '../kernel/decider';
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
  team: teamDecider as unknown as AnyDecider,
};

/** The stream a command is decided on, e.g. `provider-p-017` for a LogSession. */
export const streamOfCommand = (command: CoachlineCommand): string => {
  const definition = findCommandDefinition(command.type)!;
  return streamName(definition.streamKind, String((command.data as Record<string, unknown>)[definition.streamIdField]));
};

/**
 * What a stream's decider knows once its history is folded, tagged with the kind of stream it is
 * the state of. Its content is the decider's own and is never changed once made, so a state may be
 * kept and shared: folding more events into it gives a new one.
 */
export interface StreamState {
  readonly kind: StreamKind;
  readonly folded: unknown;
}

const streamKindOfCommand = (command: CoachlineCommand): StreamKind => findCommandDefinition(command.type)!.streamKind;

/**
 * Folds a stream's events into its state: from the decider's initial state, or from `from` when
 * the events continue a history already folded (a stream's tail read after the revision it was at).
 */
export const evolveState = (kind: StreamKind, events: Iterable<CoachlineEvent>, from?: StreamState): StreamState => {
  if (from !== undefined && from.kind !== kind)
    throw new Error(`A ${from.kind} stream's state cannot fold ${kind} events.`);
  const decider = deciders[kind];
  let folded = from === undefined ? decider.initialState : from.folded;
  for (const event of events) folded = decider.evolve(folded, event);
  return { kind, folded };
};

/** Decides the command against its stream's state, as `decideCommand` does against the history it folds to. */
export const decideOnState = (
  command: CoachlineCommand,
  state: StreamState,
): E.Either<DomainError, ReadonlyArray<CoachlineEvent>> => {
  const kind = streamKindOfCommand(command);
  if (state.kind !== kind)
    throw new Error(`${command.type} is decided on a ${kind} stream, not on a ${state.kind} one.`);
  return deciders[kind].decide(command, state.folded) as E.Either<DomainError, ReadonlyArray<CoachlineEvent>>;
};

/** Folds the stream's history and decides the command against it. */
export const decideCommand = (
  command: CoachlineCommand,
  history: ReadonlyArray<CoachlineEvent>,
): E.Either<DomainError, ReadonlyArray<CoachlineEvent>> =>
  decideOnState(command, evolveState(streamKindOfCommand(command), history));

/**
 * The coach whose caseload holds the provider now, from the state of the provider's own stream
 * (enrolled with a coach, then reassigned); `undefined` before enrollment and for any other kind
 * of stream.
 */
export const coachOfProvider = (state: StreamState): string | undefined =>
  state.kind === 'provider' ? currentCoachOf(state.folded as ProviderState) : undefined;

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
