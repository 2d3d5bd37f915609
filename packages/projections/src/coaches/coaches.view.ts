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

/** What the fold keeps: each registered coach by id, their qualifications by id. */
export interface CoachesState {
  coaches: Table<CoachEntry>;
}
