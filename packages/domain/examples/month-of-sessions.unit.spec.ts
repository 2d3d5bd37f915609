import { recordSeptember } from './month-of-sessions';

// The example in docs/embedding.md: kept compiling by the type-check and kept honest here.
describe('the embedding example', () => {
  const september = recordSeptember();

  it('counts coaching, observation and corrected minutes, not consultation or the voided session', () => {
    // 60 + 45 + 60 (corrected from 45); the 30-minute consultation and the voided 40 do not count.
    expect(september.minutesByMonth).toEqual({ '2025-09': 165 });
  });

  it('shows September’s dosage met against the RiR target', () => {
    expect(september.septemberDosage).toEqual([
      { requirementId: 'dosage-2025-09', status: 'done', minutes: 165, targetMinutes: 150 },
    ]);
  });

  it('returns the refusal as a value with its stable code', () => {
    expect(september.refusals).toEqual(['session-already-voided']);
  });
});
