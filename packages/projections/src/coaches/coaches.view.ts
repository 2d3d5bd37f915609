import * as t from 'io-ts';
import { Id, Instant, LocalDate, Table } from '@coachline/domain';
import type { ById } from '../by-id';

/** A qualification as a supervisor reads it: what the coach stated, and who vouched for it and when. */
export const CoachQualificationRow = t.type(
  {
    qualificationId: Id,
    credential: t.string,
    pathway: t.union([t.string, t.null]),
    trainingContent: t.array(t.string),
    competencies: t.array(t.string),
    /** The UTC day the qualification was recorded. */
    recordedOn: LocalDate,
    verified: t.boolean,
    verifiedBy: t.union([Id, t.null]),
    verifiedOn: t.union([LocalDate, t.null]),
  },
  'CoachQualificationRow',
);
export type CoachQualificationRow = t.TypeOf<typeof CoachQualificationRow>;

/** A registered coach with their qualifications; `verified` once any of them is. */
export const CoachRow = t.type(
  {
    coachId: Id,
    communityId: Id,
    name: t.string,
    role: t.string,
    verified: t.boolean,
    qualifications: t.array(CoachQualificationRow),
    /** Sessions the coach held, as logged and corrected, voided ones left out. */
    sessions: t.number,
    minutes: t.number,
    /** `minutes` in hours, to one decimal. */
    hours: t.number,
    /** Coachees' surveys about their coaching with this coach. */
    feedbackSurveys: t.number,
    /** The coaching-quality measure: the surveys' mean rating (1 to 5) to one decimal; `null` without any. */
    meanRating: t.union([t.number, t.null]),
  },
  'CoachRow',
);
export type CoachRow = t.TypeOf<typeof CoachRow>;

/** The coaches of the program (or of one community) as supervisors read them, by coach id. */
export const CoachesView = t.type({ asOf: Instant, coaches: t.array(CoachRow) }, 'CoachesView');
export type CoachesView = t.TypeOf<typeof CoachesView>;

export interface QualificationEntry {
  credential: string;
  pathway: string | null;
  trainingContent: string[];
  competencies: string[];
  recordedOn: string;
  verifiedBy: string | null;
  verifiedOn: string | null;
}

export interface CoachEntry {
  communityId: string;
  name: string;
  role: string;
  qualifications: ById<QualificationEntry>;
}

export interface SessionEntry {
  coachId: string;
  minutes: number;
  voided: boolean;
}

export interface FeedbackEntry {
  coachId: string;
  rating: number;
}

/**
 * What the fold keeps: each registered coach by id, their qualifications by id; by provider, each
 * session's coach and minutes and each survey's coach and rating, so a correction or a void finds
 * its session.
 */
export interface CoachesState {
  coaches: Table<CoachEntry>;
  sessions: Table<ById<SessionEntry>>;
  feedback: Table<ById<FeedbackEntry>>;
}
