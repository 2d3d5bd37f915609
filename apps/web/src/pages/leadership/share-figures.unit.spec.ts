import type { ShareView } from '@coachline/projections';
import fc from 'fast-check';
import { shareFigures } from './share-figures';

const day = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const practice = fc.constantFrom('schedules-routines', 'transitions', 'emotional-literacy', 'problem-solving');

const providerShare = fc.record({
  providerId: fc.constantFrom('p-1', 'p-2', 'p-3'),
  practiceLists: fc.array(
    fc.record({ agreementId: fc.constant('a-1'), practices: fc.array(practice, { maxLength: 3 }) }),
    {
      maxLength: 2,
    },
  ),
  goals: fc.array(
    fc.record({
      goalId: fc.constant('g-1'),
      practice,
      description: fc.constant('Private goal text.'),
      achieved: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  sessions: fc.array(fc.record({ heldOn: day, durationMinutes: fc.integer({ min: 1, max: 240 }) }), { maxLength: 8 }),
  completedCycles: fc.nat({ max: 6 }),
});

const share = fc.record({
  asOf: fc.constant('2025-12-31T00:00:00.000Z'),
  providers: fc.array(providerShare, { maxLength: 5 }),
});

describe('the share summed for leadership', () => {
  it('keeps every minute, visit, cycle and goal of the share, and no provider or goal text', () => {
    fc.assert(
      fc.property(share, (view) => {
        const figures = shareFigures(view as ShareView);
        const sessions = view.providers.flatMap((provider) => provider.sessions);
        expect(figures.months.reduce((sum, month) => sum + month.minutes, 0)).toBe(
          sessions.reduce((sum, session) => sum + session.durationMinutes, 0),
        );
        expect(figures.months.reduce((sum, month) => sum + month.visits, 0)).toBe(sessions.length);
        expect(figures.cyclesCompleted).toBe(
          view.providers.reduce((sum, provider) => sum + provider.completedCycles, 0),
        );
        expect(figures.goals.set).toBe(view.providers.reduce((sum, provider) => sum + provider.goals.length, 0));
        expect(figures.months.map((month) => month.month)).toEqual(
          [...new Set(sessions.map((s) => s.heldOn.slice(0, 7)))].sort(),
        );
        const shown = JSON.stringify(figures);
        expect(shown).not.toMatch(/p-\d/);
        expect(shown).not.toContain('Private goal text.');
      }),
    );
  });

  it('counts each practice over practice lists and goals, most named first', () => {
    const figures = shareFigures({
      asOf: '2025-12-31T00:00:00.000Z',
      providers: [
        {
          providerId: 'p-1',
          practiceLists: [{ agreementId: 'a-1', practices: ['transitions', 'schedules-routines'] }],
          goals: [{ goalId: 'g-1', practice: 'schedules-routines', description: 'A goal.', achieved: true }],
          sessions: [
            { heldOn: '2025-09-16', durationMinutes: 90 },
            { heldOn: '2025-10-07', durationMinutes: 45 },
            { heldOn: '2025-09-25', durationMinutes: 75 },
          ],
          completedCycles: 1,
        },
      ],
    } as ShareView);
    expect(figures.practices).toEqual([
      { practice: 'schedules-routines', count: 2 },
      { practice: 'transitions', count: 1 },
    ]);
    expect(figures.months).toEqual([
      { month: '2025-09', minutes: 165, visits: 2 },
      { month: '2025-10', minutes: 45, visits: 1 },
    ]);
    expect(figures.goals).toEqual({ set: 1, achieved: 1 });
  });
});
