import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { arbitraryFor } from '../testing';
import { commandMetadata } from '../testing/decider-spec';
import { fieldPaths, withFieldAt } from '../testing/arbitraries';
import { commandCatalogue, decodeCommand } from './command-catalogue';
import { eventCatalogue } from './event-catalogue';
import { decodeRecordedEvent, encodeRecordedEvent } from './recorded-event';
import { streamName } from '../kernel/event-definition';
import { EventMetadata } from '../kernel/metadata';

const metadata = arbitraryFor(EventMetadata) as fc.Arbitrary<EventMetadata>;
const wrongValue = { 'not-a-valid-value': true };

describe('every event of the catalogue', () => {
  it.each(eventCatalogue.map((d) => [d.type, d] as const))('%s encodes and decodes to itself', (_type, definition) => {
    fc.assert(
      fc.property(arbitraryFor(definition.data), metadata, (data, meta) => {
        const event = {
          id: 'e-1',
          stream: streamName(
            definition.streamKind,
            String((data as Record<string, unknown>)[definition.streamIdField]),
          ),
          type: definition.type,
          schemaVersion: definition.schemaVersion,
          data,
          metadata: meta,
        };
        const line = JSON.parse(JSON.stringify(event));
        const decoded = decodeRecordedEvent(line);
        expect(decoded).toEqual(E.right(event));
        if (E.isRight(decoded)) expect(encodeRecordedEvent(decoded.right)).toEqual(line);
      }),
      { numRuns: 50 },
    );
  });
});

describe('every command of the catalogue', () => {
  it.each(commandCatalogue.map((d) => [d.type, d] as const))(
    '%s is refused naming any one field made wrong',
    (_type, definition) => {
      fc.assert(
        fc.property(
          arbitraryFor(definition.data).chain((data) => {
            const paths = fieldPaths(data);
            return fc.tuple(fc.constant(data), fc.constantFrom(...paths));
          }),
          ([data, path]) => {
            const input = {
              type: definition.type,
              data: withFieldAt(data, path, wrongValue),
              metadata: commandMetadata(),
            };
            const decoded = decodeCommand(input);
            expect(E.isLeft(decoded)).toBe(true);
            if (E.isLeft(decoded)) {
              const wrongPath = ['data', ...path].join('.');
              expect(decoded.left.errors.some((e) => e.path === wrongPath || e.path.startsWith(`${wrongPath}.`))).toBe(
                true,
              );
            }
          },
        ),
        { numRuns: 30 },
      );
    },
  );

  it.each(commandCatalogue.map((d) => [d.type, d] as const))(
    '%s is accepted by its codec when every field is right',
    (_type, definition) => {
      fc.assert(
        fc.property(arbitraryFor(definition.data), (data) => {
          expect(E.isRight(decodeCommand({ type: definition.type, data, metadata: commandMetadata() }))).toBe(true);
        }),
        { numRuns: 20 },
      );
    },
  );

  it('reports every wrong field at once, with its path', () => {
    const decoded = decodeCommand({
      type: 'LogSession',
      data: { providerId: 'p-017', sessionId: '', heldOn: '2025-09-31', durationMinutes: '45', kind: 'chat' },
      metadata: commandMetadata(),
    });
    expect(E.isLeft(decoded)).toBe(true);
    if (E.isLeft(decoded)) {
      const paths = decoded.left.errors.map((e) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'data.sessionId',
          'data.heldOn',
          'data.durationMinutes',
          'data.kind',
          'data.coachId',
          'data.mode',
          'data.agendaUsed',
          'data.practices',
          'data.strategies',
        ]),
      );
      expect(decoded.left.errors.find((e) => e.path === 'data.durationMinutes')?.message).toBe(
        'expected an integer from 1 to 480, got "45"',
      );
      expect(decoded.left.errors.find((e) => e.path === 'data.heldOn')?.message).toBe(
        'expected a calendar date YYYY-MM-DD, got "2025-09-31"',
      );
    }
  });

  it('names an unknown command type', () => {
    const decoded = decodeCommand({ type: 'LogSesion', data: {}, metadata: commandMetadata() });
    expect(decoded).toEqual(
      E.left(expect.objectContaining({ code: 'unknown-command', errors: [expect.objectContaining({ path: 'type' })] })),
    );
  });
});
