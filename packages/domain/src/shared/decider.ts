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
  readonly decide: (command: C, state: S) => E.Either<DomainError, ReadonlyArray<Ev>>;
  readonly evolve: (state: S, event: Ev) => S;
  readonly initialState: S;
}

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

export const accept = <Ev>(...events: Ev[]): E.Either<DomainError, ReadonlyArray<Ev>> => E.right(events);
export const refuse = (error: DomainError): E.Either<DomainError, never> => E.left(error);

/** The command a definition describes, with its metadata. */
export type CommandFor<D> = D extends { type: infer Type extends string; data: infer Data extends t.Mixed }
  ? Command<Type, t.TypeOf<Data>>
  : never;
