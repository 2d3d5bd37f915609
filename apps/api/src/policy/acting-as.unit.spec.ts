import type { Actor, CoachlineCommand } from '@coachline/domain';
import { actingAsAnother } from './acting-as';

const command = (type: string, data: Record<string, unknown>) =>
  ({
    type,
    data,
    metadata: {
      actor: { id: 'x', role: 'admin' },
      issuedAt: '2026-01-15T12:00:00.000Z',
      commandId: 'c',
      correlationId: 'c',
    },
  }) as unknown as CoachlineCommand;
const coach: Actor = { id: 'c-1', role: 'coach' };
const provider: Actor = { id: 'p-1', role: 'provider' };

describe('recording in one’s own name', () => {
  it('lets a coach log their own session, not another coach’s', () => {
    expect(actingAsAnother(coach, command('LogSession', { coachId: 'c-1' }))).toBeUndefined();
    expect(actingAsAnother(coach, command('LogSession', { coachId: 'c-2' }))?.errors[0]?.path).toBe('body.coachId');
  });

  it('lets each party sign only as itself, in its own name', () => {
    expect(actingAsAnother(provider, command('SignAgreement', { party: 'coachee', signedBy: 'p-1' }))).toBeUndefined();
    expect(
      actingAsAnother(provider, command('SignAgreement', { party: 'supervisor', signedBy: 'p-1' }))?.errors[0]?.path,
    ).toBe('body.party');
    expect(actingAsAnother(coach, command('SignAgreement', { party: 'coach', signedBy: 'c-9' }))?.errors[0]?.path).toBe(
      'body.signedBy',
    );
    expect(
      actingAsAnother(
        { id: 'sup-1', role: 'supervisor' },
        command('SignAgreement', { party: 'supervisor', signedBy: 'sup-1' }),
      ),
    ).toBeUndefined();
  });

  it('has a provider raise a concern as the coachee', () => {
    expect(actingAsAnother(provider, command('RaiseAgreementConcern', { raisedBy: 'coach' }))?.code).toBe(
      'acting-as-another',
    );
    expect(actingAsAnother(provider, command('RaiseAgreementConcern', { raisedBy: 'coachee' }))).toBeUndefined();
  });

  it('lets an admin record on anyone’s behalf', () => {
    expect(
      actingAsAnother({ id: 'admin-1', role: 'admin' }, command('SignAgreement', { party: 'coach', signedBy: 'c-1' })),
    ).toBeUndefined();
  });
});
