import { DomainError, ruleBroken } from '../kernel/domain-error';
import { CoachState } from './coach.decider';

/**
 * The coach a command puts a provider with, and the field that names them: the enrolling coach,
 * or the coach a provider is reassigned to. Other commands put no one on a caseload.
 */
export interface CaseloadCoach {
  readonly coachId: string;
  readonly path: string;
}

/** The coach a command gives a provider to, if it gives one. */
export const caseloadCoachOf = (command: {
  readonly type: string;
  readonly data: unknown;
}): CaseloadCoach | undefined => {
  const data = command.data as Readonly<Record<string, unknown>>;
  if (command.type === 'EnrollProvider') return { coachId: String(data['coachId']), path: 'data.coachId' };
  if (command.type === 'ReassignProvider') return { coachId: String(data['toCoachId']), path: 'data.toCoachId' };
  return undefined;
};

/** A coach counts as verified once a supervisor has verified at least one of their recorded qualifications. */
export const isVerifiedCoach = (coach: CoachState): boolean =>
  coach.registered && [...coach.qualifications.values()].some((qualification) => qualification.verified);

/** What the caseload rule needs to know beyond the provider's own stream. */
export interface CaseloadFacts {
  /** The coach's stream folded (`initialCoachState` for a coach never registered). */
  readonly coach: CoachState;
  /** The guide of the provider's program year; `undefined` when the year or its guide is unknown. */
  readonly guide: { readonly title: string; readonly caseloadNeedsVerifiedCoach?: boolean } | undefined;
}

/**
 * Under a guide that asks for verified coaches (coach quality: a coach's credential, training and
 * competencies are checked before they carry a caseload), a provider goes only to a coach with a
 * verified qualification. A guide that does not ask, or a year whose guide is unknown, lets any
 * coach take the provider, as before.
 */
export const unverifiedCoachRefusal = (taking: CaseloadCoach, facts: CaseloadFacts): DomainError | undefined => {
  if (facts.guide?.caseloadNeedsVerifiedCoach !== true || isVerifiedCoach(facts.coach)) return undefined;
  return ruleBroken(
    'coach-not-verified',
    `Under ${facts.guide.title} a coach takes a caseload only once a supervisor has verified one of their qualifications; ${taking.coachId} has none verified.`,
    taking.path,
  );
};
