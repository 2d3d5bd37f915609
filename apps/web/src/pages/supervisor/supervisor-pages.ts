import type { RolePage } from '../registry';
import { CoachCaseloadPage } from './coach-caseload.page';
import { CoachesPage } from './coaches.page';
import { CoachingSystemPage } from './coaching-system.page';
import { QualificationsPage } from './qualifications.page';
import { ReassignPage } from './reassign.page';
import { TeamPage } from './team.page';
import { TeamsPage } from './teams.page';

/** A supervisor's work: the coaches' caseloads, their qualifications, moving providers, teams and the coaching system. */
export const supervisorPages: ReadonlyArray<RolePage> = [
  { path: 'coaches', label: 'Coaches', component: CoachesPage },
  { path: 'coaches/:coachId', component: CoachCaseloadPage },
  { path: 'qualifications', label: 'Qualifications', component: QualificationsPage },
  { path: 'reassign', label: 'Reassign a provider', component: ReassignPage },
  { path: 'teams', label: 'Teams', component: TeamsPage },
  { path: 'teams/:teamId', component: TeamPage },
  { path: 'coaching-system', label: 'Coaching system', component: CoachingSystemPage },
];
