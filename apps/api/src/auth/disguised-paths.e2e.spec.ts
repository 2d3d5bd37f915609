import { Role } from '@coachline/domain';
import { commandGrants, CommandType, viewGrants, ViewName } from '../policy/grants';
import { describeApiOnEachEngine } from '../testing/engines';
import { pathOf, wholeProgram } from '../testing/program-script';
import { seed } from '../testing/seed';
import type { TestApi } from '../testing/test-api';

/** The route each view is read at. */
const VIEW_ROUTES: ReadonlyArray<readonly [ViewName, string]> = [
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
  ['access-log', '/access-log'],
  ['caseload', '/providers'],
];

const splitQuery = (path: string): [string, string] => {
  const at = path.indexOf('?');
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
};

/** Escapes one character the way a client may, `-` as `%2D`, `e` as `%65`. */
const escaped = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The same path spelled the ways a router might read differently from a guard: a segment's case
 * changed, characters percent-encoded (in ids and in route words), an encoded slash, dot segments,
 * doubled or trailing slashes.
 */
const disguises = (path: string): string[] => {
  const [route, query] = splitQuery(path);
  const segments = route.split('/').slice(1);
  const last = segments.length - 1;
  const withSegment = (index: number, value: string) =>
    `/${segments.map((s, i) => (i === index ? value : s)).join('/')}${query}`;
  return [
    withSegment(0, segments[0]![0]!.toUpperCase() + segments[0]!.slice(1)),
    `${route.toUpperCase()}${query}`,
    withSegment(last, segments[last]!.toUpperCase()),
    withSegment(last, escaped(segments[last]![0]!) + segments[last]!.slice(1)),
    withSegment(0, escaped(segments[0]![0]!) + segments[0]!.slice(1)),
    ...segments.map((segment, index) => withSegment(index, segment.replace(/-/g, escaped('-')))),
    `/${segments.join('%2F')}${query}`,
    `/${segments.join('%2f')}${query}`,
    `/${segments.join('/./')}${query}`,
    `/${segments[0]}/x/../${segments.slice(1).join('/')}${query}`,
    `//${segments.join('/')}${query}`,
    `/${segments.join('//')}${query}`,
    `${route}/${query}`,
    `${route}%2F${query}`,
  ];
};

const forbiddenReads = Role.values.flatMap((role) =>
  VIEW_ROUTES.filter(([view]) => viewGrants[view][role] === undefined).map(([, path]) => [role, path] as const),
);
const forbiddenCommands = (role: Role) =>
  (Object.keys(commandGrants) as CommandType[]).filter((type) => commandGrants[type][role] === undefined);
const bodyOf = (type: CommandType) => wholeProgram.find((step) => step.type === type) ?? { id: 'p-1', body: {} };

/**
 * A disguise either reaches the route, and its guard answers 403, or reaches no route at all (404,
 * or 405 where the path names a route of another method). Never an answer, never a 500.
 */
const REFUSED = new Set([403, 404, 405]);
const verdict = (status: number): number | 'refused' => (REFUSED.has(status) ? 'refused' : status);

describeApiOnEachEngine('the role matrix under disguised paths', (open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await open();
    await seed(api, wholeProgram);
  });

  it('lets the disguises that reach a route through for a role that holds the grant, so the refusals below are the guard’s', async () => {
    const admin = await api.token('admin', 'admin-1');
    for (const path of [
      '/Views/evaluation',
      '/views/%65valuation',
      '/views/evaluation/',
      '/providers/p%2D1/debriefs',
      '/PROVIDERS/p-1/DEBRIEFS',
      '/Streams/provider%2Dp-1',
      '/ACCESS-LOG',
    ]) {
      const response = await api.http().get(path).set('Authorization', `Bearer ${admin}`);
      expect([path, response.status]).toEqual([path, 200]);
    }
  });

  it.each(forbiddenReads)('refuses a %s every spelling of %s', async (role, path) => {
    const token = await api.token(role, 'someone');
    for (const disguised of disguises(path)) {
      const response = await api.http().get(disguised).set('Authorization', `Bearer ${token}`);
      expect({
        disguised,
        status: verdict(response.status),
        scores: JSON.stringify(response.body).includes('"scores"'),
      }).toEqual({ disguised, status: 'refused', scores: false });
    }
  });

  it.each(Role.values.filter((role) => forbiddenCommands(role).length > 0))(
    'refuses a %s every spelling of each command it may not send, and writes nothing',
    async (role) => {
      const token = await api.token(role, 'someone');
      const head = await api.store.headPosition();
      for (const type of forbiddenCommands(role)) {
        const { id, body } = bodyOf(type);
        for (const disguised of disguises(pathOf(type, id))) {
          const response = await api.http().post(disguised).set('Authorization', `Bearer ${token}`).send(body);
          expect({ type, disguised, status: verdict(response.status) }).toEqual({ type, disguised, status: 'refused' });
        }
      }
      expect(await api.store.headPosition()).toBe(head);
    },
  );

  it.each(Role.values.filter((role) => role !== 'admin'))(
    'refuses a %s every spelling of the token routes',
    async (role) => {
      const token = await api.token(role, 'someone');
      for (const disguised of disguises('/tokens')) {
        const minting = await api
          .http()
          .post(disguised)
          .set('Authorization', `Bearer ${token}`)
          .send({ id: 'mallory', role: 'admin' });
        expect({ disguised, status: verdict(minting.status) }).toEqual({ disguised, status: 'refused' });
        const listing = await api.http().get(disguised).set('Authorization', `Bearer ${token}`);
        expect({ disguised, status: verdict(listing.status) }).toEqual({ disguised, status: 'refused' });
      }
      for (const disguised of disguises('/tokens/t-1')) {
        const revoking = await api.http().delete(disguised).set('Authorization', `Bearer ${token}`);
        expect({ disguised, status: verdict(revoking.status) }).toEqual({ disguised, status: 'refused' });
      }
    },
  );
});
