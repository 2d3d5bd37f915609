import type { Role } from '@coachline/domain';
import type { ComponentType } from 'react';
import { adminPages } from './admin/admin-pages';
import { auditorPages } from './auditor/auditor-pages';
import { coachPages } from './coach/coach-pages';
import { evaluatorPages } from './evaluator/evaluator-pages';
import { leadershipPages } from './leadership/leadership-pages';
import { observerPages } from './observer/observer-pages';
import { providerPages } from './provider/provider-pages';
import { recordPages } from './record/record-pages';
import { supervisorPages } from './supervisor/supervisor-pages';

/** One page of a role: where it is (below `/#/`), and its label when the navigation lists it. */
export interface RolePage {
  readonly path: string;
  /** Listed in the navigation under this label; a page reached from another (a provider's) has none. */
  readonly label?: string;
  readonly component: ComponentType;
}

/**
 * The pages each role opens. The API decides what each role may read and do; this only decides
 * which pages are worth offering. The first labelled page is where a signed-in person lands; every
 * role that may send a command has the Record page.
 */
export const PAGES_BY_ROLE: Readonly<Record<Role, ReadonlyArray<RolePage>>> = {
  coach: [...coachPages, ...recordPages],
  admin: [...adminPages, ...recordPages],
  supervisor: [...supervisorPages, ...recordPages],
  observer: [...observerPages, ...recordPages],
  evaluator: evaluatorPages,
  leadership: leadershipPages,
  auditor: auditorPages,
  provider: [...providerPages, ...recordPages],
};

export const landingPath = (role: Role): string | undefined =>
  PAGES_BY_ROLE[role].find((page) => page.label !== undefined)?.path;
