import fc from 'fast-check';
import type { AccessLog, ViewRead } from './view-read';
import { daysBetween, listingSpan, listReads, matches } from './access-log-filter';

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
      fc.property(
        fc.constantFrom('a', 'b'),
        fc.constantFrom('history', 'evaluation'),
        fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        fc.option(fc.constantFrom('history', 'evaluation'), { nil: undefined }),
        (actor, view, reader, wanted) => {
          const kept = matches(read(actor, view, {}), {
            ...(reader ? { reader } : {}),
            ...(wanted ? { view: wanted } : {}),
          });
          expect(kept).toBe((reader === undefined || reader === actor) && (wanted === undefined || wanted === view));
        },
      ),
    ));

  it('count the days of a span, both ends included, across months and leap days', () => {
    expect(daysBetween('2026-01-15', '2026-01-15')).toEqual(['2026-01-15']);
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2026-01-16', '2026-01-15')).toEqual([]);
  });
});

describe('the span of a listing', () => {
  const TODAY = '2026-01-15';

  it('is today when nothing is asked, one day when a day or one end is asked, and the days between otherwise', () => {
    expect(listingSpan({}, TODAY)).toEqual({ span: { day: TODAY } });
    expect(listingSpan({ day: '2026-01-02' }, TODAY)).toEqual({ span: { day: '2026-01-02' } });
    expect(listingSpan({ from: '2026-01-02' }, TODAY)).toEqual({ span: { from: '2026-01-02', to: '2026-01-02' } });
    expect(listingSpan({ from: '2026-01-01', to: '2026-01-31' }, TODAY)).toEqual({
      span: { from: '2026-01-01', to: '2026-01-31' },
    });
  });

  it('refuses a span that runs backwards, is longer than a month, or comes with a day', () => {
    expect(listingSpan({ from: '2026-01-16', to: '2026-01-15' }, TODAY)).toEqual({
      refused: 'from (2026-01-16) is after to (2026-01-15)',
    });
    expect(listingSpan({ from: '2026-01-01', to: '2026-02-01' }, TODAY)).toEqual({
      refused: 'a listing covers at most 31 days, asked for 32',
    });
    expect(listingSpan({ day: TODAY, to: TODAY }, TODAY)).toEqual({
      refused: 'ask for one day (day) or a span (from, to), not both',
    });
  });

  it('lists the reads of each day of the span that meet the filter, day by day', async () => {
    const days = new Map([
      ['2026-01-14', [read('a', 'history', {})]],
      ['2026-01-15', [read('b', 'history', {}), read('a', 'evaluation', {})]],
    ]);
    const log: AccessLog = {
      record: async () => undefined,
      readDay: async (day) => days.get(day) ?? [],
      close: async () => undefined,
    };
    expect(await listReads(log, { from: '2026-01-13', to: '2026-01-15' }, { reader: 'a' })).toEqual([
      read('a', 'history', {}),
      read('a', 'evaluation', {}),
    ]);
    expect(await listReads(log, { day: '2026-01-15' })).toHaveLength(2);
  });
});
