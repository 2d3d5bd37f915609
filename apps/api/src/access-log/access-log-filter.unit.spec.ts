import fc from 'fast-check';
import type { ViewRead } from './access-log';
import { daysBetween, matches } from './access-log-filter';

const read = (actorId: string, view: string, query: Record<string, string>): ViewRead => ({
  id: 'r-1',
  at: '2026-01-15T09:00:00.000Z',
  actor: { id: actorId, role: 'auditor' },
  view,
  query,
  correlationId: 'corr-1',
});

describe('the access listing’s filters', () => {
  it('find a provider’s reads by provider and by the provider’s stream, and no other', () => {
    expect(matches(read('aud-1', 'history', { stream: 'provider-p-1' }), { subject: 'p-1' })).toBe(true);
    expect(matches(read('ev-1', 'evaluation', { providerId: 'p-1' }), { subject: 'p-1' })).toBe(true);
    expect(matches(read('ev-1', 'evaluation', { communityId: 'kent' }), { subject: 'kent' })).toBe(true);
    expect(matches(read('ev-1', 'evaluation', { providerId: 'p-10' }), { subject: 'p-1' })).toBe(false);
    expect(matches(read('ev-1', 'evaluation', {}), { reader: 'ev-1', view: 'history' })).toBe(false);
  });

  it('keep a read exactly when it meets every filter given', () =>
    fc.assert(
      fc.property(fc.constantFrom('a', 'b'), fc.constantFrom('history', 'evaluation'), fc.option(fc.constantFrom('a', 'b'), { nil: undefined }), fc.option(fc.constantFrom('history', 'evaluation'), { nil: undefined }), (actor, view, reader, wanted) => {
        const kept = matches(read(actor, view, {}), { ...(reader ? { reader } : {}), ...(wanted ? { view: wanted } : {}) });
        expect(kept).toBe((reader === undefined || reader === actor) && (wanted === undefined || wanted === view));
      }),
    ));

  it('count the days of a span, both ends included, across months and leap days', () => {
    expect(daysBetween('2026-01-15', '2026-01-15')).toEqual(['2026-01-15']);
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-01-16', '2026-01-15')).toEqual([]);
  });
});
