import fc from 'fast-check';
import { asOfPaths, monthOfMoment } from './as-of-paths';

const AS_OF = '2025-10-07T15:04:05.123Z';

describe('the routes an auditor replays the views at', () => {
  it('name the provider and the moment each view is read as of', () => {
    expect(asOfPaths.timeline('p-1', AS_OF)).toBe('/views/timeline?providerId=p-1&asOf=2025-10-07T15%3A04%3A05.123Z');
    expect(asOfPaths.dosage('p-1', AS_OF)).toBe('/views/dosage?providerId=p-1&asOf=2025-10-07T15%3A04%3A05.123Z');
    expect(asOfPaths.cycles('p-1', AS_OF)).toBe('/views/cycles?providerId=p-1&asOf=2025-10-07T15%3A04%3A05.123Z');
    expect(asOfPaths.report('kent', '2025-10', AS_OF)).toBe(
      '/reports/program?communityId=kent&month=2025-10&asOf=2025-10-07T15%3A04%3A05.123Z',
    );
  });

  it('never let an id reach another path or parameter, whatever it holds (`..` among them)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('..', '.', '../access-log', 'p-1&asOf=x', 'p-1#x')), (id) => {
        const timeline = new URL(asOfPaths.timeline(id, AS_OF), 'http://api.test');
        expect(timeline.pathname).toBe('/views/timeline');
        expect(timeline.searchParams.get('providerId')).toBe(id);
        expect(timeline.searchParams.get('asOf')).toBe(AS_OF);
        const dosage = new URL(asOfPaths.dosage(id, AS_OF), 'http://api.test');
        expect(dosage.pathname).toBe('/views/dosage');
        expect(dosage.searchParams.get('providerId')).toBe(id);
        expect([...dosage.searchParams.keys()]).toEqual(['providerId', 'asOf']);
        const report = new URL(asOfPaths.report(id, '2025-10', AS_OF), 'http://api.test');
        expect(report.searchParams.get('communityId')).toBe(id);
        expect([...report.searchParams.keys()]).toEqual(['communityId', 'month', 'asOf']);
      }),
    );
  });

  it('read the program report of the month the moment falls in, by UTC', () => {
    expect(monthOfMoment('2025-10-31T23:59:59.999Z')).toBe('2025-10');
    expect(monthOfMoment('2025-11-01T00:00:00.000Z')).toBe('2025-11');
  });
});
