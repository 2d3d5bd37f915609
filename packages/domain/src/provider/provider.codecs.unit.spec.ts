import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { fold } from '../kernel/decider';
import { decodeWith } from '../kernel/decode';
import { CommandMetadata } from '../kernel/metadata';
import { arbitraryFor } from '../testing';
import {
  BenchmarksOfQualityCompleted,
  BenchmarksOfQualityCompletedDataV1,
  CompleteBenchmarksOfQuality,
  UNRECORDED_FORM_VERSION,
} from './benchmarks-of-quality-completed';
import { HoldDebrief } from './debrief-held';
import { CompleteObservation } from './observation-completed';
import { ProviderCommand, providerCommands } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent, providerEvents } from './provider.events';
import { benchmarksCompleted, debriefHeld, observationCompleted } from './provider.fixtures';

const refusedPaths = (result: E.Either<{ errors: ReadonlyArray<{ path: string }> }, unknown>) =>
  E.isLeft(result) ? result.left.errors.map((e) => e.path) : [];

describe('provider codecs', () => {
  describe('a debrief never carries scores (rule 5)', () => {
    const decode = decodeWith(HoldDebrief.data, 'HoldDebrief', 'data');
    it('accepts strengths and next steps', () => expect(decode(debriefHeld.data)).toEqual(E.right(debriefHeld.data)));
    it('refuses scores at decode, naming data.scores and the rule', () => {
      const result = decode({ ...debriefHeld.data, scores: observationCompleted.data.scores });
      expect(refusedPaths(result)).toEqual(['data.scores']);
      expect(E.isLeft(result) && result.left.errors[0]!.message).toMatch(/rule 5/);
    });
  });

  describe('observation scores', () => {
    const decode = decodeWith(CompleteObservation.data, 'CompleteObservation', 'data');
    it('refuses an observation without a single score', () =>
      expect(refusedPaths(decode({ ...observationCompleted.data, scores: {} }))).toEqual(['data.scores']));
    it('refuses a score that is not a finite number, naming it', () =>
      expect(refusedPaths(decode({ ...observationCompleted.data, scores: { redFlags: 'three' } }))).toEqual([
        'data.scores.redFlags',
      ]));
    it('refuses a score name outside the id grammar, naming it, rather than dropping it', () => {
      // As a JSON body carries it: an own key called __proto__.
      const scores = JSON.parse('{"__proto__": 3, "redFlags": 1, "two words": 2}') as Record<string, number>;
      const result = decode({ ...observationCompleted.data, scores });
      expect(refusedPaths(result)).toEqual(['data.scores.__proto__', 'data.scores.two words']);
      expect(CompleteObservation.data.is({ ...observationCompleted.data, scores })).toBe(false);
    });
    it('keeps every score name when an event stored before the grammar is encoded again', () => {
      const scores = JSON.parse('{"__proto__": 3, "redFlags": 1}') as Record<string, number>;
      expect(Object.entries(CompleteObservation.data.encode({ ...observationCompleted.data, scores }).scores)).toEqual([
        ['__proto__', 3],
        ['redFlags', 1],
      ]);
    });
  });

  describe('Benchmarks of Quality', () => {
    const decode = decodeWith(CompleteBenchmarksOfQuality.data, 'CompleteBenchmarksOfQuality', 'data');
    it('refuses a BOQ with no ratings', () =>
      expect(refusedPaths(decode({ ...benchmarksCompleted.data, ratings: {} }))).toEqual(['data.ratings']));
    it('refuses a rating outside 0–2', () =>
      expect(refusedPaths(decode({ ...benchmarksCompleted.data, ratings: { 'family-engagement': 3 } }))).toEqual([
        'data.ratings.family-engagement',
      ]));
    it('requires the form version from schema version 2 on', () => {
      const { formVersion: _formVersion, ...withoutVersion } = benchmarksCompleted.data;
      expect(refusedPaths(decode(withoutVersion))).toEqual(['data.formVersion']);
    });

    it('is at schema version 2, with version 1 in its history', () => {
      expect(BenchmarksOfQualityCompleted.schemaVersion).toBe(2);
      expect(BenchmarksOfQualityCompleted.history.map((h) => h.version)).toEqual([1]);
    });
    it('upcasts a version 1 record to one the current codec accepts, its form version unrecorded', () => {
      const { formVersion: _formVersion, ...v1 } = benchmarksCompleted.data;
      const [version1] = BenchmarksOfQualityCompleted.history;
      const decodedV1 = version1!.data.decode(v1);
      expect(E.isRight(decodedV1)).toBe(true);
      const upcast = version1!.upcast(E.isRight(decodedV1) ? decodedV1.right : undefined);
      expect(BenchmarksOfQualityCompleted.data.decode(upcast)).toEqual(
        E.right({ ...v1, formVersion: UNRECORDED_FORM_VERSION }),
      );
    });
    it('upcasts every version 1 record the codec can describe', () =>
      fc.assert(
        fc.property(arbitraryFor(BenchmarksOfQualityCompletedDataV1), (v1) => {
          expect(BenchmarksOfQualityCompletedDataV1.is(v1)).toBe(true);
          expect(BenchmarksOfQualityCompleted.data.is(BenchmarksOfQualityCompleted.history[0]!.upcast(v1))).toBe(true);
        }),
      ));
  });
});

describe('provider decider, for any history', () => {
  const anyEvent = fc.oneof(
    ...providerEvents.map((definition) => arbitraryFor(definition.event)),
  ) as fc.Arbitrary<ProviderEvent>;
  const anyCommand = fc.oneof(
    ...providerCommands.map((definition) =>
      fc.record({
        type: fc.constant(definition.type),
        data: arbitraryFor(definition.data),
        metadata: arbitraryFor(CommandMetadata),
      }),
    ),
  ) as fc.Arbitrary<ProviderCommand>;

  it('evolve never throws, whatever provider events arrive in whatever order', () =>
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 25 }), (events) => {
        expect(fold(providerDecider, events).consents).toBeInstanceOf(Map);
      }),
    ));

  it('decide never throws: it accepts with events of the types the command produces, or refuses with a code and a data path', () =>
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 25 }), anyCommand, (events, cmd) => {
        const outcome = providerDecider.decide(cmd, fold(providerDecider, events));
        const produces = providerCommands.find((definition) => definition.type === cmd.type)!.produces;
        if (E.isRight(outcome)) outcome.right.forEach((event) => expect(produces).toContain(event.type));
        else {
          expect(outcome.left.errors.length).toBeGreaterThan(0);
          expect(outcome.left.errors.every((e) => e.path.startsWith('data.'))).toBe(true);
        }
      }),
    ));
});
