import * as E from 'fp-ts/Either';
import { Command, Decider, DomainEvent, fold } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { CommandMetadata } from '../kernel/metadata';
import { AssertionError, differences, listed, shown } from './assertion-error';

/** Metadata for a command in a spec: a coach sending it at a fixed moment. */
export const commandMetadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: { id: 'c-03', role: 'coach' },
  issuedAt: '2025-09-16T18:02:11.000Z',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  ...overrides,
});

/**
 * Builds a command with spec metadata; `issuedAt` may be moved to test time-bound rules. For a
 * union of commands it takes one member's type with that member's own data, so that
 * `command<ProviderCommand>('LogSession', voidData)` does not compile.
 */
export const command = <C extends Command>(
  ...args: C extends Command ? [type: C['type'], data: C['data'], metadata?: Partial<CommandMetadata>] : never
): C => {
  const [type, data, metadata] = args;
  return { type, data, metadata: commandMetadata(metadata) } as C;
};

/** What the decider must answer to a command given a history; each throws an `AssertionError` when it does not. */
export interface DeciderThen<Ev extends DomainEvent> {
  /** The command is accepted and decides exactly these events, in this order. */
  then(expected: ReadonlyArray<Ev>): void;
  /** The command is refused with this code, naming at least these field paths. */
  thenFails(code: string, paths?: ReadonlyArray<string>): void;
  /** The command is refused with an error the predicate accepts. */
  thenFails(accepts: (error: DomainError) => boolean): void;
  /** The command is accepted and decides no events (the decider found nothing to do). */
  thenNothingHappened(): void;
}

/** A decider spec waiting for the history the stream already holds. */
export interface DeciderSpecification<C extends Command, Ev extends DomainEvent> {
  /** The events already recorded on the stream, oldest first; `when` takes the command sent to it. */
  given(events: ReadonlyArray<Ev>): { when(command: C): DeciderThen<Ev> };
}

const typesOf = (events: ReadonlyArray<DomainEvent>): string =>
  events.length === 0 ? 'no events' : `[${events.map((e) => e.type).join(', ')}]`;

const refusal = (error: DomainError): string => {
  const paths = error.errors.map((e) => e.path);
  return `${error.code} ("${error.message}"${paths.length > 0 ? `, naming ${paths.join(', ')}` : ''})`;
};

/**
 * given / when / then for a decider: the history of the stream, the command, and either the
 * events it decides, its refusal, or nothing at all. Runs under any test runner: a failure is an
 * `AssertionError` whose message names the command and what differed.
 *
 *     const spec = deciderSpec(providerDecider);
 *     spec.given([enrolled]).when(logSession).then([sessionLogged]);
 *     spec.given([enrolled, sessionLogged]).when(logSession).thenFails('session-already-logged', ['data.sessionId']);
 */
export const deciderSpec = <C extends Command, Ev extends DomainEvent, S>(
  decider: Decider<C, Ev, S>,
): DeciderSpecification<C, Ev> => ({
  given: (history) => ({
    when: (cmd) => {
      const context = `${cmd.type} given ${typesOf(history)}`;
      const decide = (): E.Either<DomainError, ReadonlyArray<Ev>> => decider.decide(cmd, fold(decider, history));
      const accepted = (expectation: string): ReadonlyArray<Ev> => {
        const outcome = decide();
        if (E.isLeft(outcome)) {
          throw new AssertionError(
            `${context}: expected ${expectation}, but it was refused with ${refusal(outcome.left)}`,
            {
              actual: outcome.left,
            },
          );
        }
        return outcome.right;
      };
      const refused = (expectation: string): DomainError => {
        const outcome = decide();
        if (E.isRight(outcome)) {
          throw new AssertionError(
            `${context}: expected a refusal ${expectation}, but it decided ${typesOf(outcome.right)}`,
            {
              actual: outcome.right,
            },
          );
        }
        return outcome.left;
      };
      const thenFails = (
        expected: string | ((error: DomainError) => boolean),
        paths: ReadonlyArray<string> = [],
      ): void => {
        if (typeof expected === 'function') {
          const error = refused('the predicate accepts');
          if (!expected(error))
            throw new AssertionError(
              `${context}: refused with ${refusal(error)}, which the predicate does not accept`,
              { actual: error },
            );
          return;
        }
        const error = refused(`with ${expected}`);
        if (error.code !== expected) {
          throw new AssertionError(
            `${context}: expected a refusal with ${expected}, but it was refused with ${refusal(error)}`,
            {
              expected,
              actual: error.code,
            },
          );
        }
        const named = error.errors.map((e) => e.path);
        const missing = paths.filter((path) => !named.includes(path));
        if (missing.length > 0) {
          throw new AssertionError(
            `${context}: refused with ${refusal(error)}, which does not name ${missing.join(', ')}`,
            {
              expected: paths,
              actual: named,
            },
          );
        }
      };
      return {
        then: (expected) => {
          const actual = accepted(`events ${typesOf(expected)}`);
          const found = differences(expected, actual, 'events');
          if (found.length > 0) {
            throw new AssertionError(
              `${context}: decided other events than expected\n${listed(found)}\nexpected: ${shown(expected)}\nactual:   ${shown(actual)}`,
              { expected, actual },
            );
          }
        },
        thenFails,
        thenNothingHappened: () => {
          const actual = accepted('no events');
          if (actual.length > 0)
            throw new AssertionError(`${context}: expected no events, but it decided ${typesOf(actual)}`, {
              expected: [],
              actual,
            });
        },
      };
    },
  }),
});
