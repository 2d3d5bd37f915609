import { commandCatalogue, eventCatalogue, LogSession, nonEmptyArray, nonEmptyRecord, Id, FiniteNumber, forbiddenField } from '@coachline/domain';
import { projections } from '@coachline/projections';
import * as t from 'io-ts';
import { jsonSchemaOf, UnknownCodecError } from './json-schema';

describe('JSON Schema from the domain’s codecs', () => {
  it('describes every command, every event and every view without a codec left unknown', () => {
    for (const definition of [...commandCatalogue, ...eventCatalogue]) expect(() => jsonSchemaOf(definition.data)).not.toThrow();
    for (const projection of projections) expect(() => jsonSchemaOf(projection.viewCodec as unknown as t.Mixed)).not.toThrow();
  });

  it('says what the LogSession codec accepts: required fields, closed object, bounds and words', () => {
    const schema = jsonSchemaOf(LogSession.data) as { required: string[]; properties: Record<string, Record<string, unknown>>; additionalProperties: boolean };
    expect(schema.required).toEqual(['providerId', 'sessionId', 'coachId', 'heldOn', 'durationMinutes', 'kind', 'mode', 'agendaUsed', 'practices', 'strategies']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['durationMinutes']).toEqual({ type: 'integer', minimum: 1, maximum: 480 });
    expect(schema.properties['kind']).toEqual({ type: 'string', enum: ['coaching-conversation', 'observation', 'debrief', 'consultation', 'other'] });
    expect(schema.properties['heldOn']).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties['nextSteps']).toMatchObject({ type: 'array', items: { type: 'string', minLength: 1 } });
  });

  it('keeps the at-least-one rules and names forbidden fields', () => {
    expect(jsonSchemaOf(nonEmptyArray(Id))).toMatchObject({ type: 'array', minItems: 1 });
    expect(jsonSchemaOf(nonEmptyRecord(Id, FiniteNumber, 'Scores'))).toMatchObject({ type: 'object', minProperties: 1, additionalProperties: { type: 'number' } });
    expect(jsonSchemaOf(forbiddenField('never here (rule 5)'))).toEqual({ not: {}, description: 'never here (rule 5)' });
  });

  it('refuses a codec it cannot describe rather than guessing', () => {
    const opaque = new t.Type<Date, string, unknown>('Opaque', (u): u is Date => u instanceof Date, (u, c) => t.failure(u, c), (d) => d.toISOString());
    expect(() => jsonSchemaOf(opaque)).toThrow(UnknownCodecError);
  });
});
