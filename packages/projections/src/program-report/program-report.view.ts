import * as t from 'io-ts';
import { Id, Instant, LocalDate, Month, NonNegativeInteger, Text } from '@coachline/domain';
import { TimelineRequirementKind, TimelineStatus } from '../timeline/timeline.view';

/** Providers of the month by their dosage status (the dosage view's `met`, `partial`, `none`). */
export const ReportDosage = t.type(
  {
    providers: NonNegativeInteger,
    meeting: NonNegativeInteger,
    partlyMeeting: NonNegativeInteger,
    missing: NonNegativeInteger,
  },
  'ReportDosage',
);
export type ReportDosage = t.TypeOf<typeof ReportDosage>;

/**
 * Days from the day a session was held to the day it was recorded, over the month's sessions
 * (voided ones left out): the nearest-rank median and 90th percentile, null without sessions.
 */
export const ReportLag = t.type(
  {
    sessions: NonNegativeInteger,
    medianDays: t.union([t.number, t.null]),
    p90Days: t.union([t.number, t.null]),
  },
  'ReportLag',
);
export type ReportLag = t.TypeOf<typeof ReportLag>;

/** What a coach's providers and the coach did in the month. */
export const ReportCoach = t.type(
  {
    coachId: Id,
    /** The coach's providers in the community enrolled in the month. */
    providers: NonNegativeInteger,
    minutes: NonNegativeInteger,
    underTarget: NonNegativeInteger,
    /** Requirements of the coach's providers overdue on the day measured. */
    overdueItems: NonNegativeInteger,
    lag: ReportLag,
    cyclesCompleted: NonNegativeInteger,
    /** The coach's Reflective Consultation requirement of the month; null when the guide asks none. */
    reflectiveConsultation: t.union([TimelineStatus, t.null]),
  },
  'ReportCoach',
);
export type ReportCoach = t.TypeOf<typeof ReportCoach>;

/** A community requirement of the guide (trainings, meetings, focus group) as it stands. */
export const ReportGuideItem = t.type(
  {
    requirementId: Id,
    title: Text,
    kind: TimelineRequirementKind,
    status: TimelineStatus,
    /** Counted requirements: meetings held so far, and the guide's bounds. */
    count: t.union([NonNegativeInteger, t.null]),
    min: t.union([NonNegativeInteger, t.null]),
    max: t.union([NonNegativeInteger, t.null]),
    /** The day the event that met it was held. */
    metOn: t.union([LocalDate, t.null]),
    metInMonth: t.boolean,
  },
  'ReportGuideItem',
);
export type ReportGuideItem = t.TypeOf<typeof ReportGuideItem>;

export const ReportAttendance = t.type(
  { coaches: NonNegativeInteger, attended: NonNegativeInteger },
  'ReportAttendance',
);
export type ReportAttendance = t.TypeOf<typeof ReportAttendance>;

/** The community's figures summed over its coaches. */
export const ReportTotals = t.type(
  {
    coaches: NonNegativeInteger,
    minutes: NonNegativeInteger,
    underTarget: NonNegativeInteger,
    overdueItems: NonNegativeInteger,
    lag: ReportLag,
    cyclesCompleted: NonNegativeInteger,
  },
  'ReportTotals',
);
export type ReportTotals = t.TypeOf<typeof ReportTotals>;

const reportFields = {
  communityId: Id,
  month: Month,
  /** The moment the report was read as of: what was recorded by then. */
  asOf: Instant,
  /** The day statuses are measured on: the day of `asOf`. */
  on: LocalDate,
  dosage: ReportDosage,
  totals: ReportTotals,
  guide: t.array(ReportGuideItem),
  reflectiveConsultation: ReportAttendance,
};

/** The program report of a community and month, for administrators and supervisors. */
export const ProgramReport = t.type({ ...reportFields, coaches: t.array(ReportCoach) }, 'ProgramReport');
export type ProgramReport = t.TypeOf<typeof ProgramReport>;

/**
 * The report as program leadership may read it (rule 10): counts and durations only. No coach
 * or provider is named, and nothing of a session but how long it took to record.
 */
export const LeadershipReport = t.strict(reportFields, 'LeadershipReport');
export type LeadershipReport = t.TypeOf<typeof LeadershipReport>;
