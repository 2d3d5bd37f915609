import { encodeEvent } from './event-rows';

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
