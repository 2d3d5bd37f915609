import { Actor, CoachlineCommand, DomainError, entryOf, forbidden } from '@coachline/domain';

/** The party each role signs or speaks as on a coaching agreement. */
const PARTY_OF_ROLE: Readonly<Partial<Record<Actor['role'], string>>> = {
  coach: 'coach',
  supervisor: 'supervisor',
  provider: 'coachee',
};

const refused = (path: string, message: string): DomainError =>
  forbidden('acting-as-another', message, [{ path, message }]);

/**
 * Whoever is not an admin records in their own name: a coach logs their own sessions and drafts
 * their own agreements, and each party signs an agreement, or raises a concern, only as itself.
 */
export const actingAsAnother = (actor: Actor, command: CoachlineCommand): DomainError | undefined => {
  if (actor.role === 'admin') return undefined;
  const coachId = entryOf(command.data as Record<string, unknown>, 'coachId');
  if (actor.role === 'coach' && typeof coachId === 'string' && coachId !== actor.id && command.type !== 'RegisterCoach')
    return refused('body.coachId', `A coach records their own work: coachId must be ${actor.id}.`);
  const party = entryOf(PARTY_OF_ROLE, actor.role);
  if (command.type === 'SignAgreement') {
    if (command.data.party !== party)
      return refused('body.party', `A ${actor.role} signs only as the ${party ?? 'nobody'} of the agreement.`);
    if (command.data.signedBy !== actor.id)
      return refused('body.signedBy', `A signature is given in one's own name: signedBy must be ${actor.id}.`);
  }
  if (
    command.type === 'RaiseAgreementConcern' &&
    (actor.role === 'coach' || actor.role === 'provider') &&
    command.data.raisedBy !== party
  )
    return refused('body.raisedBy', `A ${actor.role} raises a concern as the ${party}.`);
  return undefined;
};
