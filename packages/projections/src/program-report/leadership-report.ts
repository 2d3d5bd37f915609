import type { LeadershipReport, ProgramReport } from './program-report.view';

/**
 * The report reduced to what may leave the coaching partnership (rule 10): the community's
 * counts and durations. The rows per coach go, and with them every coach's and provider's id;
 * the fields are picked one by one, so a field added to the report stays out until chosen here.
 */
export const leadershipReport = (report: ProgramReport): LeadershipReport => ({
  communityId: report.communityId,
  month: report.month,
  asOf: report.asOf,
  on: report.on,
  dosage: {
    providers: report.dosage.providers,
    meeting: report.dosage.meeting,
    partlyMeeting: report.dosage.partlyMeeting,
    missing: report.dosage.missing,
  },
  totals: {
    coaches: report.totals.coaches,
    minutes: report.totals.minutes,
    underTarget: report.totals.underTarget,
    overdueItems: report.totals.overdueItems,
    lag: {
      sessions: report.totals.lag.sessions,
      medianDays: report.totals.lag.medianDays,
      p90Days: report.totals.lag.p90Days,
    },
    cyclesCompleted: report.totals.cyclesCompleted,
  },
  guide: report.guide.map((item) => ({
    requirementId: item.requirementId,
    title: item.title,
    kind: item.kind,
    status: item.status,
    count: item.count,
    min: item.min,
    max: item.max,
    metOn: item.metOn,
    metInMonth: item.metInMonth,
  })),
  reflectiveConsultation: {
    coaches: report.reflectiveConsultation.coaches,
    attended: report.reflectiveConsultation.attended,
  },
});
