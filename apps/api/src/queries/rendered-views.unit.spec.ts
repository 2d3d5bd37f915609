import {
  AnyProjection,
  dosageProjection,
  foldHistory,
  shareProjection,
  timelineProjection,
  cyclesProjection,
} from '@coachline/projections';
import { at, historyBuilder } from '@coachline/projections/testing';
import { RenderedViews } from './rendered-views';
import { timelineForReaders } from './timeline-for-readers';
import { selectors } from './view-selection';

const history = () => {
  const admin = { id: 'admin-1', role: 'admin' } as const;
  let builder = historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'), admin)
    .add(
      'CommunityRegistered',
      { communityId: 'ottawa', name: 'Ottawa County', kind: 'county' },
      at('2025-06-20'),
      admin,
    )
    .add(
      'ProgramYearStarted',
      {
        communityId: 'kent',
        programYearId: 'py-k',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
      admin,
    )
    .add(
      'ProgramYearStarted',
      {
        communityId: 'ottawa',
        programYearId: 'py-o',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
      admin,
    );
  for (const coachId of ['c-1', 'c-2'])
    builder = builder.add(
      'CoachRegistered',
      { coachId, communityId: 'kent', name: 'Coach', role: 'coach' },
      at('2025-06-21'),
      admin,
    );
  for (const [providerId, communityId, programYearId] of [
    ['p-1', 'kent', 'py-k'],
    ['p-2', 'ottawa', 'py-o'],
  ] as const) {
    builder = builder
      .add(
        'ProviderEnrolled',
        {
          providerId,
          communityId,
          programYearId,
          name: 'P',
          site: { siteId: 's', name: 'S', setting: 'center' },
          agesServed: ['preschool'],
          coachId: 'c-1',
          enrolledOn: '2025-09-01',
        },
        at('2025-09-01'),
        admin,
      )
      .add(
        'SessionLogged',
        {
          providerId,
          sessionId: `s-${providerId}`,
          coachId: 'c-1',
          heldOn: '2025-09-10',
          durationMinutes: 60,
          kind: 'coaching-conversation',
          mode: 'in-person',
          agendaUsed: true,
          practices: [],
          strategies: [],
        },
        at('2025-09-10'),
      )
      .add(
        'AgreementDrafted',
        {
          agreementId: `a-${providerId}`,
          providerId,
          coachId: 'c-1',
          practices: ['routines'],
          visitMode: 'in-person',
          estimatedCycles: 4,
          cadence: 'every-two-weeks',
        },
        at('2025-09-11'),
      );
  }
  return builder.events();
};

const selections = [
  {},
  { providerId: 'p-1' },
  { providerId: 'p-404' },
  { communityId: 'ottawa' },
  { providerId: 'p-1', communityId: 'kent' },
  { providerId: 'p-1', communityId: 'ottawa' },
];

describe('a view rendered whole, then selected from', () => {
  const events = history();
  it.each(
    ([dosageProjection, timelineProjection, cyclesProjection, shareProjection] as AnyProjection[]).map(
      (p) => [p.name, p] as const,
    ),
  )('%s: gives what the projection renders for the selection itself', (name, projection) => {
    const { state, latestRecordedAt } = foldHistory<unknown>(projection, events);
    const query = { asOf: latestRecordedAt! };
    const whole = projection.view(state, query);
    for (const selection of selections) {
      if (name !== 'timeline' && selection.communityId !== undefined) continue;
      const select = selectors[name as keyof typeof selectors] as (view: unknown, s: typeof selection) => unknown;
      expect([selection, select(whole, selection)]).toEqual([
        selection,
        projection.view(state, { ...query, ...selection }),
      ]);
    }
  });
});

describe('the timeline for readers', () => {
  it('renders one provider exactly as the timeline projection does', () => {
    const { state, latestRecordedAt } = foldHistory<never>(timelineProjection, history());
    for (const providerId of ['p-1', 'p-2', 'p-404'])
      expect(timelineForReaders(() => 0).view(state, { asOf: latestRecordedAt!, providerId })).toEqual(
        timelineProjection.view(state, { asOf: latestRecordedAt!, providerId }),
      );
  });
});

describe('renderings shared between readers', () => {
  const setup = () => {
    let position = 1;
    let now = 0;
    const renders: string[] = [];
    const views = new RenderedViews(
      {
        positionOf: () => position,
        render: (name, selection) => (
          renders.push(`${name}@${position}`),
          { name, position, selection, providers: [], communities: [], agreements: [], behind: [] }
        ),
      },
      1_000,
      () => now,
    );
    return { views, renders, move: (to: number) => (position = to), wait: (ms: number) => (now += ms) };
  };

  it('renders a view once while it stays at the same position', () => {
    const { views, renders } = setup();
    views.view('dosage', {}, 0);
    views.view('dosage', {}, 0);
    expect(renders).toEqual(['dosage@1']);
  });

  it('renders one provider’s dosage and cycles on their own, once a position each', () => {
    const { views, renders, move } = setup();
    views.view('dosage', { providerId: 'p-1' }, 0);
    views.view('dosage', { providerId: 'p-1' }, 0);
    views.view('cycles', { providerId: 'p-1' }, 0);
    views.view('dosage', {}, 0);
    move(2);
    views.view('dosage', { providerId: 'p-1' }, 2);
    expect(renders).toEqual(['dosage@1', 'cycles@1', 'dosage@1', 'dosage@2']);
  });

  it('shares a rendering for a while after the view moves on, unless a reader asks for a later position', () => {
    const { views, renders, move, wait } = setup();
    views.view('share', {}, 0);
    move(2);
    views.view('share', {}, 0);
    expect(renders).toEqual(['share@1']);
    views.view('share', {}, 2);
    expect(renders).toEqual(['share@1', 'share@2']);
    move(3);
    wait(1_000);
    views.view('share', {}, 0);
    expect(renders).toEqual(['share@1', 'share@2', 'share@3']);
  });

  it('renders one provider’s timeline on its own, and the whole timeline once for the rest', () => {
    const { views, renders } = setup();
    views.view('timeline', { providerId: 'p-1' }, 0);
    views.view('timeline', { providerId: 'p-1' }, 0);
    views.view('timeline', { communityId: 'kent' }, 0);
    views.view('timeline', {}, 0);
    expect(renders).toEqual(['timeline@1', 'timeline@1']);
  });

  it('asks again for one provider’s timeline whenever the view moves, its source keeping it by subject', () => {
    const { views, renders, move, wait } = setup();
    views.view('timeline', { providerId: 'p-1' }, 0);
    move(2);
    views.view('timeline', { providerId: 'p-1' }, 0);
    views.view('share', {}, 0);
    move(3);
    views.view('share', {}, 0);
    wait(10);
    views.view('timeline', { providerId: 'p-1' }, 0);
    expect(renders).toEqual(['timeline@1', 'timeline@2', 'share@2', 'timeline@3']);
  });

  it('renders one provider’s share on its own', () => {
    const { views, renders } = setup();
    views.view('share', { providerId: 'p-1' }, 0);
    views.view('share', { providerId: 'p-2' }, 0);
    views.view('share', { providerId: 'p-1' }, 0);
    views.view('share', {}, 0);
    expect(renders).toEqual(['share@1', 'share@1', 'share@1']);
  });

  it('renders a view that is not selected from for each selection', () => {
    const { views, renders } = setup();
    views.view('evaluation', { communityId: 'kent' }, 0);
    views.view('evaluation', { communityId: 'ottawa' }, 0);
    views.view('evaluation', { communityId: 'kent' }, 0);
    expect(renders).toEqual(['evaluation@1', 'evaluation@1']);
  });
});
