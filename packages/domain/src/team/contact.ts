import * as t from 'io-ts';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { oneOf } from '../kernel/primitives';

/**
 * The one place that tells training, coaching and consultation apart (`004`). Training builds
 * knowledge away from the work; coaching is support in the setting where the team or provider
 * implements, about what the coach saw there; consultation is support outside it, about what the
 * coach did not see.
 */
export const TeamContact = oneOf('TeamContact', 'training', 'coaching', 'consultation');
/** `TeamContact` as decoded. */
export type TeamContact = t.TypeOf<typeof TeamContact>;

/** Only coaching counts toward a team's dosage; training and consultation are shown but never counted. */
export const countsTowardTeamDosage = (contact: TeamContact): boolean => contact === 'coaching';

/** What a contact's rule needs to know of it. */
export interface ContactFacts {
  readonly contact: TeamContact;
  readonly inSetting: boolean;
  readonly mode: string;
}

/**
 * Why a team contact cannot be what it says it is, if it cannot: coaching held outside the
 * setting is consultation, and coaching held virtually is not in the setting.
 */
export const teamContactRefusal = (facts: ContactFacts): DomainError | undefined => {
  if (facts.contact !== 'coaching') return undefined;
  if (!facts.inSetting)
    return ruleBroken(
      'coaching-outside-setting',
      'Coaching is support in the setting where the team implements; outside the setting it is consultation.',
      'data.contact',
    );
  if (facts.mode === 'virtual')
    return ruleBroken(
      'coaching-not-on-site',
      'Coaching happens on site, in the setting; a virtual contact is consultation.',
      'data.mode',
    );
  return undefined;
};

/** True when a session of this kind and mode could not have been held: an observation is made on site. */
export const isVirtualObservation = (kind: string | undefined, mode: string | undefined): boolean =>
  kind === 'observation' && mode === 'virtual';

/** The refusal of a virtual observation, naming the field of the mode at `path`. */
export const virtualObservationRefusal = (
  kind: string | undefined,
  mode: string | undefined,
  path: string,
): DomainError | undefined =>
  isVirtualObservation(kind, mode)
    ? ruleBroken(
        'observation-not-on-site',
        'An observation is made on site, in the setting; it cannot be virtual.',
        path,
      )
    : undefined;
