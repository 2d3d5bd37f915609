import { RecordedEvent } from '@coachline/domain';
import { resolveAsOf, timelineProjection, TimelineState } from '@coachline/projections';
import { at, enrollment, historyBuilder, identifyingHistory } from '@coachline/projections/testing';
import fc from 'fast-check';
import { timelineForReaders } from './timeline-for-readers';

/** Where each entry last changed, as a runner notes it: by the entries the projection says each event may change. */
const entryPositions = () => {
  const entries = new Map<string, number>();
  const tables = new Map<string, number>();
  return {
    fold(state: TimelineState, event: RecordedEvent, position: number): void {
      for (const [table, id] of timelineProjection.subjects!.changedBy(state, event))
        if (id === undefined) tables.set(table, position);
        else entries.set(`${table}/${id}`, position);
    },
    positionOf: (table: string, id: string): number =>
      Math.max(tables.get(table) ?? 0, entries.get(`${table}/${id}`) ?? 0),
  };
};

describe('the timeline for readers', () => {
  it('gives each provider, after every event, what the timeline renders for it from the whole state', () => {
    fc.assert(
      fc.property(identifyingHistory({ maxProviders: 6, maxEvents: 40 }), ({ events, providerIds }) => {
        const positions = entryPositions();
        const forReaders = timelineForReaders(positions.positionOf);
        let state = forReaders.init();
        let latest: string | undefined;
        events.forEach((event, index) => {
          positions.fold(state, event, index + 1);
          state = forReaders.apply(state, event);
          if (latest === undefined || event.metadata.recordedAt > latest) latest = event.metadata.recordedAt;
          const asOf = resolveAsOf(undefined, latest);
          for (const providerId of [...providerIds, 'p-404']) {
            const query = { asOf, providerId };
            expect(forReaders.view(state, query)).toEqual(timelineProjection.view(state, query));
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a provider’s rendering while nothing it read changes, bringing only `asOf` up to date', () => {
    fc.assert(
      fc.property(identifyingHistory({ maxProviders: 4, maxEvents: 30 }), ({ events, providerIds }) => {
        const positions = entryPositions();
        const forReaders = timelineForReaders(positions.positionOf);
        let state = forReaders.init();
        events.forEach((event, index) => {
          positions.fold(state, event, index + 1);
          state = forReaders.apply(state, event);
        });
        const asOf = '2026-01-15T00:00:00.000Z';
        const [first] = providerIds;
        if (first === undefined) return;
        const before = forReaders.view(state, { asOf, providerId: first });
        // Another instant of the same day: the same requirements, a later `asOf`.
        const later = forReaders.view(state, { asOf: '2026-01-15T09:00:00.000Z', providerId: first });
        expect(later).toEqual({ ...before, asOf: '2026-01-15T09:00:00.000Z' });
        expect(forReaders.view(state, { asOf, providerId: first })).toBe(before);
      }),
      { numRuns: 20 },
    );
  });

  it('renders a provider asked for within a community as the timeline does', () => {
    fc.assert(
      fc.property(identifyingHistory({ maxProviders: 4, maxEvents: 30 }), ({ events, providerIds }) => {
        const forReaders = timelineForReaders(() => 0);
        let state = forReaders.init();
        for (const event of events) state = forReaders.apply(state, event);
        const asOf = '2026-01-15T00:00:00.000Z';
        for (const communityId of ['north', 'south'])
          for (const providerId of providerIds)
            expect(forReaders.view(state, { asOf, providerId, communityId })).toEqual(
              timelineProjection.view(state, { asOf, providerId, communityId }),
            );
      }),
      { numRuns: 20 },
    );
  });

  it('renders a provider again once its community holds a module the provider did not attend', () => {
    const positions = entryPositions();
    const forReaders = timelineForReaders(positions.positionOf);
    const history = historyBuilder()
      .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'))
      .add(
        'ProgramYearStarted',
        {
          communityId: 'kent',
          programYearId: 'py-2025',
          guideId: 'rir-year-1',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        at('2025-06-20'),
      )
      .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'));
    let state = forReaders.init();
    let position = 0;
    const fold = (events: ReadonlyArray<RecordedEvent>) =>
      events.forEach((event) => {
        positions.fold(state, event, (position += 1));
        state = forReaders.apply(state, event);
      });
    fold(history.events());
    const asOf = '2025-10-01T00:00:00.000Z';
    expect(forReaders.view(state, { asOf, providerId: 'p-017' }).providers[0]?.coachingFocus?.topics).toEqual([]);
    const training = {
      communityId: 'kent',
      trainingId: 't-1a',
      module: 'module-1a' as const,
      heldOn: '2025-09-18',
      attendees: { providerIds: [], coachIds: ['c-03'] },
    };
    fold(historyBuilder().add('TrainingHeld', training, at('2025-09-18')).events());
    const after = forReaders.view(state, { asOf, providerId: 'p-017' });
    expect(after).toEqual(timelineProjection.view(state, { asOf, providerId: 'p-017' }));
    expect(after.providers[0]?.coachingFocus?.topics).toEqual(['Building positive relationships']);
  });
});
