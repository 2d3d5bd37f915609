import fc from 'fast-check';
import { RecordedEvent, rirYear1Guide, TrainingModule } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { kentProgram } from '../testing/fixtures';
import { timelineProjection } from './timeline.projection';
import { CoachingFocus, TimelineView } from './timeline.view';

const training = (trainingId: string, module: TrainingModule, heldOn: string, communityId = 'kent') => ({
  communityId,
  trainingId,
  module,
  heldOn,
  attendees: { providerIds: [], coachIds: ['c-03'] },
});

/** Kent's year: p-017 enrolled in July; the community holds the four modules on the guide's suggested months. */
const year = () =>
  kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add('TrainingHeld', training('t-dir', 'director-training', '2025-07-22'), at('2025-07-22'))
    .add('TrainingHeld', training('t-1a', 'module-1a', '2025-09-18'), at('2025-09-18'))
    .add('TrainingHeld', training('t-1b', 'module-1b', '2025-11-13'), at('2025-11-13'))
    .add('TrainingHeld', training('t-2a', 'module-2a', '2026-02-12'), at('2026-02-12'))
    .add('TrainingHeld', training('t-2b', 'module-2b', '2026-04-16'), at('2026-04-16'));

const focusOn = (events: ReadonlyArray<RecordedEvent>, day: string, providerId = 'p-017'): CoachingFocus | null => {
  const view = viewOf<TimelineView>(timelineProjection, events, { asOf: at(day, '23:59:59.999') });
  const provider = view.providers.find((p) => p.providerId === providerId);
  if (!provider) throw new Error(`no timeline for ${providerId} on ${day}`);
  return provider.coachingFocus;
};

describe('a provider’s coaching focus on the timeline', () => {
  const events = year().events();

  it('given no module held yet, has no topic and names Module 1A next', () =>
    expect(focusOn(events, '2025-09-17')).toEqual({
      modulesHeld: [],
      topics: [],
      nextModule: 'module-1a',
      yearTwo: { status: 'not-yet', transitionedOn: null },
    }));

  it('given Module 1A held, turns to building positive relationships from that day', () =>
    expect(focusOn(events, '2025-09-18')).toEqual({
      modulesHeld: [{ module: 'module-1a', heldOn: '2025-09-18' }],
      topics: ['Building positive relationships'],
      nextModule: 'module-1b',
      yearTwo: { status: 'not-yet', transitionedOn: null },
    }));

  it.each([
    ['2025-11-12', ['Building positive relationships'], 'module-1b'],
    ['2025-11-13', ['Building positive relationships', 'Supportive environments'], 'module-2a'],
    ['2026-02-11', ['Building positive relationships', 'Supportive environments'], 'module-2a'],
    [
      '2026-02-12',
      [
        'Building positive relationships',
        'Supportive environments',
        'Intentional teaching',
        'Friendship skills',
        'Empathy',
      ],
      'module-2b',
    ],
  ])('on %s, focuses on %j with %s next', (day, topics, next) =>
    expect(focusOn(events, day)).toMatchObject({ topics, nextModule: next, yearTwo: { status: 'not-yet' } }),
  );

  it('given Module 2B held, adds emotional literacy, self-regulation and problem solving, and prepares for Year 2', () => {
    const focus = focusOn(events, '2026-04-16');
    expect(focus?.topics.slice(-3)).toEqual(['Emotional literacy', 'Self-regulation', 'Problem solving']);
    expect(focus?.modulesHeld.map((held) => held.module)).toEqual(['module-1a', 'module-1b', 'module-2a', 'module-2b']);
    expect(focus?.nextModule).toBeNull();
    expect(focus?.yearTwo).toEqual({ status: 'preparing', transitionedOn: null });
    expect(focusOn(events, '2026-04-15')?.yearTwo).toEqual({ status: 'not-yet', transitionedOn: null });
  });

  it('given the provider moved on to Year 2, shows the day it did, from that day', () => {
    const moved = year()
      .add('ProviderTransitionedToYear2', { providerId: 'p-017', on: '2026-06-20' }, at('2026-06-20'))
      .events();
    expect(focusOn(moved, '2026-06-19')?.yearTwo).toEqual({ status: 'preparing', transitionedOn: null });
    expect(focusOn(moved, '2026-06-20')?.yearTwo).toEqual({ status: 'transitioned', transitionedOn: '2026-06-20' });
  });

  it('lists modules held out of order in the guide’s order, and names the first one not yet held next', () => {
    const outOfOrder = kentProgram()
      .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
      .add('TrainingHeld', training('t-1b', 'module-1b', '2025-09-10'), at('2025-09-10'))
      .add('TrainingHeld', training('t-1a', 'module-1a', '2025-10-01'), at('2025-10-01'))
      .add('TrainingHeld', training('t-1a-again', 'module-1a', '2025-10-20'), at('2025-10-20'))
      .events();
    expect(focusOn(outOfOrder, '2025-09-30')).toMatchObject({
      topics: ['Supportive environments'],
      nextModule: 'module-1a',
    });
    expect(focusOn(outOfOrder, '2025-11-01')).toMatchObject({
      modulesHeld: [
        { module: 'module-1a', heldOn: '2025-10-01' },
        { module: 'module-1b', heldOn: '2025-09-10' },
      ],
      topics: ['Building positive relationships', 'Supportive environments'],
      nextModule: 'module-2a',
    });
  });

  it('counts only its own community’s trainings within the program year', () => {
    const elsewhere = kentProgram()
      .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
      .add('TrainingHeld', training('t-old', 'module-1a', '2025-06-25'), at('2025-06-25'))
      .add('TrainingHeld', training('t-ottawa', 'module-1b', '2025-09-10', 'ottawa'), at('2025-09-10'))
      .events();
    expect(focusOn(elsewhere, '2025-10-01')).toMatchObject({ modulesHeld: [], topics: [], nextModule: 'module-1a' });
  });

  it('shows no focus for a provider under a guide without a focus sequence', () => {
    const stars = historyBuilder()
      .add('CommunityRegistered', { communityId: 'lake', name: 'Lake County', kind: 'county' }, at('2025-06-20'))
      .add(
        'ProgramYearStarted',
        {
          communityId: 'lake',
          programYearId: 'py-lake',
          guideId: 'stars-pbc',
          startsOn: '2025-07-01',
          endsOn: '2026-06-30',
        },
        at('2025-06-20'),
      )
      .add(
        'ProviderEnrolled',
        enrollment('p-030', '2025-07-01', { communityId: 'lake', programYearId: 'py-lake' }),
        at('2025-07-01'),
      )
      .add('TrainingHeld', training('t-1a', 'module-1a', '2025-09-18', 'lake'), at('2025-09-18'))
      .events();
    expect(focusOn(stars, '2025-10-01', 'p-030')).toBeNull();
  });
});

describe('a provider’s coaching focus, for any trainings and any two moments', () => {
  const MODULES = TrainingModule.values;
  const dayOfYear = fc
    .integer({ min: -8, max: 380 })
    .map((n) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const trainings = fc.array(fc.tuple(fc.constantFrom(...MODULES), dayOfYear), { maxLength: 8 });
  const guideTopics = (rirYear1Guide.focusSequence ?? []).flatMap((step) => step.focus);
  const YEAR_TWO_ORDER = ['not-yet', 'preparing', 'transitioned'];

  /** Whether `part` appears within `whole` in the same order, not necessarily side by side. */
  const isSubsequence = <T>(part: ReadonlyArray<T>, whole: ReadonlyArray<T>): boolean => {
    let at = 0;
    for (const item of whole) if (at < part.length && part[at] === item) at += 1;
    return at === part.length;
  };

  it('only widens as the moment moves forward, and always follows the guide’s order', () =>
    fc.assert(
      fc.property(
        trainings,
        fc.option(dayOfYear, { nil: undefined }),
        dayOfYear,
        dayOfYear,
        (held, transitionedOn, a, b) => {
          const [earlier, later] = a <= b ? [a, b] : [b, a];
          const history = kentProgram().add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-06-22'));
          held.forEach(([module, heldOn], i) =>
            history.add('TrainingHeld', training(`t-${i}`, module, heldOn), at('2025-06-22')),
          );
          if (transitionedOn)
            history.add('ProviderTransitionedToYear2', { providerId: 'p-017', on: transitionedOn }, at('2025-06-22'));
          const events = history.events();
          const before = focusOn(events, earlier)!;
          const after = focusOn(events, later)!;
          expect(isSubsequence(before.topics, after.topics)).toBe(true);
          expect(isSubsequence(after.topics, guideTopics)).toBe(true);
          expect(after.modulesHeld).toEqual(expect.arrayContaining(before.modulesHeld));
          expect(YEAR_TWO_ORDER.indexOf(after.yearTwo!.status)).toBeGreaterThanOrEqual(
            YEAR_TWO_ORDER.indexOf(before.yearTwo!.status),
          );
        },
      ),
      { numRuns: 150 },
    ));
});
