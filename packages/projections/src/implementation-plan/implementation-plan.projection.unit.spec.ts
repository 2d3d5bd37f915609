import fc from 'fast-check';
import { eventCatalogue, withoutPrototypes } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { implementationPlanProjection } from './implementation-plan.projection';
import { ImplementationPlanView } from './implementation-plan.view';

const plan = (history: ReturnType<ReturnType<typeof historyBuilder>['events']>, communityId?: string) =>
  viewOf<ImplementationPlanView>(
    implementationPlanProjection,
    history,
    communityId === undefined ? {} : { communityId },
  );

const registered = () =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent', kind: 'community' }, at('2025-06-01'))
    .add('CommunityRegistered', { communityId: 'ottawa', name: 'Ottawa', kind: 'community' }, at('2025-06-01'));

const step7 = {
  communityId: 'kent',
  step: 7,
  answers: {
    'federal-funds': 'Not this year.',
    'funding-sources': 'State quality funds.',
    foundations: 'A local foundation.',
    stakeholders: 'Directors and the council.',
  },
  plan: 'Apply for a second year of funding in March.',
};

describe('the implementation plan view', () => {
  it('shows a community with nothing recorded as seven open steps', () => {
    const [kent] = plan(registered().events(), 'kent').communities;
    expect(kent).toMatchObject({ communityId: 'kent', stepsRecorded: 0, stepsComplete: 0, complete: false });
    expect(kent!.steps.map((s) => [s.step, s.recordedOn, s.complete])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => [n, null, false]),
    );
    expect(kent!.questionsAnswered).toBe(0);
    expect(kent!.questionsAsked).toBeGreaterThan(7);
  });

  it('counts a step complete once every planning question is answered', () => {
    const history = registered()
      .add('ImplementationPlanStepRecorded', step7, at('2025-07-02'))
      .add(
        'ImplementationPlanStepRecorded',
        { communityId: 'kent', step: 1, answers: { 'vision-in-one-year': 'Daily practices.' }, plan: 'Share it.' },
        at('2025-07-03'),
      )
      .events();
    const [kent] = plan(history, 'kent').communities;
    expect(kent).toMatchObject({ stepsRecorded: 2, stepsComplete: 1, questionsAnswered: 5, complete: false });
    const one = kent!.steps[0]!;
    expect(one.complete).toBe(false);
    expect(one.questions.filter((q) => q.answer === null).map((q) => q.questionId)).toEqual([
      'outcomes',
      'vision-is-clear',
      'purpose-of-coaching',
    ]);
    expect(kent!.steps[6]).toMatchObject({ complete: true, recordedOn: '2025-07-02', plan: step7.plan });
  });

  it('takes a step recorded again as revised whole, and keeps answers under other ids apart', () => {
    const history = registered()
      .add('ImplementationPlanStepRecorded', step7, at('2025-07-02'))
      .add(
        'ImplementationPlanStepRecorded',
        { communityId: 'kent', step: 7, answers: { 'who-pays': 'The county.' }, plan: 'Ask the county.' },
        at('2025-08-01'),
      )
      .events();
    const seven = plan(history, 'kent').communities[0]!.steps[6]!;
    expect(seven).toMatchObject({ complete: false, plan: 'Ask the county.', recordedOn: '2025-08-01' });
    expect(seven.otherAnswers).toEqual([{ questionId: 'who-pays', answer: 'The county.' }]);
    expect(seven.questions.every((q) => q.answer === null)).toBe(true);
  });

  it('gives a table row per planning question of each community', () => {
    const view = plan(registered().events());
    const table = implementationPlanProjection.table(view);
    expect(table.rows).toHaveLength(2 * view.communities[0]!.questionsAsked);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });

  it('folds any history to a view its codec accepts, the same when the state went through JSON', () => {
    const types = new Set(implementationPlanProjection.eventTypes);
    const anyEvent = fc.oneof(
      ...eventCatalogue.map((definition) => ({
        weight: types.has(definition.type) ? 20 : 1,
        arbitrary: arbitraryFor(definition.data).map((data) => ({ type: definition.type, data })),
      })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(anyEvent, fc.constantFrom('kent', 'ottawa')), { maxLength: 25 }), (generated) => {
        const builder = historyBuilder();
        for (const [{ type, data }, communityId] of generated) {
          const named = types.has(type) ? { ...(data as object), communityId } : data;
          builder.add(type as never, named as never, '2025-08-01T12:00:00.000Z');
        }
        const events = builder.events();
        const view = plan(events);
        expect(implementationPlanProjection.viewCodec.is(view)).toBe(true);
        let state = implementationPlanProjection.init();
        for (const event of events)
          if (types.has(event.type))
            state = withoutPrototypes(JSON.parse(JSON.stringify(implementationPlanProjection.apply(state, event))));
        expect(implementationPlanProjection.view(state, { asOf: view.asOf })).toEqual(view);
      }),
      { numRuns: 200 },
    );
  });
});
