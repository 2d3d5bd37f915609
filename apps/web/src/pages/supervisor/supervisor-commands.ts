import type { CommandRoute } from '../../api/commands';

export const VERIFY_QUALIFICATION: CommandRoute = {
  type: 'VerifyCoachQualification',
  collection: 'coaches',
  action: 'qualification-verifications',
};

export const REASSIGN_PROVIDER: CommandRoute = {
  type: 'ReassignProvider',
  collection: 'providers',
  action: 'reassignments',
};
