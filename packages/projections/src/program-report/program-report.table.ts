import type { ViewTable } from '../projection';
import type { LeadershipReport, ProgramReport, ReportLag } from './program-report.view';

type Row = [section: string, subject: string, measure: string, value: string | number | boolean | null];

const lagRows = (section: string, subject: string, lag: ReportLag): Row[] => [
  [section, subject, 'lagSessions', lag.sessions],
  [section, subject, 'lagMedianDays', lag.medianDays],
  [section, subject, 'lagP90Days', lag.p90Days],
];

/**
 * The report as one long table, one figure a row: `section` (dosage, community, coach, guide,
 * reflective-consultation), the `subject` it is about (a coach, a requirement; empty for the
 * community), the `measure` and its `value`. One shape for every section keeps the CSV a single
 * table a spreadsheet can pivot, and the terminal table four columns wide. The leadership form
 * has no coach section.
 */
export const programReportTables = (report: ProgramReport | LeadershipReport): ViewTable => {
  const { dosage, totals, reflectiveConsultation } = report;
  const rows: Row[] = [
    ['report', '', 'communityId', report.communityId],
    ['report', '', 'month', report.month],
    ['report', '', 'on', report.on],
    ['dosage', '', 'providers', dosage.providers],
    ['dosage', '', 'meeting', dosage.meeting],
    ['dosage', '', 'partlyMeeting', dosage.partlyMeeting],
    ['dosage', '', 'missing', dosage.missing],
    ['community', '', 'coaches', totals.coaches],
    ['community', '', 'minutes', totals.minutes],
    ['community', '', 'underTarget', totals.underTarget],
    ['community', '', 'overdueItems', totals.overdueItems],
    ...lagRows('community', '', totals.lag),
    ['community', '', 'cyclesCompleted', totals.cyclesCompleted],
  ];
  for (const coach of 'coaches' in report ? report.coaches : []) {
    rows.push(
      ['coach', coach.coachId, 'providers', coach.providers],
      ['coach', coach.coachId, 'minutes', coach.minutes],
      ['coach', coach.coachId, 'underTarget', coach.underTarget],
      ['coach', coach.coachId, 'overdueItems', coach.overdueItems],
      ...lagRows('coach', coach.coachId, coach.lag),
      ['coach', coach.coachId, 'cyclesCompleted', coach.cyclesCompleted],
      ['coach', coach.coachId, 'reflectiveConsultation', coach.reflectiveConsultation],
    );
  }
  for (const item of report.guide) {
    rows.push(['guide', item.requirementId, 'status', item.status]);
    if (item.count !== null) rows.push(['guide', item.requirementId, 'count', item.count]);
    if (item.min !== null) rows.push(['guide', item.requirementId, 'min', item.min]);
    if (item.max !== null) rows.push(['guide', item.requirementId, 'max', item.max]);
    if (item.metOn !== null) rows.push(['guide', item.requirementId, 'metOn', item.metOn]);
  }
  rows.push(
    ['reflective-consultation', '', 'coaches', reflectiveConsultation.coaches],
    ['reflective-consultation', '', 'attended', reflectiveConsultation.attended],
  );
  return { header: ['section', 'subject', 'measure', 'value'], rows };
};
