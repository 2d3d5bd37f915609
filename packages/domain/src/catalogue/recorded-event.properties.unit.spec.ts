import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { EventDefinition, streamName } from '../kernel/event-definition';
import { EventMetadata } from '../kernel/metadata';
import { arbitraryFor } from '../testing/arbitraries';
import { hostileValue, mutantOf } from '../testing/mutants';
import { eventCatalogue } from './event-catalogue';
import { decodeRecordedEvent, decodeRecordedEventInFull } from './recorded-event';

const metadata = arbitraryFor(EventMetadata);

/** An event as a file or a store holds it, at any version its type ever had. */
const recordedEvent = (definition: EventDefinition): fc.Arbitrary<Record<string, unknown>> => {
  const versions = [
    ...definition.history.map((h) => ({ version: h.version, data: h.data })),
    { version: definition.schemaVersion, data: definition.data },
  ];
  return fc
    .constantFrom(...versions)
    .chain(({ version, data }) =>
      fc
        .record(
          {
            data: arbitraryFor(data),
            metadata,
            position: fc.nat(),
            revision: fc.nat(),
            integrity: fc.record({ hash: fc.string(), chain: fc.string() }),
          },
          { requiredKeys: ['data', 'metadata'] },
        )
        .map((rest) => ({ version, ...rest })),
    )
    .map(({ version, data, ...rest }) => ({
      id: 'e-1',
      stream: streamName(definition.streamKind, String((data as Record<string, unknown>)[definition.streamIdField])),
      type: definition.type,
      schemaVersion: version,
      data,
      ...rest,
    }));
};

/** Wrong in the ways a file goes wrong as a whole: another type, version or stream, or none. */
const envelopeMutant = (event: Record<string, unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc
      .constantFrom(...eventCatalogue.map((d) => d.type), 'SessionDeleted', '__proto__', 'constructor')
      .map((type) => ({ ...event, type })),
    fc.constantFrom(0, 1, 2, 3, 99, '1', 1.5, -1).map((schemaVersion) => ({ ...event, schemaVersion })),
    fc
      .constantFrom('provider-other', `${String(event['stream'])}-x`, 'x', '', 'coach-a', 'provider-a')
      .map((stream) => ({ ...event, stream })),
    hostileValue.map((id) => ({ ...event, id })),
  );

const candidates = (definition: EventDefinition): fc.Arbitrary<unknown> => {
  const event = recordedEvent(definition);
  return fc.oneof(
    event,
    event.map((e) => JSON.parse(JSON.stringify(e)) as unknown),
    event.chain(mutantOf),
    event.chain(envelopeMutant),
    event.chain(mutantOf).map((e) => (e === undefined ? e : (JSON.parse(JSON.stringify(e) ?? 'null') as unknown))),
  );
};

describe('decoding a recorded event', () => {
  it.each(eventCatalogue.map((d) => [d.type, d as EventDefinition] as const))(
    'decides and reports as the full decoder does, for any %s, right or made wrong',
    (_type, definition) => {
      fc.assert(
        fc.property(candidates(definition), (input) => {
          const decoded = decodeRecordedEvent(input);
          const inFull = decodeRecordedEventInFull(input);
          expect(decoded).toEqual(inFull);
          // The same event, not a copy of it, whichever way it was decoded.
          if (E.isRight(inFull) && inFull.right === input) expect(E.isRight(decoded) && decoded.right).toBe(input);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('decides and reports as the full decoder does, for anything at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), hostileValue), (input) => {
        expect(decodeRecordedEvent(input)).toEqual(decodeRecordedEventInFull(input));
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives back a current, valid event itself, as the full decoder does', () => {
    const line = JSON.parse(
      '{"id":"e-1","stream":"provider-p-1","type":"FeedbackSent","schemaVersion":1,' +
        '"data":{"providerId":"p-1","sessionId":"s-1","sentOn":"2025-07-01"},' +
        '"metadata":{"actor":{"id":"c-1","role":"coach"},"recordedAt":"2025-07-01T22:05:16.000Z",' +
        '"commandId":"cmd-1","correlationId":"cmd-1"},"position":7}',
    ) as unknown;
    expect(decodeRecordedEvent(line)).toEqual(E.right(line));
    const decoded = decodeRecordedEvent(line);
    if (E.isRight(decoded)) expect(decoded.right).toBe(line);
  });
});
