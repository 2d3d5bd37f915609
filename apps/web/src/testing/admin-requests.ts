import type { Role } from '@coachline/domain';
import type { WebApi } from './api-process';

/** A request as the admin's Bearer token sends it; throws with the API's answer when refused. */
export const asAdmin = async <A>(api: WebApi, method: 'GET' | 'POST', path: string, body?: unknown): Promise<A> => {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${api.adminToken}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text === '' ? undefined : JSON.parse(text)) as A;
};

/** `POST /accounts`: a new account and the one-time sign-in link (`/#/sign-in-link?code=…`) to hand over. */
export const createAccount = (api: WebApi, id: string, role: Role): Promise<{ readonly signInLink: string }> =>
  asAdmin(api, 'POST', '/accounts', { id, role });

/** The calendar day in UTC, as the API's clock measures dosage months. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

export const daysAfter = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A community running Rooted in Relationships Year 1 (`000`) this school year, a coach, and
 * providers on the coach's caseload enrolled on the year's first day: what a coach's pages need.
 */
export const seedProgram = async (
  api: WebApi,
  { coachId, providerIds }: { readonly coachId: string; readonly providerIds: ReadonlyArray<string> },
): Promise<void> => {
  const today = todayUtc();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 7 ? 1 : 0);
  const startsOn = `${year}-07-01`;
  await asAdmin(api, 'POST', '/communities/kent/registration', { name: 'Kent County', kind: 'county' });
  await asAdmin(api, 'POST', '/communities/kent/program-years', {
    programYearId: `py-${year}`,
    guideId: 'rir-year-1',
    startsOn,
    endsOn: `${year + 1}-06-30`,
  });
  await asAdmin(api, 'POST', `/coaches/${coachId}/registration`, {
    communityId: 'kent',
    name: 'Dana Ruiz',
    role: 'coach',
  });
  for (const [index, providerId] of providerIds.entries())
    await asAdmin(api, 'POST', `/providers/${providerId}/enrollment`, {
      communityId: 'kent',
      programYearId: `py-${year}`,
      name: `Provider ${index + 1}`,
      site: { siteId: `site-${index + 1}`, name: `Maple Street Center ${index + 1}`, setting: 'center' },
      agesServed: ['preschool'],
      coachId,
      enrolledOn: startsOn,
    });
};

/** The types of the events in a stream, oldest first, as an auditor's read of it lists them. */
export const streamEventTypes = async (api: WebApi, stream: string): Promise<string[]> => {
  const history = await asAdmin<{ events: ReadonlyArray<{ type: string }> }>(api, 'GET', `/streams/${stream}`);
  return history.events.map((event) => event.type);
};
