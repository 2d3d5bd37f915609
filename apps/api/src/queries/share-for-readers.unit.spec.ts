import { RecordedEvent } from '@coachline/domain';
import { resolveAsOf, shareProjection } from '@coachline/projections';
import { at, enrollment, historyBuilder, identifyingHistory } from '@coachline/projections/testing';
import fc from 'fast-check';
import { shareForReaders } from './share-for-readers';
import { narrowers } from '../policy/view-scoping';

type ShareState = Parameters<(typeof shareProjection)['apply']>[0];

/** Where each entry last changed, as a runner notes it: by the entries the projection says each event may change. */
const entryPositions = () => {
  const entries = new Map<string, number>();
  return {
    fold(state: ShareState, event: RecordedEvent, position: number): void {
      for (const [table, id] of shareProjection.subjects!.changedBy(state, event))
        entries.set(id === undefined ? table : `${table}/${id}`, position);
    },
    positionOf: (table: string, id: string): number =>
      Math.max(entries.get(table) ?? 0, entries.get(`${table}/${id}`) ?? 0),
  };
};

describe('the share for readers', () => {
  it('gives each provider, after every event, what the share renders for it from the whole state', () => {
    fc.assert(
      fc.property(identifyingHistory({ maxProviders: 6, maxEvents: 40 }), ({ events, providerIds }) => {
        const positions = entryPositions();
        const forReaders = shareForReaders(positions.positionOf);
        let state = forReaders.init();
        let latest: string | undefined;
        events.forEach((event, index) => {
          positions.fold(state, event, index + 1);
          state = forReaders.apply(state, event);
          if (latest === undefined || event.metadata.recordedAt > latest) latest = event.metadata.recordedAt;
          const asOf = resolveAsOf(undefined, latest);
          for (const providerId of [...providerIds, 'p-404', ''])
            expect(forReaders.view(state, { asOf, providerId })).toEqual(
              shareProjection.view(state, { asOf, providerId }),
            );
        });
      }),
      { numRuns: 40 },
    );
  });

  it('renders a provider’s share again when only an agreement it owns changes', () => {
    const events = historyBuilder()
      .add('ProviderEnrolled', enrollment('p-1', '2025-09-01'), at('2025-09-01'))
      .add(
        'AgreementDrafted',
        {
          agreementId: 'ag-1',
          providerId: 'p-1',
          coachId: 'c-1',
          practices: ['routines'],
          visitMode: 'in-person',
          estimatedCycles: 4,
          cadence: 'every-two-weeks',
        },
        at('2025-09-02'),
      )
      .add(
        'CoachingCycleCompleted',
        { agreementId: 'ag-1', cycleNumber: 1, completedOn: '2025-09-20', sessionIds: ['s-1'] },
        at('2025-09-20'),
      )
      .events();
    const positions = entryPositions();
    const forReaders = shareForReaders(positions.positionOf);
    let state = forReaders.init();
    const asOf = '2025-09-21T00:00:00.000Z';
    const completed: number[] = [];
    events.forEach((event, index) => {
      positions.fold(state, event, index + 1);
      state = forReaders.apply(state, event);
      completed.push(...forReaders.view(state, { asOf, providerId: 'p-1' }).providers.map((p) => p.completedCycles));
    });
    expect(completed).toEqual([0, 0, 1]);
  });

  it('puts a reach’s share together from its providers’ as the whole share narrowed gives it', () => {
    fc.assert(
      fc.property(
        identifyingHistory({ maxProviders: 6, maxEvents: 40 }),
        fc.func(fc.boolean()),
        ({ events, providerIds }, within) => {
          const forReaders = shareForReaders(() => 0);
          let state = forReaders.init();
          for (const event of events) state = forReaders.apply(state, event);
          const asOf = '2026-01-15T00:00:00.000Z';
          const reach = { providers: new Set([...providerIds, 'p-404'].filter((id) => within(id))) };
          const assembled = [...reach.providers]
            .sort()
            .flatMap((providerId) => forReaders.view(state, { asOf, providerId }).providers);
          expect(assembled).toEqual(narrowers.share(shareProjection.view(state, { asOf }), reach).providers);
        },
      ),
      { numRuns: 40 },
    );
  });
});
