import fc from 'fast-check';
import { eventCatalogue, withoutPrototypes } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { viewOf } from '../fold';
import { historyBuilder } from '../testing';
import { coachesProjection } from './coaches.projection';
import { CoachesView } from './coaches.view';

// Coach events most of the time, so that ids meet: any event of the catalogue now and then.
const coachTypes = new Set(coachesProjection.eventTypes);
const anyEvent = fc.oneof(
  ...eventCatalogue.map((definition) => ({
    weight: coachTypes.has(definition.type) ? 20 : 1,
    arbitrary: arbitraryFor(definition.data).map((data) => ({ type: definition.type, data })),
  })),
);
const smallIds = fc.constantFrom('c-1', 'c-2');

describe('the coaches view on any history', () => {
  it('folds without throwing, to a view its codec accepts, the same when the state went through JSON', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(anyEvent, smallIds, smallIds), { maxLength: 30 }), (generated) => {
        const builder = historyBuilder();
        for (const [{ type, data }, coachId, qualificationId] of generated) {
          const named = !coachTypes.has(type)
            ? data
            : type === 'CoachRegistered'
              ? { ...(data as object), coachId }
              : type.startsWith('Session')
                ? { ...(data as object), providerId: 'p-1', sessionId: qualificationId }
                : type === 'CoachingFeedbackGiven'
                  ? { ...(data as object), coachId, surveyId: qualificationId }
                  : { ...(data as object), coachId, qualificationId };
          builder.add(type as never, named as never, '2025-08-01T12:00:00.000Z');
        }
        const events = builder.events();
        const view = viewOf<CoachesView>(coachesProjection, events, {});
        expect(coachesProjection.viewCodec.is(view)).toBe(true);
        let state = coachesProjection.init();
        for (const event of events)
          if (coachTypes.has(event.type))
            state = withoutPrototypes(JSON.parse(JSON.stringify(coachesProjection.apply(state, event))));
        expect(coachesProjection.view(state, { asOf: view.asOf })).toEqual(view);
      }),
      { numRuns: 200 },
    ));
});
