import { command, deciderSpec } from '../testing';
import { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import { TeamSessionLoggedData } from './team-session-logged';
import { TeamEvent } from './team.events';
import { membershipChanged, teamId, teamRegistered, teamSessionLogged } from './team.fixtures';

const spec = deciderSpec(teamDecider);

const log = (changes: Partial<TeamSessionLoggedData>, issuedAt?: string) =>
  command<TeamCommand>('LogTeamSession', { ...teamSessionLogged.data, ...changes }, issuedAt ? { issuedAt } : {});
const change = (data: Partial<(typeof membershipChanged)['data']>) =>
  command<TeamCommand>('ChangeTeamMembership', { ...membershipChanged.data, ...data });

describe('team decider', () => {
  describe('RegisterTeam', () => {
    const register = command<TeamCommand>('RegisterTeam', teamRegistered.data);
    it('registers a team with its members', () => spec.given([]).when(register).then([teamRegistered]));
    it('refuses a second registration', () =>
      spec.given([teamRegistered]).when(register).thenFails('team-already-registered', ['data.teamId']));
    it('refuses a member listed twice', () =>
      spec
        .given([])
        .when(
          command<TeamCommand>('RegisterTeam', {
            ...teamRegistered.data,
            members: [...teamRegistered.data.members, { memberId: 'm-1', role: 'Principal' }],
          }),
        )
        .thenFails('member-listed-twice', ['data.members']));
    it('refuses a registration dated after the command was sent (rule 2)', () =>
      spec
        .given([])
        .when(command<TeamCommand>('RegisterTeam', { ...teamRegistered.data, registeredOn: '2025-09-30' }))
        .thenFails('team-registered-in-future', ['data.registeredOn']));
  });

  describe('before registration', () => {
    it('refuses anything else', () => spec.given([]).when(log({})).thenFails('team-not-registered', ['data.teamId']));
  });

  describe('ChangeTeamMembership', () => {
    it('records members joining and leaving', () =>
      spec.given([teamRegistered]).when(change({})).then([membershipChanged]));
    it('refuses a member leaving who is not on the team', () =>
      spec
        .given([teamRegistered])
        .when(change({ left: ['m-9'] }))
        .thenFails('not-a-member', ['data.left']));
    it('refuses a member joining who is already on it', () =>
      spec
        .given([teamRegistered])
        .when(change({ joined: [{ memberId: 'm-1', role: 'Director' }], left: [] }))
        .thenFails('already-a-member', ['data.joined']));
    it('refuses emptying the team', () =>
      spec
        .given([teamRegistered])
        .when(change({ joined: [], left: ['m-1', 'm-2'] }))
        .thenFails('team-emptied', ['data.left']));
    it('refuses a change with nobody joining or leaving', () =>
      spec
        .given([teamRegistered])
        .when(change({ joined: [], left: [] }))
        .thenFails('empty-membership-change', ['data.joined']));
    it('refuses a change dated before registration', () =>
      spec
        .given([teamRegistered])
        .when(change({ changedOn: '2025-07-31' }))
        .thenFails('membership-change-before-registration', ['data.changedOn']));
    it('refuses a change dated before the last one', () =>
      spec
        .given([teamRegistered, membershipChanged])
        .when(change({ joined: [{ memberId: 'm-4', role: 'Teacher' }], left: [], changedOn: '2025-09-05' }))
        .thenFails('membership-change-out-of-order', ['data.changedOn']));
  });

  describe('AssignTeamCoach', () => {
    const assign = (coachId: string, assignedOn = '2025-09-01') =>
      command<TeamCommand>('AssignTeamCoach', { teamId, coachId, assignedOn });
    it('gives the team a new coach', () =>
      spec
        .given([teamRegistered])
        .when(assign('c-07'))
        .then([{ type: 'TeamCoachAssigned', data: { teamId, coachId: 'c-07', assignedOn: '2025-09-01' } }]));
    it('refuses the coach the team already has', () =>
      spec.given([teamRegistered]).when(assign('c-03')).thenFails('same-coach', ['data.coachId']));
    it('refuses an assignment dated before registration', () =>
      spec
        .given([teamRegistered])
        .when(assign('c-07', '2025-07-01'))
        .thenFails('coach-assignment-before-registration', ['data.assignedOn']));
  });

  describe('LogTeamSession', () => {
    it('logs coaching held in person in the setting', () =>
      spec.given([teamRegistered]).when(log({})).then([teamSessionLogged]));
    it('refuses coaching outside the setting: that is consultation', () =>
      spec
        .given([teamRegistered])
        .when(log({ inSetting: false }))
        .thenFails('coaching-outside-setting', ['data.contact']));
    it('refuses virtual coaching: coaching happens on site', () =>
      spec
        .given([teamRegistered])
        .when(log({ mode: 'virtual' }))
        .thenFails('coaching-not-on-site', ['data.mode']));
    it('logs a virtual consultation outside the setting', () => {
      const data = {
        ...teamSessionLogged.data,
        contact: 'consultation' as const,
        inSetting: false,
        mode: 'virtual' as const,
      };
      spec
        .given([teamRegistered])
        .when(log(data))
        .then([{ type: 'TeamSessionLogged', data }]);
    });
    it('refuses a session held before registration', () =>
      spec
        .given([teamRegistered])
        .when(log({ heldOn: '2025-07-31' }))
        .thenFails('session-before-registration', ['data.heldOn']));
    it('refuses a session dated after the command was sent (rule 2)', () =>
      spec
        .given([teamRegistered])
        .when(log({ heldOn: '2025-09-05' }, '2025-09-03T22:30:00.000Z'))
        .thenFails('session-in-future', ['data.heldOn']));
    it('refuses a session id already logged', () =>
      spec
        .given([teamRegistered, teamSessionLogged])
        .when(log({}))
        .thenFails('session-already-logged', ['data.sessionId']));
    it('refuses someone present who was not a member that day', () =>
      spec
        .given([teamRegistered, membershipChanged])
        .when(log({ heldOn: '2025-09-08', membersPresent: ['m-3'] }))
        .thenFails('not-a-member', ['data.membersPresent']));
    it('counts a member who later left as present before they left', () => {
      const data = { ...teamSessionLogged.data, heldOn: '2025-09-08', membersPresent: ['m-2'] };
      spec
        .given([teamRegistered, membershipChanged])
        .when(log(data))
        .then([{ type: 'TeamSessionLogged', data }]);
    });
    it('refuses a member who left, after they left', () =>
      spec
        .given([teamRegistered, membershipChanged])
        .when(log({ heldOn: '2025-09-12', membersPresent: ['m-2'] }))
        .thenFails('not-a-member', ['data.membersPresent']));
  });

  describe('VoidTeamSession', () => {
    const voiding = command<TeamCommand>('VoidTeamSession', { teamId, sessionId: 'ts-1', reason: 'Logged twice.' });
    const voided: TeamEvent = {
      type: 'TeamSessionVoided',
      data: { teamId, sessionId: 'ts-1', reason: 'Logged twice.' },
    };
    it('voids a logged session', () => spec.given([teamRegistered, teamSessionLogged]).when(voiding).then([voided]));
    it('refuses a session never logged', () =>
      spec.given([teamRegistered]).when(voiding).thenFails('unknown-session', ['data.sessionId']));
    it('refuses voiding twice', () =>
      spec
        .given([teamRegistered, teamSessionLogged, voided])
        .when(voiding)
        .thenFails('session-already-voided', ['data.sessionId']));
  });

  describe('SetCoachingServiceDeliveryPlan', () => {
    const plan = {
      teamId,
      coachId: 'c-03',
      setOn: '2025-08-15',
      coachingType: 'systems' as const,
      minutesPerMonth: 120,
      frequency: 'every two weeks',
      focus: ['Tier 1 data review'],
      reviewOn: '2026-01-15',
    };
    it('sets the plan', () =>
      spec
        .given([teamRegistered])
        .when(command<TeamCommand>('SetCoachingServiceDeliveryPlan', plan))
        .then([{ type: 'CoachingServiceDeliveryPlanSet', data: plan }]));
    it('refuses a review on or before the day the plan is set', () =>
      spec
        .given([teamRegistered])
        .when(command<TeamCommand>('SetCoachingServiceDeliveryPlan', { ...plan, reviewOn: '2025-08-15' }))
        .thenFails('review-before-plan', ['data.reviewOn']));
    it('refuses a plan set before registration', () =>
      spec
        .given([teamRegistered])
        .when(command<TeamCommand>('SetCoachingServiceDeliveryPlan', { ...plan, setOn: '2025-07-01' }))
        .thenFails('plan-before-registration', ['data.setOn']));
  });

  describe('RecordCoachingEffectiveness', () => {
    const measured = { teamId, recordedOn: '2025-09-10', measure: 'TFI Tier 1', percent: 70 };
    it('records the measure', () =>
      spec
        .given([teamRegistered])
        .when(command<TeamCommand>('RecordCoachingEffectiveness', measured))
        .then([{ type: 'CoachingEffectivenessRecorded', data: measured }]));
    it('refuses a measure dated after the command was sent (rule 2)', () =>
      spec
        .given([teamRegistered])
        .when(command<TeamCommand>('RecordCoachingEffectiveness', { ...measured, recordedOn: '2025-10-01' }))
        .thenFails('effectiveness-in-future', ['data.recordedOn']));
  });
});
