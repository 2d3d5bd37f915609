import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { Command, DomainEvent, fold } from '../kernel/decider';
import { STREAM_KINDS } from '../kernel/event-definition';
import { arbitraryFor } from '../testing';
import { commandMetadata } from '../testing/decider-spec';
import { commandCatalogue } from './command-catalogue';
import { deciders } from './decide-command';
import { eventCatalogue } from './event-catalogue';

// Every generated date falls inside the 2025–26 program year; issuing the commands after it
// keeps the "recorded after it happened" rules from refusing everything.
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

const eventsOf = (kind: string): fc.Arbitrary<DomainEvent> =>
  fc.oneof(
    ...eventCatalogue
      .filter((d) => d.streamKind === kind)
      .map((d) => arbitraryFor(d.data).map((data) => ({ type: d.type, data }) as DomainEvent)),
  );

describe.each(STREAM_KINDS.map((kind) => [kind]))('the %s decider', (kind) => {
  const decider = deciders[kind];

  it('folds any sequence of the events it accepted, never throwing, and decides against it', () => {
    fc.assert(
      fc.property(fc.array(commandsOf(kind), { maxLength: 40 }), (commands) => {
        const history: DomainEvent[] = [];
        for (const command of commands) {
          const outcome = decider.decide(command, fold(decider, history));
          if (E.isRight(outcome)) history.push(...outcome.right);
          else expect(outcome.left.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
        expect(() => fold(decider, history)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('folds even sequences no decider would produce without throwing', () => {
    fc.assert(
      fc.property(fc.array(eventsOf(kind), { maxLength: 30 }), (events) => {
        expect(() => fold(decider, events)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('accepts at least one generated command sequence (the generators reach the rules)', () => {
    const accepted = fc
      .sample(fc.array(commandsOf(kind), { minLength: 30, maxLength: 30 }), { numRuns: 20, seed: 7 })
      .some((commands) => {
        const history: DomainEvent[] = [];
        for (const command of commands) {
          const outcome = decider.decide(command, fold(decider, history));
          if (E.isRight(outcome)) history.push(...outcome.right);
        }
        return history.length > 1;
      });
    expect(accepted).toBe(true);
  });
});
