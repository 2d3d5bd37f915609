import { type AsqSe2CutoffTable } from '@coachline/domain';
import { InMemoryEventStore } from '@coachline/eventstore';
import { coachFamily, communityFamily, pathOf, providerFamily } from '../testing/program-script';
import { seed } from '../testing/seed';
import { startTestApi, type TestApi } from '../testing/test-api';

/** A made-up table: the publisher's own is licensed, and never part of the project. */
const cutoffs: AsqSe2CutoffTable = { intervals: [{ ageIntervalMonths: 36, monitoringFrom: 50, cutoff: 60 }] };

const withApi = (table: AsqSe2CutoffTable | undefined) => {
  const opened: { api?: TestApi; admin?: string } = {};
  beforeAll(async () => {
    opened.api = await startTestApi(new InMemoryEventStore(), table === undefined ? {} : { asqSe2Cutoffs: table });
    opened.admin = await opened.api.token('admin', 'admin-1');
    await seed(opened.api, [...communityFamily, ...coachFamily, ...providerFamily]);
    for (const [screeningId, ageIntervalMonths] of [
      ['scr-36', 36],
      ['scr-12', 12],
    ] as const)
      await opened.api
        .http()
        .post(pathOf('DistributeAsqSe2', screeningId))
        .set('Authorization', `Bearer ${opened.admin}`)
        .send({ providerId: 'p-1', childRef: `child-${screeningId}`, ageIntervalMonths, distributedOn: '2025-09-10' })
        .expect(201);
  });
  afterAll(() => opened.api?.close());
  return {
    score: (screeningId: string, score: number, zone: string) =>
      opened
        .api!.http()
        .post(pathOf('ScoreAsqSe2', screeningId))
        .set('Authorization', `Bearer ${opened.admin}`)
        .send({ score, zone, scoredOn: '2025-09-24' }),
    head: () => opened.api!.store.headPosition(),
    /** The data of the event a 201 answer recorded, as the store holds it. */
    recorded: async (answer: { body: { stream: string; revision: number } }): Promise<unknown> => {
      for await (const stored of opened.api!.store.readStream(answer.body.stream, { from: answer.body.revision }))
        return stored.data;
      return undefined;
    },
  };
};

describe('ASQ-SE2 zones under a configured cutoff table (COACHLINE_ASQ_SE2_CUTOFFS)', () => {
  const api = withApi(cutoffs);

  it('refuses a zone the table disagrees with, naming body.zone and the zone the table gives; nothing is written', async () => {
    const head = await api.head();
    const response = await api.score('scr-36', 55, 'below-cutoff');
    expect([response.status, response.body]).toEqual([
      422,
      expect.objectContaining({
        code: 'asq-se2-zone-mismatch',
        errors: [{ path: 'body.zone', message: expect.stringContaining('monitoring zone, not below-cutoff') }],
      }),
    ]);
    expect(await api.head()).toBe(head);
  });

  it('refuses a score at an interval the table lacks: its zone cannot be checked', async () => {
    const response = await api.score('scr-12', 20, 'below-cutoff');
    expect([response.status, response.body.code]).toEqual([422, 'asq-se2-interval-not-in-cutoff-table']);
  });

  it('records the zone the table gives', async () => {
    const response = await api.score('scr-36', 61, 'above-cutoff');
    expect([response.status, await api.recorded(response)]).toEqual([
      201,
      expect.objectContaining({ score: 61, zone: 'above-cutoff' }),
    ]);
  });

  it('still answers the screening’s own rules first: a second score is refused as ever', async () => {
    const response = await api.score('scr-36', 10, 'above-cutoff');
    expect([response.status, response.body.code]).toEqual([422, 'screening-already-scored']);
  });
});

describe('ASQ-SE2 zones without a cutoff table', () => {
  const api = withApi(undefined);

  it('records the zone as sent, since there is no table to check it against', async () => {
    const response = await api.score('scr-36', 55, 'below-cutoff');
    expect([response.status, await api.recorded(response)]).toEqual([
      201,
      expect.objectContaining({ score: 55, zone: 'below-cutoff' }),
    ]);
  });
});
