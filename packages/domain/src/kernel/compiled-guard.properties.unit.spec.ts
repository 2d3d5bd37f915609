import fc from 'fast-check';
import * as t from 'io-ts';
import { commandCatalogue } from '../catalogue/command-catalogue';
import { eventCatalogue } from '../catalogue/event-catalogue';
import { RecordedEventEnvelope } from '../catalogue/recorded-event';
import { arbitraryFor } from '../testing/arbitraries';
import { hostileValue, mutantOf } from '../testing/mutants';
import { compileGuard } from './compiled-guard';
import { CommandMetadata, EventMetadata } from './metadata';
import { Id, Labels, nonEmptyArray, nonEmptyRecord, oneOf, PositiveInteger, Text } from './primitives';
import { struct } from './struct';

/** A valid value of `codec`, or one made wrong in one place, or anything at all. */
const candidates = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  const valid = arbitraryFor(codec, { unknown: fc.anything() });
  return fc.oneof(valid, valid.chain(mutantOf), fc.anything(), hostileValue);
};

const sameDecision = (codec: t.Mixed, runs: number) => {
  const guard = compileGuard(codec);
  fc.assert(
    fc.property(candidates(codec), (value) => {
      expect(guard(value)).toBe(codec.is(value));
    }),
    { numRuns: runs },
  );
};

describe('a compiled guard decides exactly as its codec', () => {
  it.each(eventCatalogue.map((d) => [d.type, d] as const))('for the data of %s, every version', (_type, definition) => {
    sameDecision(definition.data, 150);
    for (const version of definition.history) sameDecision(version.data, 100);
  });

  it.each(commandCatalogue.map((d) => [d.type, d] as const))('for the data of the command %s', (_type, definition) => {
    sameDecision(definition.data, 60);
  });

  it('for the envelope of a recorded event and for the metadata', () => {
    sameDecision(RecordedEventEnvelope, 500);
    sameDecision(EventMetadata, 300);
    sameDecision(CommandMetadata, 300);
  });

  it('for unions, literals, empty structs, non-empty lists and maps, and refinements it leaves to the codec', () => {
    const shapes = t.union([t.literal('every-two-weeks'), struct('Other', { other: Text }), t.literal(3)]);
    const codec = struct(
      'Shapes',
      {
        shape: shapes,
        empty: struct('Empty', {}),
        list: nonEmptyArray(Id),
        scores: nonEmptyRecord(Id, PositiveInteger, 'Scores'),
        kind: oneOf('Kind', 'a', 'b'),
        anything: t.unknown,
        flag: t.boolean,
        count: t.number,
        word: t.string,
      },
      { labels: Labels, nested: t.array(t.array(Id)) },
    );
    sameDecision(codec, 1_000);
  });
});

describe('a compiled guard', () => {
  const guard = compileGuard(EventMetadata);
  const metadata = {
    actor: { id: 'c-1', role: 'coach' },
    recordedAt: '2025-07-01T16:20:42.000Z',
    commandId: 'cmd-1',
    correlationId: 'cmd-1',
  };

  it('accepts a valid value', () => {
    expect(guard(metadata)).toBe(true);
  });

  it('refuses an own __proto__ field as JSON.parse makes it, and an id that names a prototype', () => {
    expect(guard(JSON.parse(`{"__proto__":{},${JSON.stringify(metadata).slice(1)}`))).toBe(false);
    expect(guard({ ...metadata, actor: { id: 'constructor', role: 'coach' } })).toBe(false);
  });

  it('refuses an unknown field, a missing one, and a wrong one', () => {
    expect(guard({ ...metadata, nextstep: 'x' })).toBe(false);
    expect(guard({ ...metadata, commandId: undefined })).toBe(false);
    expect(guard({ ...metadata, recordedAt: '2025-07-01' })).toBe(false);
  });
});
