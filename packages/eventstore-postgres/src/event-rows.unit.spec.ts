import fc from 'fast-check';
import { encodeEvent, recordedAtOf } from './event-rows';

const event = (recordedAt: unknown) => ({
  id: 'e-1',
  type: 'SessionLogged',
  schemaVersion: 1,
  data: { durationMinutes: 45 },
  metadata: { actor: { id: 'c-03', role: 'coach' }, recordedAt, commandId: 'c', correlationId: 'c' } as never,
});

describe('encodeEvent', () => {
  it('serializes data and metadata once, and indexes recordedAt as a UTC instant', () => {
    const encoded = encodeEvent(event('2025-09-16T20:02:11.000+02:00'));
    expect(encoded.data).toBe('{"durationMinutes":45}');
    expect(JSON.parse(encoded.metadata)).toMatchObject({ recordedAt: '2025-09-16T20:02:11.000+02:00' });
    expect(encoded.recordedAt).toBe('2025-09-16T18:02:11.000Z');
  });

  it('leaves recorded_at empty when recordedAt is missing or not a date', () => {
    expect(encodeEvent(event('yesterday')).recordedAt).toBeNull();
    expect(encodeEvent(event(undefined)).recordedAt).toBeNull();
  });
});

describe('recordedAtOf', () => {
  const normalized = (recordedAt: string): string | null => {
    const time = Date.parse(recordedAt);
    return Number.isNaN(time) ? null : new Date(time).toISOString();
  };

  it('gives every instant the UTC text a Date would give it, whatever form it came in', () => {
    const instant = fc.date({
      min: new Date('0001-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (date) => {
        const iso = date.toISOString();
        expect(recordedAtOf({ recordedAt: iso })).toBe(iso);
        const shifted = `${iso.slice(0, -1)}+02:00`;
        expect(recordedAtOf({ recordedAt: shifted })).toBe(normalized(shifted));
      }),
    );
    const lookalike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        // Around the edges of each field, where a text can be well-formed and still not a UTC form.
        fc.integer({ min: 0, max: 13 }),
        fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 26, max: 32 })),
        fc.integer({ min: 22, max: 25 }),
        fc.integer({ min: 58, max: 61 }),
      )
      .map(
        ([year, month, day, hour, minute]) =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`,
      );
    fc.assert(fc.property(lookalike, (text) => expect(recordedAtOf({ recordedAt: text })).toBe(normalized(text))));
  });

  it('moves a day past the end of its month, or 24:00, to the instant a Date makes of it', () => {
    expect(recordedAtOf({ recordedAt: '2025-02-30T00:00:00.000Z' })).toBe('2025-03-02T00:00:00.000Z');
    expect(recordedAtOf({ recordedAt: '2025-01-01T24:00:00.000Z' })).toBe('2025-01-02T00:00:00.000Z');
  });
});
