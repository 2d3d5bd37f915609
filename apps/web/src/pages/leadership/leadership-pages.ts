import type { RolePage } from '../registry';
import { ProgramReportPage } from './program-report.page';
import { ProgramSharePage } from './program-share.page';

/** Leadership reads the program in counts, dates and durations only (rule 10). */
export const leadershipPages: ReadonlyArray<RolePage> = [
  { path: 'program', label: 'Coaching across the program', component: ProgramSharePage },
  { path: 'program-report', label: 'Program report', component: ProgramReportPage },
];
