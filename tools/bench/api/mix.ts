import { randomUUID } from 'node:crypto';
import type { RequestSpec } from 'autocannon';
import { SeededProgram, sessionBody } from './seed-program';

const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(Math.random() * items.length)]!;

const HELD_ON = ['2025-10-02', '2025-10-09', '2025-10-16', '2025-11-06', '2025-11-13', '2025-12-04'];

/**
 * A coach's working day as requests: four reads (their providers' dosage and timeline, the
 * share, the cycles) for each session they log. Each request is made afresh by a coach of the
 * program on a provider of their own caseload, so the checks run as they do for real users.
 */
export const workdayMix = (program: SeededProgram): RequestSpec[] => {
  const as = (build: (coach: SeededProgram['coaches'][number], providerId: string) => RequestSpec) => ({
    setupRequest: (request: RequestSpec): RequestSpec => {
      const coach = pick(program.coaches);
      const built = build(coach, pick(coach.providerIds));
      return {
        ...request,
        ...built,
        headers: { ...built.headers, authorization: `Bearer ${coach.token}`, 'content-type': 'application/json' },
      };
    },
  });
  return [
    as((_coach, providerId) => ({ method: 'GET', path: `/views/dosage?providerId=${providerId}` })),
    as((_coach, providerId) => ({ method: 'GET', path: `/providers/${providerId}/timeline` })),
    as(() => ({ method: 'GET', path: '/views/share' })),
    as((_coach, providerId) => ({ method: 'GET', path: `/views/cycles?providerId=${providerId}` })),
    as((coach, providerId) => ({
      method: 'POST',
      path: `/providers/${providerId}/sessions`,
      body: JSON.stringify(sessionBody(`s-${randomUUID()}`, coach.coachId, pick(HELD_ON))),
    })),
  ];
};
