import type { RolePage } from '../registry';
import { ObservationsPage } from './observations.page';

/** An observer schedules, scores and debriefs observations; the API grants them no view to read. */
export const observerPages: ReadonlyArray<RolePage> = [
  { path: 'observations', label: 'Observations', component: ObservationsPage },
];
