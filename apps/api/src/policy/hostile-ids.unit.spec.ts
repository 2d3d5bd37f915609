import fc from 'fast-check';
import { type Actor, commandCatalogue, type RecordedEvent, Role, withoutPrototypes } from '@coachline/domain';
import { InMemoryEventStore } from '@coachline/eventstore';
import { foldHistory, routes } from '@coachline/projections';
import {
  enrollment,
  historyBuilder,
  HOSTILE_IDS,
  prototypeSnapshot,
  withHostileIdsRenamed,
} from '@coachline/projections/testing';
import { CaseloadsState, CaseloadsView, caseloadOf, caseloadsProjection } from './caseloads.projection';
import { commandScope, type Scope, VIEW_NAMES, viewScope } from './grants';
import { Ownership } from './ownership';
import { reachOf } from './reach';

/** Every grant of every role, as the tables give them before any history is folded. */
const grantsNow = () => ({
  views: Role.values.map((role) => VIEW_NAMES.map((view) => viewScope(role, view))),
  commands: Role.values.map((role) =>
    commandCatalogue.map((definition) => commandScope(role, definition.type as Parameters<typeof commandScope>[1])),
  ),
});

/** Provider and coach ids drawn from hostile names, the names of roles, and an ordinary id. */
const anyId = fc.constantFrom(...HOSTILE_IDS, ...Role.values, 'p-1');

/** Enrollments and reassignments, as a store written before ids were checked holds them. */
const caseloadHistory = fc.array(fc.tuple(fc.boolean(), anyId, anyId), { minLength: 1, maxLength: 30 }).map((moves) => {
  const builder = historyBuilder();
  moves.forEach(([enrol, providerId, coachId], i) => {
    const on = `2025-09-${String(1 + (i % 28)).padStart(2, '0')}`;
    if (enrol) builder.add('ProviderEnrolled', enrollment(providerId, on, { coachId }), `${on}T12:00:00.000Z`);
    else
      builder.add(
        'ProviderReassigned',
        { providerId, fromCoachId: 'c-0', toCoachId: coachId, on },
        `${on}T12:00:00.000Z`,
      );
  });
  return JSON.parse(JSON.stringify(builder.events())) as RecordedEvent[];
});

/** The caseloads as the API keeps them across a restart: stored as JSON at `split` and read back. */
const caseloadsOf = (events: ReadonlyArray<RecordedEvent>, split: number): CaseloadsView => {
  let state: CaseloadsState = caseloadsProjection.init();
  events.forEach((event, i) => {
    if (i === split) state = withoutPrototypes(JSON.parse(JSON.stringify(state)) as CaseloadsState);
    if (routes(caseloadsProjection, event.type)) state = caseloadsProjection.apply(state, event);
  });
  return caseloadsProjection.view(state, { asOf: '2026-01-01T00:00:00.000Z' });
};

const reachIn = (view: CaseloadsView, actor: Actor, scope: Scope) => {
  const reach = reachOf(actor, scope, () => view);
  return reach && { providers: [...reach.providers].sort(), coachId: reach.coachId };
};

describe('caseloads and reach on ids that are names Object.prototype carries', () => {
  const untouched = prototypeSnapshot();
  const grants = grantsNow();
  afterEach(() => {
    expect(prototypeSnapshot()).toEqual(untouched);
    expect(grantsNow()).toEqual(grants);
  });

  it('reach the providers they would with the ids renamed, and no grant changes', () =>
    fc.assert(
      fc.property(caseloadHistory, fc.nat(), anyId, (events, at, actorId) => {
        const hostile = caseloadsOf(events, at % events.length);
        const ordinary = caseloadsOf(withHostileIdsRenamed(events), events.length);
        expect(withHostileIdsRenamed(hostile)).toEqual(ordinary);
        for (const role of ['coach', 'provider', 'supervisor'] as const)
          for (const scope of ['all', 'caseload', 'self'] as const)
            expect(withHostileIdsRenamed(reachIn(hostile, { id: actorId, role }, scope))).toEqual(
              reachIn(ordinary, { id: withHostileIdsRenamed(actorId), role }, scope),
            );
        expect(grantsNow()).toEqual(grants);
      }),
      { numRuns: 200 },
    ));

  it('give a coach called __proto__ their own caseload and nobody else’s', () => {
    // The enrollments that once put every provider on every coach's caseload and granted leadership the evaluation.
    const events = historyBuilder()
      .add(
        'ProviderEnrolled',
        enrollment('leadership', '2025-09-02', { coachId: '__proto__' }),
        '2025-09-02T12:00:00.000Z',
      )
      .add(
        'ProviderEnrolled',
        enrollment('provider', '2025-09-02', { coachId: '__proto__' }),
        '2025-09-02T12:00:00.000Z',
      )
      .add('ProviderEnrolled', enrollment('p-1', '2025-09-02', { coachId: 'c-1' }), '2025-09-02T12:00:00.000Z')
      .events();
    const view = foldHistory<CaseloadsState>(caseloadsProjection, events).state;
    expect([...caseloadOf(view, '__proto__')].sort()).toEqual(['leadership', 'provider']);
    expect([...caseloadOf(view, 'c-1')]).toEqual(['p-1']);
    expect([...caseloadOf(view, 'constructor')]).toEqual([]);
    expect(viewScope('leadership', 'evaluation')).toBeUndefined();
    expect(viewScope('provider', 'access-log')).toBeUndefined();
  });

  it('find no coach for a provider never enrolled, whatever its id', async () => {
    const store = new InMemoryEventStore();
    const ownership = new Ownership(store);
    for (const providerId of HOSTILE_IDS) expect(await ownership.currentCoachOf(providerId)).toBeUndefined();
    const [enrolled] = historyBuilder()
      .add(
        'ProviderEnrolled',
        enrollment('__proto__', '2025-09-02', { coachId: 'constructor' }),
        '2025-09-02T12:00:00.000Z',
      )
      .events();
    await store.append(
      enrolled!.stream,
      [
        {
          id: enrolled!.id,
          type: enrolled!.type,
          schemaVersion: 1,
          data: enrolled!.data,
          metadata: enrolled!.metadata,
        },
      ],
      'any',
    );
    expect(await ownership.currentCoachOf('__proto__')).toBe('constructor');
    expect(await ownership.providerOf('provider-__proto__')).toBe('__proto__');
  });
});
