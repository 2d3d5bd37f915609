import { kentSeptember, reportOf } from './program-report.fixtures';
import { lagOf } from './program-report';
import { leadershipReport } from './leadership-report';
import { programReportTables } from './program-report.table';
import { LeadershipReport, ProgramReport } from './program-report.view';
import { isRight } from 'fp-ts/Either';

const september = () => reportOf(kentSeptember().events(), 'kent', '2025-09', '2026-01-01T00:00:00.000Z');

describe('the program report', () => {
  it('counts the community’s providers meeting, partly meeting and missing the month’s dosage', () => {
    const report = september();
    expect(report).toMatchObject({ communityId: 'kent', month: '2025-09', on: '2026-01-01' });
    expect(report.dosage).toEqual({ providers: 3, meeting: 1, partlyMeeting: 1, missing: 1 });
  });

  it('gives each coach their providers, minutes, under-target count, recording lag and cycles', () => {
    const [c03, c04] = september().coaches;
    expect(c03).toEqual({
      coachId: 'c-03',
      providers: 2,
      minutes: 210,
      underTarget: 1,
      overdueItems: expect.any(Number),
      // Lags 0, 4 and 10 days; the voided session is left out.
      lag: { sessions: 3, medianDays: 4, p90Days: 10 },
      cyclesCompleted: 1,
      reflectiveConsultation: 'done',
    });
    expect(c04).toMatchObject({
      coachId: 'c-04',
      providers: 1,
      minutes: 0,
      underTarget: 1,
      lag: { sessions: 0, medianDays: null, p90Days: null },
      cyclesCompleted: 0,
      reflectiveConsultation: 'overdue',
    });
    expect(september().reflectiveConsultation).toEqual({ coaches: 2, attended: 1 });
    // As of the month's last day, c-04's consultation is still due (0 days left).
    const atClose = reportOf(kentSeptember().events(), 'kent', '2025-09', '2025-09-30T23:59:59.999Z');
    expect(atClose.coaches[1]!.reflectiveConsultation).toBe('due');
    expect(atClose.on).toBe('2025-09-30');
  });

  it('holds the trainings and meetings against the guide', () => {
    const guide = new Map(september().guide.map((item) => [item.requirementId, item]));
    expect(guide.get('module-1a')).toMatchObject({ status: 'done', metOn: '2025-09-10', metInMonth: true });
    expect(guide.get('module-2b')).toMatchObject({ status: 'due', metOn: null, metInMonth: false });
    expect(guide.get('provider-collaboration-meetings')).toMatchObject({ count: 1, min: 6, max: 12, status: 'due' });
  });

  it('leaves out sessions and providers of other communities and months', () => {
    const october = reportOf(kentSeptember().events(), 'kent', '2025-10', '2026-01-01T00:00:00.000Z');
    expect(october.totals.lag.sessions).toBe(0);
    expect(october.dosage).toEqual({ providers: 3, meeting: 0, partlyMeeting: 0, missing: 3 });
    const ash = reportOf(kentSeptember().events(), 'ash', '2025-09', '2026-01-01T00:00:00.000Z');
    expect(ash.dosage).toMatchObject({ providers: 1, meeting: 1 });
    expect(ash.guide).toEqual([]);
  });

  it('decodes with its codec, the leadership form with its own', () => {
    const report = september();
    expect(isRight(ProgramReport.decode(report))).toBe(true);
    expect(isRight(LeadershipReport.decode(leadershipReport(report)))).toBe(true);
    expect(leadershipReport(report)).not.toHaveProperty('coaches');
  });

  it('flattens to one table of section, subject, measure and value', () => {
    const table = programReportTables(september());
    expect(table.header).toEqual(['section', 'subject', 'measure', 'value']);
    expect(table.rows).toContainEqual(['dosage', '', 'meeting', 1]);
    expect(table.rows).toContainEqual(['coach', 'c-03', 'lagMedianDays', 4]);
    expect(table.rows).toContainEqual(['guide', 'provider-collaboration-meetings', 'max', 12]);
    expect(programReportTables(leadershipReport(september())).rows.some(([section]) => section === 'coach')).toBe(
      false,
    );
  });
});

describe('recording lag figures', () => {
  it('are the nearest-rank median and 90th percentile', () => {
    expect(lagOf([])).toEqual({ sessions: 0, medianDays: null, p90Days: null });
    expect(lagOf([5])).toEqual({ sessions: 1, medianDays: 5, p90Days: 5 });
    expect(lagOf([3, 1])).toEqual({ sessions: 2, medianDays: 1, p90Days: 3 });
    expect(lagOf([9, 0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ sessions: 10, medianDays: 4, p90Days: 8 });
  });
});
