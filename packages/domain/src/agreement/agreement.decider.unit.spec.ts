import { fold } from '../kernel/decider';
import { command, deciderSpec } from '../testing';
import { AgreementDraftedData } from './agreement-drafted';
import { AgreementParty } from './agreement-signed';
import { AgreementCommand } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import { AgreementEvent } from './agreement.events';

const spec = deciderSpec(agreementDecider);

const draft: AgreementDraftedData = {
  agreementId: 'ag-1',
  providerId: 'p-017',
  coachId: 'c-03',
  practices: ['visual-schedules', 'transition-warnings'],
  visitMode: 'combination',
  estimatedCycles: 8,
  cadence: 'every-two-weeks',
};
const drafted: AgreementEvent = { type: 'AgreementDrafted', data: draft };
const signed = (party: AgreementParty, signedOn: string): Extract<AgreementEvent, { type: 'AgreementSigned' }> => ({
  type: 'AgreementSigned',
  data: { agreementId: 'ag-1', party, signedBy: `${party}-1`, signedOn },
});
/** The coachee signs last, on 2025-09-05: the agreement is active from that day. */
const allSigned = [signed('coach', '2025-09-01'), signed('supervisor', '2025-09-03'), signed('coachee', '2025-09-05')];
const cycle = (
  cycleNumber: number,
  completedOn: string,
): Extract<AgreementEvent, { type: 'CoachingCycleCompleted' }> => ({
  type: 'CoachingCycleCompleted',
  data: { agreementId: 'ag-1', cycleNumber, completedOn, sessionIds: [`s-${cycleNumber}a`, `s-${cycleNumber}b`] },
});
const ended: AgreementEvent = {
  type: 'AgreementEnded',
  data: { agreementId: 'ag-1', on: '2026-05-29', reason: 'Goals reached.' },
};

describe('agreement decider', () => {
  describe('DraftAgreement', () => {
    const draftIt = command<AgreementCommand>('DraftAgreement', draft);
    it('drafts an agreement', () => spec.given([]).when(draftIt).then([drafted]));
    it('drafts an agreement with another stated cadence', () => {
      const other = { ...draft, cadence: { other: 'every three weeks' } };
      spec
        .given([])
        .when(command<AgreementCommand>('DraftAgreement', other))
        .then([{ type: 'AgreementDrafted', data: other }]);
    });
    it('refuses a second draft', () =>
      spec.given([drafted]).when(draftIt).thenFails('agreement-already-drafted', ['data.agreementId']));
  });

  describe('SignAgreement', () => {
    const sign = (party: AgreementParty, signedOn = '2025-09-05') =>
      command<AgreementCommand>('SignAgreement', signed(party, signedOn).data);
    it('records a signature', () =>
      spec
        .given([drafted])
        .when(sign('coach'))
        .then([signed('coach', '2025-09-05')]));
    it('refuses an agreement never drafted', () =>
      spec.given([]).when(sign('coach')).thenFails('agreement-not-drafted', ['data.agreementId']));
    it('refuses a party signing twice', () =>
      spec
        .given([drafted, signed('supervisor', '2025-09-03')])
        .when(sign('supervisor'))
        .thenFails('already-signed', ['data.party']));
    it('refuses a signature after the agreement ended', () =>
      spec.given([drafted, ended]).when(sign('coachee')).thenFails('agreement-ended', ['data.agreementId']));
  });

  describe('activeSince', () => {
    it('is unset until all three parties signed', () =>
      expect(fold(agreementDecider, [drafted, ...allSigned.slice(0, 2)]).activeSince).toBeUndefined());
    it('is the date of the last signature', () =>
      expect(fold(agreementDecider, [drafted, ...allSigned]).activeSince).toBe('2025-09-05'));
    it('is the latest signature date whatever order they were recorded in', () =>
      expect(fold(agreementDecider, [drafted, allSigned[2]!, allSigned[0]!, allSigned[1]!]).activeSince).toBe(
        '2025-09-05',
      ));
  });

  describe('CompleteCoachingCycle', () => {
    const complete = (cycleNumber: number, completedOn: string) =>
      command<AgreementCommand>('CompleteCoachingCycle', cycle(cycleNumber, completedOn).data);
    it('completes the first cycle of an active agreement', () =>
      spec
        .given([drafted, ...allSigned])
        .when(complete(1, '2025-09-19'))
        .then([cycle(1, '2025-09-19')]));
    it('completes a cycle on the day the agreement became active', () =>
      spec
        .given([drafted, ...allSigned])
        .when(complete(1, '2025-09-05'))
        .then([cycle(1, '2025-09-05')]));
    it('completes the next cycle in order', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-09-19')])
        .when(complete(2, '2025-10-03'))
        .then([cycle(2, '2025-10-03')]));
    it('completes the sixteenth cycle', () => {
      const fifteen = Array.from({ length: 15 }, (_, i) => cycle(i + 1, '2025-10-01'));
      spec
        .given([drafted, ...allSigned, ...fifteen])
        .when(complete(16, '2025-10-02'))
        .then([cycle(16, '2025-10-02')]);
    });
    it('refuses an agreement never drafted', () =>
      spec.given([]).when(complete(1, '2025-09-19')).thenFails('agreement-not-drafted', ['data.agreementId']));
    it('refuses an agreement not signed by all three parties', () =>
      spec
        .given([drafted, ...allSigned.slice(0, 2)])
        .when(complete(1, '2025-09-19'))
        .thenFails('agreement-not-active', ['data.agreementId']));
    it('refuses skipping a cycle', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-09-19')])
        .when(complete(3, '2025-10-03'))
        .thenFails('cycle-out-of-order', ['data.cycleNumber']));
    it('refuses repeating a cycle', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-09-19')])
        .when(complete(1, '2025-10-03'))
        .thenFails('cycle-out-of-order', ['data.cycleNumber']));
    it('refuses any cycle after the sixteenth', () => {
      const sixteen = Array.from({ length: 16 }, (_, i) => cycle(i + 1, '2025-10-01'));
      spec
        .given([drafted, ...allSigned, ...sixteen])
        .when(complete(16, '2025-10-02'))
        .thenFails('cycle-out-of-order', ['data.cycleNumber']);
    });
    it('refuses a cycle completed before the agreement was active', () =>
      spec
        .given([drafted, ...allSigned])
        .when(complete(1, '2025-09-04'))
        .thenFails('cycle-before-agreement-active', ['data.completedOn']));
    it('refuses a cycle completed before the previous one', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-10-03')])
        .when(complete(2, '2025-09-19'))
        .thenFails('cycle-before-previous-cycle', ['data.completedOn']));
    it('refuses a cycle after the agreement ended', () =>
      spec
        .given([drafted, ...allSigned, ended])
        .when(complete(1, '2025-09-19'))
        .thenFails('agreement-ended', ['data.agreementId']));
  });

  describe('RaiseAgreementConcern', () => {
    const data = { agreementId: 'ag-1', raisedBy: 'coachee' as const, summary: 'Visits were cancelled three times.' };
    const raise = command<AgreementCommand>('RaiseAgreementConcern', data);
    it('records a concern', () =>
      spec
        .given([drafted, ...allSigned])
        .when(raise)
        .then([{ type: 'AgreementConcernRaised', data }]));
    it('refuses an agreement never drafted', () =>
      spec.given([]).when(raise).thenFails('agreement-not-drafted', ['data.agreementId']));
    it('refuses a concern after the agreement ended', () =>
      spec.given([drafted, ended]).when(raise).thenFails('agreement-ended', ['data.agreementId']));
  });

  describe('EndAgreement', () => {
    const end = (on = ended.data.on) => command<AgreementCommand>('EndAgreement', { ...ended.data, on });
    it('ends an agreement', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-09-19')])
        .when(end())
        .then([ended]));
    it('ends an agreement never signed', () => spec.given([drafted]).when(end()).then([ended]));
    it('refuses an agreement never drafted', () =>
      spec.given([]).when(end()).thenFails('agreement-not-drafted', ['data.agreementId']));
    it('refuses ending twice', () =>
      spec.given([drafted, ended]).when(end()).thenFails('agreement-already-ended', ['data.agreementId']));
    it('refuses an end before the last completed cycle', () =>
      spec
        .given([drafted, ...allSigned, cycle(1, '2025-09-19')])
        .when(end('2025-09-18'))
        .thenFails('agreement-ends-before-last-cycle', ['data.on']));
  });
});
