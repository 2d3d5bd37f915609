import { isRecordable, latestRecordableDate } from './recorded-after';

describe('recorded after it happens (rule 2)', () => {
  it('allows up to the day after the UTC date of the issue instant', () => {
    expect(latestRecordableDate('2025-09-16T18:02:11.000Z')).toBe('2025-09-17');
    expect(latestRecordableDate('2025-09-16T00:00:00.000Z')).toBe('2025-09-17');
    expect(latestRecordableDate('2025-09-16T23:59:59.999Z')).toBe('2025-09-17');
  });
  it('reads an instant with an offset by its UTC date', () => {
    expect(latestRecordableDate('2025-09-17T01:00:00+05:00')).toBe('2025-09-17');
    expect(latestRecordableDate('2025-09-16T20:00:00-05:00')).toBe('2025-09-18');
  });
  it('crosses months, years and leap days', () => {
    expect(latestRecordableDate('2025-12-31T12:00:00Z')).toBe('2026-01-01');
    expect(latestRecordableDate('2028-02-28T12:00:00Z')).toBe('2028-02-29');
    expect(latestRecordableDate('2027-02-28T12:00:00Z')).toBe('2027-03-01');
  });
  it('stays within four-digit years', () => expect(latestRecordableDate('9999-12-31T12:00:00Z')).toBe('9999-12-31'));
  it('accepts dates up to the latest and refuses the day after', () => {
    expect(isRecordable('2025-09-01', '2025-09-16T18:02:11.000Z')).toBe(true);
    expect(isRecordable('2025-09-17', '2025-09-16T18:02:11.000Z')).toBe(true);
    expect(isRecordable('2025-09-18', '2025-09-16T18:02:11.000Z')).toBe(false);
  });
  it('vouches for no date when the instant cannot be read', () => {
    expect(latestRecordableDate('not an instant')).toBeUndefined();
    expect(isRecordable('2025-09-01', 'not an instant')).toBe(false);
  });
});
