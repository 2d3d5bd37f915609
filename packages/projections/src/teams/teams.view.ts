import * as t from 'io-ts';
import { CoachingType, Id, Instant, LocalDate, Month, oneOf, Table, TeamContact, TeamLevel } from '@coachline/domain';
import type { ById } from '../by-id';

/** How a month's coaching stands against the plan: all its minutes, some, or none. */
export const PlanStatus = oneOf('PlanStatus', 'met', 'partly', 'missing');
export type PlanStatus = t.TypeOf<typeof PlanStatus>;

/** The team's coaching service delivery plan in force. */
export const TeamPlanRow = t.type(
  {
    coachingType: CoachingType,
    minutesPerMonth: t.number,
    frequency: t.string,
    focus: t.array(t.string),
    setOn: LocalDate,
    reviewOn: t.union([LocalDate, t.null]),
  },
  'TeamPlanRow',
);
export type TeamPlanRow = t.TypeOf<typeof TeamPlanRow>;

/**
 * One month of a team's contacts. Only coaching minutes count toward the plan; consultation and
 * training minutes are shown beside them and never counted.
 */
export const TeamMonthRow = t.type(
  {
    month: Month,
    coachingMinutes: t.number,
    consultationMinutes: t.number,
    trainingMinutes: t.number,
    sessions: t.number,
    /** Against the plan in force at the month's end; `null` before any plan. */
    planMinutes: t.union([t.number, t.null]),
    status: t.union([PlanStatus, t.null]),
  },
  'TeamMonthRow',
);
export type TeamMonthRow = t.TypeOf<typeof TeamMonthRow>;

/** A measure of the team's implementation on a day. */
export const TeamEffectivenessRow = t.type(
  { measure: t.string, recordedOn: LocalDate, percent: t.number },
  'TeamEffectivenessRow',
);

/** A team as its coach and supervisor read it: who, the plan, each month's contacts and the measures over time. */
export const TeamRow = t.type(
  {
    teamId: Id,
    communityId: Id,
    level: TeamLevel,
    name: t.string,
    coachId: Id,
    /** Members are counted, never named: a team's members are people known by id alone. */
    memberCount: t.number,
    plan: t.union([TeamPlanRow, t.null]),
    months: t.array(TeamMonthRow),
    /** Sessions logged and not voided, of every contact. */
    sessions: t.number,
    lastSessionOn: t.union([LocalDate, t.null]),
    effectiveness: t.array(TeamEffectivenessRow),
  },
  'TeamRow',
);
export type TeamRow = t.TypeOf<typeof TeamRow>;

/** The teams of the program (or of one community), by team id. */
export const TeamsView = t.type({ asOf: Instant, teams: t.array(TeamRow) }, 'TeamsView');
export type TeamsView = t.TypeOf<typeof TeamsView>;

export interface TeamSessionEntry {
  heldOn: string;
  minutes: number;
  contact: TeamContact;
  voided: boolean;
}

export interface TeamPlanEntry {
  coachingType: CoachingType;
  minutesPerMonth: number;
  frequency: string;
  focus: string[];
  setOn: string;
  reviewOn: string | null;
}

export interface TeamEntry {
  communityId: string;
  level: TeamLevel;
  name: string;
  coachId: string;
  members: string[];
  /** Every plan in the order set; the latest set on or before a day is the one in force. */
  plans: TeamPlanEntry[];
  sessions: ById<TeamSessionEntry>;
  effectiveness: Array<{ measure: string; recordedOn: string; percent: number }>;
}

/** What the fold keeps: each registered team by id, with its sessions by id so a void finds its session. */
export interface TeamsState {
  teams: Table<TeamEntry>;
}
