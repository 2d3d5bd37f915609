import { TeamEvent } from './team.events';

export const teamId = 'dit-kent';

export const teamRegistered = {
  type: 'TeamRegistered',
  data: {
    teamId,
    communityId: 'kent',
    level: 'district',
    name: 'Kent District Implementation Team',
    coachId: 'c-03',
    registeredOn: '2025-08-01',
    members: [
      { memberId: 'm-1', role: 'Director' },
      { memberId: 'm-2', role: 'MTSS coordinator' },
    ],
  },
} satisfies TeamEvent;

export const teamSessionLogged = {
  type: 'TeamSessionLogged',
  data: {
    teamId,
    sessionId: 'ts-1',
    coachId: 'c-03',
    heldOn: '2025-09-03',
    durationMinutes: 90,
    contact: 'coaching',
    inSetting: true,
    mode: 'in-person',
    membersPresent: ['m-1', 'm-2'],
    nextSteps: ['Draft the Tier 1 data review schedule.'],
  },
} satisfies TeamEvent;

export const membershipChanged = {
  type: 'TeamMembershipChanged',
  data: { teamId, joined: [{ memberId: 'm-3', role: 'School psychologist' }], left: ['m-2'], changedOn: '2025-09-10' },
} satisfies TeamEvent;
