import type { RolePage } from '../registry';
import { CaseloadPage } from './caseload.page';
import { DuePage } from './due.page';
import { LogSessionPage } from './log-session.page';
import { ProviderPage } from './provider.page';

/** A coach's week: the caseload, what is due, logging sessions, and each provider's record. */
export const coachPages: ReadonlyArray<RolePage> = [
  { path: 'caseload', label: 'My caseload', component: CaseloadPage },
  { path: 'due', label: 'Due', component: DuePage },
  { path: 'sessions/new', label: 'Log a session', component: LogSessionPage },
  { path: 'providers/:providerId', component: ProviderPage },
];
