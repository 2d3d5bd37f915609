import { Role } from '@coachline/domain';
import { describeApiOnEachEngine } from '../testing/engines';
import { pathOf, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';
import { commandGrants, CommandType, viewGrants, ViewName } from './grants';

/** The route each view is read at, with the parameters it needs. */
const VIEW_ROUTES: ReadonlyArray<[ViewName, string]> = [
  ['dosage', '/views/dosage'],
  ['timeline', '/views/timeline'],
  ['timeline', '/providers/p-1/timeline'],
  ['cycles', '/views/cycles'],
  ['share', '/views/share'],
  ['evaluation', '/views/evaluation'],
  ['history', '/views/history?stream=provider-p-1'],
  ['history', '/streams/provider-p-1'],
  ['debriefs', '/providers/p-1/debriefs'],
  ['plans', '/providers/p-1/plans'],
  ['coaching-log', '/providers/p-1/coaching-log'],
  ['access-log', '/access-log'],
  ['caseload', '/providers'],
  ['due', '/due'],
];

const forbiddenCommands = Role.values.flatMap((role) =>
  (Object.keys(commandGrants) as CommandType[])
    .filter((type) => commandGrants[type][role] === undefined)
    .map((type) => [role, type] as const),
);
const forbiddenReads = Role.values.flatMap((role) =>
  VIEW_ROUTES.filter(([view]) => viewGrants[view][role] === undefined).map(([, path]) => [role, path] as const),
);
const bodyOf = (type: CommandType) => wholeProgram.find((step) => step.type === type) ?? { id: 'p-1', body: {} };

describeApiOnEachEngine('what each role may do', (open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await open();
    await seed(api, wholeProgram);
  });

  it.each(forbiddenCommands)('a %s may not send %s, and nothing is written', async (role, type) => {
    const head = await api.store.headPosition();
    const { id, body } = bodyOf(type);
    const response = await api
      .http()
      .post(pathOf(type, id))
      .set('Authorization', `Bearer ${await api.token(role, 'someone')}`)
      .send(body);
    expect([response.status, response.body.code]).toEqual([403, 'role-not-allowed']);
    expect(await api.store.headPosition()).toBe(head);
  });

  it.each(forbiddenReads)('a %s may not read %s', async (role, path) => {
    const response = await api
      .http()
      .get(path)
      .set('Authorization', `Bearer ${await api.token(role, 'someone')}`);
    expect([response.status, response.body.code]).toEqual([403, 'role-not-allowed']);
  });

  it('only an admin mints tokens', async () => {
    const asCoach = await api
      .http()
      .post('/tokens')
      .set('Authorization', `Bearer ${await api.token('coach', 'c-1')}`)
      .send({ id: 'c-9', role: 'coach' });
    expect(asCoach.status).toBe(403);
    const asAdmin = await api
      .http()
      .post('/tokens')
      .set('Authorization', `Bearer ${await api.token('admin', 'admin-1')}`)
      .send({ id: 'lead-1', role: 'leadership' });
    expect(asAdmin.status).toBe(201);
    expect(asAdmin.body.actor).toEqual({ id: 'lead-1', role: 'leadership' });
    const share = await api.http().get('/views/share').set('Authorization', `Bearer ${asAdmin.body.token}`);
    expect(share.status).toBe(200);
    const invalid = await api
      .http()
      .post('/tokens')
      .set('Authorization', `Bearer ${await api.token('admin', 'admin-1')}`)
      .send({ id: '', role: 'king' });
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.id', 'body.role']);
  });
});
