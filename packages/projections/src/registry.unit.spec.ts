import fc from 'fast-check';
import { eventCatalogue, RecordedEvent, withoutPrototypes } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { resolveAsOf } from './fold';
import { AnyProjection, routes, ViewQuery } from './projection';
import { findProjection, projections } from './registry';
import { historyBuilder } from './testing';

const anyHistory = fc
  .array(
    fc.tuple(
      fc.oneof(
        ...eventCatalogue.map((definition) =>
          arbitraryFor(definition.data).map((data) => ({ type: definition.type, data })),
        ),
      ),
      fc.integer({ min: 0, max: 400 }),
    ),
    { maxLength: 40 },
  )
  .map((generated) => {
    const builder = historyBuilder();
    for (const [{ type, data }, day] of generated)
      builder.add(type as never, data as never, new Date(Date.UTC(2025, 5, 1) + day * 86_400_000).toISOString());
    return builder.events();
  });

/** Folds a history as a runner does: in two runs, the state stored as JSON between them and read back as tables. */
const foldResumed = (projection: AnyProjection, events: ReadonlyArray<RecordedEvent>, split: number): unknown => {
  let state: unknown = projection.init();
  events.forEach((event, i) => {
    if (i === split) state = withoutPrototypes(JSON.parse(JSON.stringify(state)));
    if (routes(projection, event.type)) state = projection.apply(state, event);
  });
  return state;
};

const foldAtOnce = (projection: AnyProjection, events: ReadonlyArray<RecordedEvent>): unknown =>
  events.reduce(
    (state, event) => (routes(projection, event.type) ? projection.apply(state, event) : state),
    projection.init(),
  );

describe('the projections registry', () => {
  it('holds every view readers can ask for once, by name', () => {
    expect(projections.map((p) => p.name)).toEqual(['dosage', 'timeline', 'cycles', 'share', 'evaluation', 'history']);
    for (const projection of projections) expect(findProjection(projection.name)).toBe(projection);
    expect(findProjection('compliance')).toBeUndefined();
  });

  it('routes only event types of the catalogue', () => {
    const known = new Set<string>(eventCatalogue.map((d) => d.type));
    for (const projection of projections) expect(projection.eventTypes.filter((type) => !known.has(type))).toEqual([]);
  });

  it.each(projections.map((p) => [p.name, p] as const))(
    '%s renders an empty history to a view its codec accepts',
    (_, projection) => {
      const view = projection.view(projection.init(), { asOf: resolveAsOf(undefined, undefined) });
      expect(projection.viewCodec.is(view)).toBe(true);
      expect(projection.table(view).rows).toEqual([]);
    },
  );

  it.each(projections.map((p) => [p.name, p] as const))(
    '%s folds any history without throwing, to a view its codec accepts, the same when resumed from JSON state',
    (_, projection) =>
      fc.assert(
        fc.property(anyHistory, fc.nat(), (events, at) => {
          const split = events.length === 0 ? 0 : at % events.length;
          const query: ViewQuery = { asOf: resolveAsOf(undefined, events.at(-1)?.metadata.recordedAt) };
          const whole = projection.view(foldAtOnce(projection, events), query);
          const resumed = projection.view(foldResumed(projection, events, split), query);
          expect(resumed).toEqual(whole);
          expect(projection.viewCodec.is(whole)).toBe(true);
          const table = projection.table(whole);
          expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
        }),
        { numRuns: 100 },
      ),
  );
});
