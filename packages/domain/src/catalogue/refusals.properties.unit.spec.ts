import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { Command, DomainEvent, fold } from '../kernel/decider';
import { DomainErrorKind, isDomainError } from '../kernel/domain-error';
import { STREAM_KINDS } from '../kernel/event-definition';
import { arbitraryFor } from '../testing';
import { commandMetadata } from '../testing/decider-spec';
import { commandCatalogue } from './command-catalogue';
import { deciders } from './decide-command';

// The error contract as the deciders keep it: a refusal is a DomainError value, never a throw;
// its kind is one a decider may give (`invalid` belongs to decoding, `forbidden` to the API's
// policies); and every field path it names is a field of the command that was refused.

const DECIDER_KINDS: ReadonlyArray<DomainErrorKind> = ['rule-broken', 'not-found', 'conflict'];

// Inside the 2025–26 program year the generators draw from, so that dated rules do not refuse all.
const issuedAt = '2026-07-01T00:00:00.000Z';

const commandsOf = (kind: string): fc.Arbitrary<Command> =>
  fc.oneof(
    ...commandCatalogue
      .filter((d) => d.streamKind === kind)
      .map((d) =>
        arbitraryFor(d.data).map(
          (data) => ({ type: d.type, data, metadata: commandMetadata({ issuedAt }) }) as Command,
        ),
      ),
  );

/** The value at a dotted path such as `data.goals.0.goalId`, or undefined if the path leads nowhere. */
const valueAt = (root: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null && Object.hasOwn(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined,
      root,
    );

describe.each(STREAM_KINDS.map((kind) => [kind]))('refusals of the %s decider', (kind) => {
  const decider = deciders[kind];

  it('are DomainError values of a decider’s kinds, each naming fields the command holds', () => {
    fc.assert(
      fc.property(fc.array(commandsOf(kind), { maxLength: 30 }), (commands) => {
        const history: DomainEvent[] = [];
        for (const command of commands) {
          const outcome = decider.decide(command, fold(decider, history));
          if (E.isRight(outcome)) {
            history.push(...outcome.right);
            continue;
          }
          const refusal = outcome.left;
          expect(isDomainError(refusal)).toBe(true);
          expect(DECIDER_KINDS).toContain(refusal.kind);
          expect(refusal.message).not.toBe('');
          expect(refusal.errors.length).toBeGreaterThan(0);
          for (const { path, message } of refusal.errors) {
            expect([path, path.startsWith('data.')]).toEqual([path, true]);
            expect([path, valueAt(command, path) !== undefined]).toEqual([path, true]);
            expect(message).not.toBe('');
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
