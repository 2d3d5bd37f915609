import type { CyclesView, DosageView } from '@coachline/projections';
import { caseloadOf, caseloadsProjection, CaseloadsState } from './caseloads.projection';
import { narrow } from './view-scoping';
import { withoutScores } from './redact-scores';

const dosage: DosageView = {
  asOf: '2026-01-15T12:00:00.000Z',
  guideId: 'rir-year-1',
  providers: ['p-1', 'p-2'].map((providerId) => ({
    providerId,
    coachId: 'c',
    targetMinutes: 150,
    months: [],
    yearToDateMinutes: 0,
  })),
  coaches: [
    { coachId: 'c-1', caseload: 1, underTargetThisMonth: [] },
    { coachId: 'c-2', caseload: 1, underTargetThisMonth: [] },
  ],
};

describe('narrowing a view to what an actor may see', () => {
  it('keeps a coach’s providers and their own coach figures', () => {
    expect(narrow('dosage', dosage, { providers: new Set(['p-2']), coachId: 'c-2' })).toEqual({
      ...dosage,
      providers: [dosage.providers[1]],
      coaches: [dosage.coaches[1]],
    });
  });

  it('drops the agreements of other providers from the cycles and from the list of those behind', () => {
    const agreement = (agreementId: string, providerId: string) =>
      ({ agreementId, providerId }) as CyclesView['agreements'][number];
    const cycles = {
      asOf: 'x',
      on: '2026-01-15',
      agreements: [agreement('a-1', 'p-1'), agreement('a-2', 'p-2')],
      behind: ['a-1', 'a-2'],
    } as CyclesView;
    expect(narrow('cycles', cycles, { providers: new Set(['p-1']) })).toEqual({
      ...cycles,
      agreements: [cycles.agreements[0]],
      behind: ['a-1'],
    });
  });
});

describe('the caseloads', () => {
  it('follow enrolment and reassignment', () => {
    const event = (type: string, data: object) => ({ type, data }) as never;
    let state: CaseloadsState = caseloadsProjection.init();
    state = caseloadsProjection.apply(state, event('ProviderEnrolled', { providerId: 'p-1', coachId: 'c-1' }));
    state = caseloadsProjection.apply(state, event('ProviderEnrolled', { providerId: 'p-2', coachId: 'c-1' }));
    state = caseloadsProjection.apply(
      state,
      event('ProviderReassigned', { providerId: 'p-1', fromCoachId: 'c-1', toCoachId: 'c-2' }),
    );
    const view = caseloadsProjection.view(state, { asOf: 'x' });
    expect([...caseloadOf(view, 'c-1')]).toEqual(['p-2']);
    expect([...caseloadOf(view, 'c-2')]).toEqual(['p-1']);
  });
});

describe('scores kept from providers', () => {
  it('are removed however deep they sit, and nothing else is', () => {
    expect(withoutScores({ a: [{ scores: { x: 1 }, b: 2 }], scores: 3, c: null })).toEqual({ a: [{ b: 2 }], c: null });
  });
});
