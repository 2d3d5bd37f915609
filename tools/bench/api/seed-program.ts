/** A program to load the API with, sent through the API itself: a community, coaches and their caseloads. */

export interface SeededProgram {
  readonly coaches: ReadonlyArray<{
    readonly coachId: string;
    readonly token: string;
    readonly providerIds: ReadonlyArray<string>;
  }>;
}

const post = async (url: string, token: string, path: string, body: unknown): Promise<{ position: number }> => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { position: number };
};

export const sessionBody = (sessionId: string, coachId: string, heldOn: string) => ({
  sessionId,
  coachId,
  heldOn,
  durationMinutes: 45,
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

/** Registers the community and its year, `coaches` coaches and `providers` providers, each with a few sessions already. */
export const seedProgram = async (
  url: string,
  adminToken: string,
  coaches: number,
  providers: number,
): Promise<SeededProgram> => {
  await post(url, adminToken, '/communities/kent/registration', { name: 'Kent County', kind: 'county' });
  await post(url, adminToken, '/communities/kent/program-years', {
    programYearId: 'py-2025',
    guideId: 'rir-year-1',
    startsOn: '2025-07-01',
    endsOn: '2026-06-30',
  });
  const seeded = [];
  for (let c = 1; c <= coaches; c++) {
    const coachId = `c-${c}`;
    await post(url, adminToken, `/coaches/${coachId}/registration`, {
      communityId: 'kent',
      name: `Coach ${c}`,
      role: 'coach',
    });
    const minted = await fetch(`${url}/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: coachId, role: 'coach' }),
    });
    const { token } = (await minted.json()) as { token: string };
    const providerIds: string[] = [];
    for (let p = c; p <= providers; p += coaches) {
      const providerId = `p-${p}`;
      providerIds.push(providerId);
      await post(url, adminToken, `/providers/${providerId}/enrollment`, {
        communityId: 'kent',
        programYearId: 'py-2025',
        name: `Provider ${p}`,
        site: { siteId: `site-${p}`, name: `Site ${p}`, setting: 'center' },
        agesServed: ['preschool'],
        coachId,
        enrolledOn: '2025-09-01',
      });
      for (let s = 1; s <= 4; s++)
        await post(
          url,
          token,
          `/providers/${providerId}/sessions`,
          sessionBody(`seed-${p}-${s}`, coachId, `2025-09-${String(s * 5).padStart(2, '0')}`),
        );
    }
    seeded.push({ coachId, token, providerIds });
  }
  return { coaches: seeded };
};
