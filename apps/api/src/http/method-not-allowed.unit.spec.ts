import fc from 'fast-check';
import { refusedMethod, servedRoutes, type ServedOperation } from './method-not-allowed';

/** A few routes of the API's kinds: parameters, a path served by two methods, a POST-only path. */
const OPERATIONS: ReadonlyArray<ServedOperation> = [
  { method: 'GET', path: '/views/dosage' },
  { method: 'GET', path: '/views/timeline' },
  { method: 'GET', path: '/providers/{id}/timeline' },
  { method: 'POST', path: '/providers/{id}/sessions' },
  { method: 'POST', path: '/providers/{id}/enrollment' },
  { method: 'GET', path: '/tokens' },
  { method: 'POST', path: '/tokens' },
  { method: 'DELETE', path: '/tokens/{id}' },
  { method: 'GET', path: '/health' },
];

/** The rule as first written: every route's pattern tried on its own. */
const reference = (method: string, path: string): string[] | undefined => {
  const { routes } = servedRoutes(OPERATIONS);
  const methods = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
  const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].sort();
  return methods.size === 0 || allow.includes(method) ? undefined : allow;
};

const SEGMENTS = [
  'views',
  'dosage',
  'timeline',
  'providers',
  'p-1',
  'sessions',
  'tokens',
  'health',
  'Views',
  'x.y',
  '',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

describe('the methods a path is refused', () => {
  const served = servedRoutes(OPERATIONS);

  it('are those of the routes it matches, listed in Allow, HEAD where GET is', () => {
    expect(refusedMethod(served, 'GET', '/providers/p-1/timeline')).toBeUndefined();
    expect(refusedMethod(served, 'HEAD', '/providers/p-1/timeline')).toBeUndefined();
    expect(refusedMethod(served, 'POST', '/providers/p-1/timeline')).toEqual(['GET', 'HEAD']);
    expect(refusedMethod(served, 'GET', '/providers/p-1/sessions/')).toEqual(['POST']);
    expect(refusedMethod(served, 'PUT', '/tokens')).toEqual(['GET', 'HEAD', 'POST']);
    expect(refusedMethod(served, 'DELETE', '/nowhere')).toBeUndefined();
  });

  it('are the same as trying every route on its own, for any method and path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ maxLength: 6 })), { maxLength: 4 }),
        fc.boolean(),
        (method, segments, trailingSlash) => {
          const path = `/${segments.join('/')}${trailingSlash ? '/' : ''}`;
          expect(refusedMethod(served, method, path)).toEqual(reference(method, path));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
