import { command, deciderSpec } from '../testing';
import { ConcernRaisedBy, ConcernRaisedWith } from './agreement-concern-raised';
import { AgreementCommand } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import { AgreementEvent } from './agreement.events';

const spec = deciderSpec(agreementDecider);

const drafted: AgreementEvent = {
  type: 'AgreementDrafted',
  data: {
    agreementId: 'ag-1',
    providerId: 'p-017',
    coachId: 'c-03',
    practices: ['visual-schedules'],
    visitMode: 'in-person',
    estimatedCycles: 8,
    cadence: 'every-two-weeks',
  },
};
const ended: AgreementEvent = {
  type: 'AgreementEnded',
  data: { agreementId: 'ag-1', on: '2026-05-29', reason: 'Goals reached.' },
};
const concern = (raisedBy: ConcernRaisedBy, raisedWith: ConcernRaisedWith, concernId = 'concern-1') => ({
  agreementId: 'ag-1',
  raisedBy,
  raisedWith,
  concernId,
  summary: 'Visits were cancelled three times.',
});
const raised = (data: ReturnType<typeof concern>): AgreementEvent => ({ type: 'AgreementConcernRaised', data });
const resolution = { agreementId: 'ag-1', concernId: 'concern-1', resolvedOn: '2025-10-10', resolution: 'Tuesdays.' };
const resolved: AgreementEvent = { type: 'AgreementConcernResolved', data: resolution };

describe('concerns about an agreement', () => {
  describe('RaiseAgreementConcern', () => {
    it.each([
      ['coachee', 'coach'],
      ['coachee', 'supervisor'],
      ['coach', 'coachee'],
      ['coach', 'another-coach'],
      ['coach', 'supervisor'],
    ] as const)('records a concern the %s took to the %s', (by, to) =>
      spec
        .given([drafted])
        .when(command<AgreementCommand>('RaiseAgreementConcern', concern(by, to)))
        .then([raised(concern(by, to))]),
    );

    it.each([
      ['coachee', 'coachee'],
      ['coachee', 'another-coach'],
      ['coach', 'coach'],
    ] as const)('refuses a concern the %s took to the %s, whom the agreement does not name', (by, to) =>
      spec
        .given([drafted])
        .when(command<AgreementCommand>('RaiseAgreementConcern', concern(by, to)))
        .thenFails('concern-taken-elsewhere', ['data.raisedWith']),
    );

    it('refuses an id already raised, resolved or not', () => {
      const again = command<AgreementCommand>('RaiseAgreementConcern', concern('coach', 'supervisor'));
      spec
        .given([drafted, raised(concern('coachee', 'coach'))])
        .when(again)
        .thenFails('concern-already-raised', ['data.concernId']);
      spec
        .given([drafted, raised(concern('coachee', 'coach')), resolved])
        .when(again)
        .thenFails('concern-already-raised', ['data.concernId']);
    });

    it('records concerns without an id, as before ids were given, any number of times', () => {
      const data = { agreementId: 'ag-1', raisedBy: 'coach' as const, summary: 'Missed two visits.' };
      spec
        .given([drafted, { type: 'AgreementConcernRaised', data }])
        .when(command<AgreementCommand>('RaiseAgreementConcern', data))
        .then([{ type: 'AgreementConcernRaised', data }]);
    });
  });

  describe('ResolveAgreementConcern', () => {
    const resolve = command<AgreementCommand>('ResolveAgreementConcern', resolution);
    it('resolves a concern raised', () =>
      spec
        .given([drafted, raised(concern('coachee', 'supervisor'))])
        .when(resolve)
        .then([resolved]));
    it('refuses a concern never raised', () =>
      spec
        .given([drafted, raised(concern('coachee', 'supervisor', 'concern-2'))])
        .when(resolve)
        .thenFails('concern-not-raised', ['data.concernId']));
    it('refuses resolving twice', () =>
      spec
        .given([drafted, raised(concern('coachee', 'supervisor')), resolved])
        .when(resolve)
        .thenFails('concern-already-resolved', ['data.concernId']));
    it('refuses a resolution after the agreement ended', () =>
      spec
        .given([drafted, raised(concern('coachee', 'supervisor')), ended])
        .when(resolve)
        .thenFails('agreement-ended', ['data.agreementId']));
    it('refuses an agreement never drafted', () =>
      spec.given([]).when(resolve).thenFails('agreement-not-drafted', ['data.agreementId']));
  });
});
