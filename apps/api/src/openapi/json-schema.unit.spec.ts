import {
  commandCatalogue,
  eventCatalogue,
  FiniteNumber,
  forbiddenField,
  Id,
  Instant,
  Label,
  LocalDate,
  LogSession,
  Month,
  NonNegativeInteger,
  nonEmptyArray,
  nonEmptyRecord,
  PositiveInteger,
  Sha256,
  Text,
} from '@coachline/domain';
import fc from 'fast-check';
import { projections } from '@coachline/projections';
import * as t from 'io-ts';
import { jsonSchemaOf, UnknownCodecError } from './json-schema';
import { newAjv } from './testing/document-validator';

describe('JSON Schema from the domain’s codecs', () => {
  it('describes every command, every event and every view without a codec left unknown', () => {
    for (const definition of [...commandCatalogue, ...eventCatalogue])
      expect(() => jsonSchemaOf(definition.data)).not.toThrow();
    for (const projection of projections)
      expect(() => jsonSchemaOf(projection.viewCodec as unknown as t.Mixed)).not.toThrow();
  });

  it('says what the LogSession codec accepts: required fields, closed object, bounds and words', () => {
    const schema = jsonSchemaOf(LogSession.data) as {
      required: string[];
      properties: Record<string, Record<string, unknown>>;
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual([
      'providerId',
      'sessionId',
      'coachId',
      'heldOn',
      'durationMinutes',
      'kind',
      'mode',
      'agendaUsed',
      'practices',
      'strategies',
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['durationMinutes']).toEqual({ type: 'integer', minimum: 1, maximum: 480 });
    expect(schema.properties['kind']).toEqual({
      type: 'string',
      enum: ['coaching-conversation', 'observation', 'debrief', 'consultation', 'other'],
    });
    expect(schema.properties['heldOn']).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties['nextSteps']).toMatchObject({ type: 'array', items: { type: 'string', minLength: 1 } });
  });

  it('keeps the at-least-one rules and names forbidden fields', () => {
    expect(jsonSchemaOf(nonEmptyArray(Id))).toMatchObject({ type: 'array', minItems: 1 });
    expect(jsonSchemaOf(nonEmptyRecord(Id, FiniteNumber, 'Scores'))).toMatchObject({
      type: 'object',
      minProperties: 1,
      additionalProperties: { type: 'number' },
    });
    expect(jsonSchemaOf(forbiddenField('never here (rule 5)'))).toEqual({
      not: {},
      description: 'never here (rule 5)',
    });
  });

  it('refuses a codec it cannot describe rather than guessing', () => {
    const opaque = new t.Type<Date, string, unknown>(
      'Opaque',
      (u): u is Date => u instanceof Date,
      (u, c) => t.failure(u, c),
      (d) => d.toISOString(),
    );
    expect(() => jsonSchemaOf(opaque)).toThrow(UnknownCodecError);
  });

  it('says of each primitive exactly what its codec accepts, lengths counted alike', () => {
    const ajv = newAjv();
    const near = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.constantFrom(
        '',
        ' ',
        'a b',
        ' a',
        'a\n',
        'a\u2028b',
        'p-1',
        '__proto__',
        'x'.repeat(129),
        '😀'.repeat(200),
        '😀'.repeat(201),
        'a'.repeat(201),
      ),
      fc.constantFrom('😀'.repeat(10_000), '😀'.repeat(10_001), ' '.repeat(10), 'a'.repeat(10_000), 'a'.repeat(10_001)),
      fc.constantFrom('2025-09-16', '2025-02-29', '2024-02-29', '2025-9-16', '2025-09', '2025-13', '2025-00'),
      fc.constantFrom(
        '2025-09-16T18:02:11.000Z',
        '2025-09-16T18:02:11Z',
        '2025-09-16t18:02:11z',
        '2025-09-16 18:02:11Z',
        '2025-09-16T23:59:60Z',
        '2025-09-16T18:02:11+0200',
      ),
      fc.constantFrom('ab'.repeat(32), 'AB'.repeat(32), 'ab'.repeat(31)),
      fc.oneof(
        fc.integer(),
        fc.double(),
        fc.constantFrom(0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 1.5, Number.MAX_VALUE),
      ),
    );
    for (const codec of [
      Id,
      Label,
      Text,
      LocalDate,
      Month,
      Instant,
      Sha256,
      PositiveInteger,
      NonNegativeInteger,
      FiniteNumber,
    ]) {
      const validate = ajv.compile(jsonSchemaOf(codec));
      fc.assert(
        fc.property(near, (value) => {
          expect([codec.name, value, validate(value)]).toEqual([codec.name, value, codec.is(value)]);
        }),
        { numRuns: 300 },
      );
    }
  });
});
