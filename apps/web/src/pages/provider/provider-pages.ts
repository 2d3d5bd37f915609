import type { RolePage } from '../registry';
import { MyCoachingPage } from './my-coaching.page';

/** A provider reads what their coach shares with them: plan, sessions, debriefs, cycles. */
export const providerPages: ReadonlyArray<RolePage> = [
  { path: 'my-coaching', label: 'My coaching', component: MyCoachingPage },
];
