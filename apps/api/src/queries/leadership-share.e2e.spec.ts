import fc from 'fast-check';
import type { RecordedEvent } from '@coachline/domain';
import { InMemoryEventStore } from '@coachline/eventstore';
import { identifyingHistory, IdentifyingHistory } from '@coachline/projections/testing';
import { startTestApi, type TestApi } from '../testing/test-api';

/** Every route a reader may ask for; leadership is given the share and refused the rest (rule 10). */
const REFUSED_TO_LEADERSHIP = (providerId: string) => [
  '/views/dosage',
  '/views/timeline',
  '/views/cycles',
  '/views/evaluation',
  `/views/history?stream=provider-${providerId}`,
  `/streams/provider-${providerId}`,
  `/providers/${providerId}/timeline`,
  `/providers/${providerId}/debriefs`,
  `/providers/${providerId}/plans`,
  '/access-log',
];

/** Each run's markers and event ids are its own, so that runs sharing one store cannot mask one another. */
const ownRun = (history: IdentifyingHistory, run: number): IdentifyingHistory => {
  const renamed = JSON.parse(JSON.stringify(history).replaceAll('«', `«r${run}-`)) as IdentifyingHistory;
  return {
    ...renamed,
    events: renamed.events.map((event) => ({ ...event, id: `r${run}-${event.id}` }) as RecordedEvent),
  };
};

describe('what leadership, CCR&R and the state bureau are given by the API', () => {
  let api: TestApi;
  let leadership: string;
  let run = 0;

  beforeAll(async () => {
    api = await startTestApi(new InMemoryEventStore());
    leadership = await api.token('leadership', 'lead-1');
  });
  afterAll(() => api.close());

  it('is the share alone: no note, score, strategy, child data or name of any history reaches it', () =>
    fc.assert(
      fc.asyncProperty(identifyingHistory({ maxProviders: 4, maxEvents: 40 }), async (generated) => {
        const history = ownRun(generated, ++run);
        let position = 0;
        for (const e of history.events)
          ({ lastPosition: position } = await api.store.append(
            e.stream,
            [{ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }],
            'any',
          ));
        const sharable = new Set([...history.providerIds, ...history.goalDescriptions]);
        const answers = [
          await api.http().get(`/views/share?waitForPosition=${position}`).set('Authorization', `Bearer ${leadership}`),
          await api
            .http()
            .get(`/views/share?providerId=${encodeURIComponent(history.providerIds[0]!)}`)
            .set('Authorization', `Bearer ${leadership}`),
        ];
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          const text = answer.text;
          expect(history.secrets.filter((secret) => !sharable.has(secret) && text.includes(secret))).toEqual([]);
          expect(history.scoreValues.filter((value) => text.includes(String(Math.floor(value))))).toEqual([]);
        }
        expect(answers[0]!.body.providers.map((p: { providerId: string }) => p.providerId)).toEqual(
          expect.arrayContaining(history.providerIds),
        );
        for (const path of REFUSED_TO_LEADERSHIP(encodeURIComponent(history.providerIds[0]!))) {
          const refused = await api.http().get(path).set('Authorization', `Bearer ${leadership}`);
          expect([path, refused.status]).toEqual([path, 403]);
          expect(history.secrets.filter((secret) => refused.text.includes(secret))).toEqual([]);
        }
      }),
      { numRuns: 25 },
    ));
});
