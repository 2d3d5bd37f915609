import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { DomainError } from './domain-error';
import { CommandMetadata } from './metadata';

/** A command as a decider receives it: already decoded, with who sent it and when. */
export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** A domain event as deciders produce it; the store adds id, stream, position and metadata. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** One stream kind's rules: pure, total, and the only place its invariants live. */
export interface Decider<C extends Command, Ev extends DomainEvent, S> {
  /** Accepts the command, giving the events to record, or refuses it with a `DomainError`; never throws. */
  readonly decide: (command: C, state: S) => E.Either<DomainError, ReadonlyArray<Ev>>;
  /** Folds one recorded event into the state; total, since a recorded event is a fact, not a request. */
  readonly evolve: (state: S, event: Ev) => S;
  readonly initialState: S;
}

/** The state a history folds to: how the store, the views and the specs rebuild a decider's state. */
export const fold = <Ev extends DomainEvent, S>(
  decider: Pick<Decider<Command, Ev, S>, 'evolve' | 'initialState'>,
  events: Iterable<Ev>,
): S => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

/** The command type of a definition's data codec, with its metadata. */
export type CommandOf<Type extends string, Data extends t.Mixed> = Command<Type, t.TypeOf<Data>>;

/** The decision to record these events, in order; none means the command changes nothing. */
export const accept = <Ev>(...events: Ev[]): E.Either<DomainError, ReadonlyArray<Ev>> => E.right(events);
/** The decision to record nothing, and to tell the caller why. */
export const refuse = (error: DomainError): E.Either<DomainError, never> => E.left(error);

/** The command a definition describes, with its metadata. */
export type CommandFor<D> = D extends { type: infer Type extends string; data: infer Data extends t.Mixed }
  ? Command<Type, t.TypeOf<Data>>
  : never;
