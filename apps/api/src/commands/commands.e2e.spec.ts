import { findCommandDefinition } from '@coachline/domain';
import { describeApiOnEachEngine } from '../testing/engines';
import {
  agreementFamily,
  closingFamily,
  coachFamily,
  communityFamily,
  pathOf,
  ProgramStep,
  providerFamily,
  screeningFamily,
  teamFamily,
} from '../testing/program-script';
import type { TestApi } from '../testing/test-api';
import { commandRoutes } from './command-routes';

const families: ReadonlyArray<[string, ReadonlyArray<ProgramStep>]> = [
  ['community', communityFamily],
  ['coach', coachFamily],
  ['team', teamFamily],
  ['provider', providerFamily],
  ['agreement', agreementFamily],
  ['screening', screeningFamily],
  ['closing provider', closingFamily],
];

describeApiOnEachEngine('command routes', (open) => {
  let api: TestApi;
  let admin: string;
  beforeAll(async () => {
    api = await open();
    admin = await api.token('admin', 'admin-1');
  });

  it.each(families)('records every command of the %s family through its route', async (_family, steps) => {
    for (const { type, id, body } of steps) {
      const before = await api.store.headPosition();
      const response = await api.http().post(pathOf(type, id)).set('Authorization', `Bearer ${admin}`).send(body);
      expect({ type, status: response.status, body: response.body }).toEqual({
        type,
        status: 201,
        body: expect.any(Object),
      });
      const produced = response.body.events.map((e: { type: string }) => e.type);
      expect(produced.every((t: string) => findCommandDefinition(type)!.produces.includes(t))).toBe(true);
      expect(response.body.position).toBeGreaterThan(before);
      expect(response.headers['etag']).toBe(`"${response.body.revision}"`);
      const [stored] = await collect(api.store.readStream(response.body.stream, { from: response.body.revision }));
      expect(stored).toMatchObject({ type: produced.at(-1), metadata: { actor: { id: 'admin-1', role: 'admin' } } });
    }
  });

  it('sent every command of the catalogue through its own route', () => {
    const sent = new Set(families.flatMap(([, steps]) => steps.map((s) => s.type)));
    expect(commandRoutes.filter((route) => !sent.has(route.type)).map((r) => r.type)).toEqual([]);
  });

  it('records the actor, the issue time and the correlation id in the events, under time-ordered ids', async () => {
    const response = await api
      .http()
      .post(pathOf('LogSession', 'p-2'))
      .set('Authorization', `Bearer ${await api.token('admin', 'admin-1')}`)
      .set('X-Correlation-Id', 'corr-from-client')
      .send({ ...sessionOf('s-20'), coachId: 'c-2' });
    expect([response.status, response.body]).toEqual([201, expect.any(Object)]);
    expect(response.headers['x-correlation-id']).toBe('corr-from-client');
    const [event] = await collect(api.store.readStream('provider-p-2', { from: response.body.revision }));
    expect(event?.metadata).toMatchObject({
      actor: { id: 'admin-1', role: 'admin' },
      recordedAt: '2026-01-15T12:00:00.000Z',
      correlationId: 'corr-from-client',
    });
    // A UUID of version 7 (RFC 9562), so that the store's index of event ids grows at its end.
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

const sessionOf = (sessionId: string) => ({
  sessionId,
  heldOn: '2025-10-01',
  durationMinutes: 30,
  kind: 'coaching-conversation',
  mode: 'virtual',
  agendaUsed: false,
  practices: [],
  strategies: [],
});

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};
