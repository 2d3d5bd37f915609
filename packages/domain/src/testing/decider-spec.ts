import * as E from 'fp-ts/Either';
import { Command, Decider, DomainEvent, fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { CommandMetadata } from '../shared/metadata';

/** Metadata for a command in a spec: a coach sending it at a fixed moment. */
export const commandMetadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: { id: 'c-03', role: 'coach' },
  issuedAt: '2025-09-16T18:02:11.000Z',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  ...overrides,
});

/** Builds a command with spec metadata; `issuedAt` may be moved to test time-bound rules. */
export const command = <C extends Command>(type: C['type'], data: C['data'], metadata?: Partial<CommandMetadata>): C =>
  ({ type, data, metadata: commandMetadata(metadata) }) as C;

/**
 * given / when / then for a decider: the history of the stream, the command, and either the
 * events it produces or the error code and paths it refuses with.
 */
export const deciderSpec = <C extends Command, Ev extends DomainEvent, S>(decider: Decider<C, Ev, S>) => ({
  given: (events: ReadonlyArray<Ev>) => ({
    when: (cmd: C) => {
      const result = (): E.Either<DomainError, ReadonlyArray<Ev>> => decider.decide(cmd, fold(decider, events));
      return {
        then: (expected: ReadonlyArray<Ev>): void => {
          const outcome = result();
          if (E.isLeft(outcome)) {
            throw new Error(`expected events, got ${outcome.left.code}: ${outcome.left.message}`);
          }
          expect(outcome.right).toEqual(expected);
        },
        thenFails: (code: string, paths: ReadonlyArray<string> = []): void => {
          const outcome = result();
          if (E.isRight(outcome)) {
            throw new Error(`expected ${code}, got events ${JSON.stringify(outcome.right.map((e) => e.type))}`);
          }
          expect(outcome.left.code).toBe(code);
          for (const path of paths) expect(outcome.left.errors.map((e) => e.path)).toContain(path);
        },
      };
    },
  }),
});
