import fc from 'fast-check';
import { TimelineStatus, TimelineView } from '../timeline/timeline.view';
import { byUrgency, DEFAULT_DUE_STATUSES, DueFilter, dueList, DueRow } from './due-list';
import { kentDueHistory, kentTimelineOn } from './due.fixtures';

const STATUSES: ReadonlyArray<TimelineStatus> = ['upcoming', 'due', 'overdue', 'done', 'not-applicable'];

// The timelines of Kent's year on each day of a span around it, folded once for every run.
const events = kentDueHistory();
const timelines = new Map<string, TimelineView>();
const timelineOn = (day: string): TimelineView => {
  let view = timelines.get(day);
  if (view === undefined) timelines.set(day, (view = kentTimelineOn(day, events)));
  return view;
};
const days = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2025, 5, 25) + n * 86_400_000).toISOString().slice(0, 10));

const filters: fc.Arbitrary<DueFilter> = fc.record(
  {
    coachId: fc.constantFrom('c-03', 'c-04', 'c-99'),
    communityId: fc.constantFrom('kent', 'ottawa'),
    providerId: fc.constantFrom('p-017', 'p-020', 'p-404'),
    statuses: fc.subarray([...STATUSES], { minLength: 1 }),
    requirement: fc.constantFrom(
      'dosage',
      'dosage-2025-10',
      'demographic-survey',
      'asq-se2',
      'asq-se2-distributed',
      'asq-se2-distributed-preschool',
      'evaluation-consent',
    ),
    withinDays: fc.integer({ min: 0, max: 60 }),
  },
  { requiredKeys: [] },
);

/** The guide's requirements with a line per age group served or per screening, named by a suffix after the id. */
const SUFFIXED = new Set(['asq-se2-distributed', 'asq-se2-scored', 'asq-se2-follow-up']);

/** The same rule written out plainly, requirement by requirement. */
const meets = (filter: DueFilter, row: DueRow): boolean => {
  if (!(filter.statuses ?? DEFAULT_DUE_STATUSES).includes(row.status)) return false;
  if (filter.coachId !== undefined && row.coachId !== filter.coachId) return false;
  if (filter.communityId !== undefined && row.communityId !== filter.communityId) return false;
  if (filter.providerId !== undefined && row.providerId !== filter.providerId) return false;
  if (filter.requirement !== undefined) {
    const bare = row.month === null ? row.requirementId : row.requirementId.slice(0, -'-YYYY-MM'.length);
    const suffixed = SUFFIXED.has(filter.requirement) && row.requirementId.startsWith(`${filter.requirement}-`);
    if (bare !== filter.requirement && row.requirementId !== filter.requirement && !suffixed) return false;
  }
  if (filter.withinDays !== undefined) {
    if (row.status === 'overdue') return true;
    if (row.status !== 'due' && row.status !== 'upcoming') return false;
    return row.days! <= filter.withinDays;
  }
  return true;
};

const everyRowOf = (view: TimelineView): DueRow[] => dueList(view, { statuses: STATUSES }).rows;
const keyOf = (row: DueRow) => `${row.providerId}/${row.requirementId}`;

describe('the due list, for any day and any filters', () => {
  it('holds every provider requirement of the timeline, once, with the day count of its status', () => {
    fc.assert(
      fc.property(days, (day) => {
        const view = timelineOn(day);
        const rows = everyRowOf(view);
        const requirements = view.providers.flatMap((p) => p.requirements.map((r) => ({ p, r })));
        expect(rows.map(keyOf).sort()).toEqual(
          requirements.map(({ p, r }) => `${p.providerId}/${r.requirementId}`).sort(),
        );
        for (const { p, r } of requirements) {
          const row = rows.find((x) => keyOf(x) === `${p.providerId}/${r.requirementId}`)!;
          const expected =
            r.status === 'upcoming'
              ? r.opensInDays
              : r.status === 'due'
                ? r.daysLeft
                : r.status === 'overdue' || r.late
                  ? r.daysOverdue
                  : null;
          expect([row.status, row.days, row.coachId]).toEqual([r.status, expected, p.coachId]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is the timeline’s provider requirements filtered the same way', () => {
    fc.assert(
      fc.property(days, filters, (day, filter) => {
        const view = timelineOn(day);
        const listed = dueList(view, filter).rows;
        expect(listed.map(keyOf).sort()).toEqual(
          everyRowOf(view)
            .filter((row) => meets(filter, row))
            .map(keyOf)
            .sort(),
        );
        for (const row of listed) expect(meets(filter, row)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('is in one order whatever order the timeline gives its providers and requirements', () => {
    fc.assert(
      fc.property(days, fc.integer(), (day, seed) => {
        const view = timelineOn(day);
        const shuffle = <T>(items: ReadonlyArray<T>): T[] => {
          let state = seed >>> 0;
          const next = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0);
          return items
            .map((item) => ({ item, key: next() }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        };
        const shuffled: TimelineView = {
          ...view,
          providers: shuffle(view.providers).map((p) => ({ ...p, requirements: shuffle(p.requirements) })),
        };
        expect(dueList(shuffled, { statuses: STATUSES })).toEqual(dueList(view, { statuses: STATUSES }));
      }),
      { numRuns: 60 },
    );
  });

  it('orders by urgency: a total order in which only a row equals itself', () => {
    fc.assert(
      fc.property(days, fc.nat(), fc.nat(), fc.nat(), (day, i, j, k) => {
        const rows = everyRowOf(timelineOn(day));
        fc.pre(rows.length > 0);
        const [a, b, c] = [rows[i % rows.length]!, rows[j % rows.length]!, rows[k % rows.length]!];
        expect(Math.sign(byUrgency(a, b))).toBe(-Math.sign(byUrgency(b, a)) || 0);
        expect(byUrgency(a, b) === 0).toBe(a === b);
        if (byUrgency(a, b) <= 0 && byUrgency(b, c) <= 0) expect(byUrgency(a, c)).toBeLessThanOrEqual(0);
        // The list is sorted: each row before the next, statuses in the order of urgency.
        for (let n = 1; n < rows.length; n++) expect(byUrgency(rows[n - 1]!, rows[n]!)).toBeLessThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('within N days keeps a due or upcoming row exactly when its days are at most N', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 40 }), (day, n) => {
        const view = timelineOn(day);
        const kept = new Set(dueList(view, { statuses: STATUSES, withinDays: n }).rows.map(keyOf));
        for (const row of everyRowOf(view)) {
          const expected =
            row.status === 'overdue' || ((row.status === 'due' || row.status === 'upcoming') && row.days! <= n);
          expect([keyOf(row), kept.has(keyOf(row))]).toEqual([keyOf(row), expected]);
          // The edges: a row at exactly N days is kept, one day more is not.
          if (row.status === 'due' || row.status === 'upcoming') {
            const edge = dueList(view, { statuses: [row.status], withinDays: row.days! }).rows.map(keyOf);
            expect(edge).toContain(keyOf(row));
            if (row.days! > 0)
              expect(
                dueList(view, { statuses: [row.status], withinDays: row.days! - 1 }).rows.map(keyOf),
              ).not.toContain(keyOf(row));
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
