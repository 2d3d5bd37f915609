import fc from 'fast-check';
import { eventCatalogue, RecordedEvent, withoutPrototypes } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { evaluationExtractOf } from './extracts';
import { foldHistory, render, resolveAsOf } from './fold';
import { AnyProjection, routes } from './projection';
import { cyclesProjection, CyclesView } from './cycles';
import { storedProjections } from './registry';
import { enrollment, historyBuilder, HOSTILE_IDS, prototypeSnapshot, withHostileIdsRenamed } from './testing';

type Data = Record<string, unknown>;

const schemaVersionOf = new Map(eventCatalogue.map((definition) => [definition.type, definition.schemaVersion]));

const DAY_MS = 86_400_000;
const recordedOn = (day: number): string => new Date(Date.UTC(2025, 6, 1) + day * DAY_MS).toISOString();

/** A few names for every id of a history: hostile ones, and at times an ordinary one beside them. */
const idPool = fc
  .uniqueArray(fc.constantFrom(...HOSTILE_IDS, 'p-1'), { minLength: 1, maxLength: 3 })
  .filter((pool) => pool.some((name) => HOSTILE_IDS.includes(name)));

/**
 * A program year whose every id, score name and practice is one of a few names: enough
 * enrollments, agreements and screenings on the same ids that the events after them land on
 * records that exist. Built as a store written before ids were checked would hold it, and read
 * back through JSON as such a store gives it.
 */
const hostileHistory = idPool.chain((pool) => {
  const name = (i: number): string => pool[i % pool.length]!;
  const anyEvent = fc.oneof(
    ...eventCatalogue.map((definition) =>
      arbitraryFor(definition.data, { Id: fc.constantFrom(...pool), Label: fc.constantFrom(...pool, 'modeling') }).map(
        (data) => ({
          type: definition.type,
          data: data as Data,
        }),
      ),
    ),
  );
  return fc.array(anyEvent, { minLength: 1, maxLength: 60 }).map((generated) => {
    const builder = historyBuilder()
      .add('CommunityRegistered', { communityId: name(0), name: 'Kent County', kind: 'county' }, recordedOn(0))
      .add(
        'ProgramYearStarted',
        {
          communityId: name(0),
          programYearId: name(1),
          guideId: 'rir-year-1',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        recordedOn(0),
      )
      .add(
        'CoachRegistered',
        { coachId: name(1), communityId: name(0), name: 'Dana Ruiz', role: 'coach' },
        recordedOn(1),
      )
      .add(
        'ProviderEnrolled',
        enrollment(name(0), '2025-07-02', { communityId: name(0), programYearId: name(1), coachId: name(1) }),
        recordedOn(1),
      )
      .add(
        'ProviderEnrolled',
        enrollment(name(2), '2025-07-03', { communityId: name(0), programYearId: name(1), coachId: name(0) }),
        recordedOn(2),
      );
    generated.forEach(({ type, data }, i) =>
      builder.add(type as never, data as never, recordedOn(3 + i), { id: name(i), role: 'coach' }),
    );
    const events = builder.events().map((event) => ({ ...event, schemaVersion: schemaVersionOf.get(event.type) ?? 1 }));
    return { pool, events: JSON.parse(JSON.stringify(events)) as RecordedEvent[] };
  });
});

/** Folds as a runner does across a restart: the state stored as JSON at `split` and read back. */
const foldResumed = (projection: AnyProjection, events: ReadonlyArray<RecordedEvent>, split: number): unknown => {
  let state: unknown = projection.init();
  events.forEach((event, i) => {
    if (i === split) state = withoutPrototypes(JSON.parse(JSON.stringify(state)));
    if (routes(projection, event.type)) state = projection.apply(state, event);
  });
  return state;
};

describe('histories whose ids are names Object.prototype carries', () => {
  const untouched = prototypeSnapshot();
  afterEach(() => expect(prototypeSnapshot()).toEqual(untouched));

  it.each(storedProjections.map((p) => [p.name, p] as const))(
    '%s gives the view of the same history with the ids renamed, resumed from stored JSON or not, and leaves Object.prototype as it was',
    (_, projection) =>
      fc.assert(
        fc.property(hostileHistory, fc.nat(), ({ pool, events }, at) => {
          const ordinary = withHostileIdsRenamed(events);
          const asOf = resolveAsOf(undefined, events.at(-1)!.metadata.recordedAt);
          const resumed = foldResumed(projection, events, at % events.length);
          const whole = foldHistory(projection, ordinary).state;
          for (const providerId of [undefined, pool[0]!]) {
            const hostileView = projection.view(resumed, { asOf, ...(providerId ? { providerId } : {}) });
            const ordinaryView = projection.view(whole, {
              asOf,
              ...(providerId ? { providerId: withHostileIdsRenamed(providerId) } : {}),
            });
            expect(withHostileIdsRenamed(hostileView)).toEqual(ordinaryView);
            // A table cell may hold an event's data as JSON text, which renaming cannot reach: the view is renamed first.
            expect(projection.table(withHostileIdsRenamed(hostileView))).toEqual(projection.table(ordinaryView));
            expect(projection.table(hostileView).rows).toHaveLength(projection.table(ordinaryView).rows.length);
          }
          expect(prototypeSnapshot()).toEqual(untouched);
        }),
        { numRuns: 60 },
      ),
  );

  it('give the evaluation extract of the same history with the ids renamed', () =>
    fc.assert(
      fc.property(hostileHistory, ({ events }) => {
        const pseudonymize = (kind: string, id: string) => `${kind}-${id}`;
        const extract = evaluationExtractOf(events, { pseudonymize });
        expect(withHostileIdsRenamed(extract)).toEqual(
          evaluationExtractOf(withHostileIdsRenamed(events), { pseudonymize }),
        );
      }),
      { numRuns: 60 },
    ));

  it('keep every view a fold would have had with ordinary ids: none is lost, merged or parked', () => {
    // The cycles of an agreement called __proto__: the fold that once threw "reading 'push'" on its signature.
    const events = historyBuilder()
      .add(
        'AgreementDrafted',
        {
          agreementId: '__proto__',
          providerId: 'constructor',
          coachId: 'toString',
          practices: ['valueOf'],
          visitMode: 'virtual',
          estimatedCycles: 2,
          cadence: 'every-two-weeks',
        },
        recordedOn(1),
      )
      .add(
        'AgreementSigned',
        { agreementId: '__proto__', party: 'coach', signedBy: 'toString', signedOn: '2025-07-03' },
        recordedOn(2),
      )
      .events();
    const view = render<CyclesView>(cyclesProjection, foldHistory(cyclesProjection, events), {});
    expect(view.agreements.map((a) => [a.agreementId, a.signatures.length])).toEqual([['__proto__', 1]]);
    expect(({} as Record<string, unknown>)['drafted']).toBeUndefined();
  });
});
