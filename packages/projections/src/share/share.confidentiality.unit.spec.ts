import fc from 'fast-check';
import { eventCatalogue, RecordedEvent } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { shareProjection } from './share.projection';
import { ShareView } from './share.view';

/**
 * Rule 10: whatever a history holds, the share carries no note, score, strategy, summary, next
 * step, strength, debrief, child data or name. Every free-text field of a generated history is
 * given a unique marker, and so is every field the rule keeps out that is not free text (child
 * references, scores, score and rating names, strategies, the practices of a single session);
 * the only markers allowed through are those of goal descriptions and practice lists.
 */

/** What every generated free text starts as, before it is given its own marker. */
const TEXT = '\u0000text';

interface Markers {
  readonly secret: string[];
  readonly shared: string[];
  /** Numbers the share must not carry; no duration, count or date comes near them. */
  readonly secretNumbers: number[];
  next: number;
}

const secret = (markers: Markers, kind: string): string => {
  const marker = `«${kind}-${markers.next++}»`;
  markers.secret.push(marker);
  return marker;
};

const shared = (markers: Markers, kind: string): string => {
  const marker = `«${kind}-${markers.next++}»`;
  markers.shared.push(marker);
  return marker;
};

const secretNumber = (markers: Markers): number => {
  const value = 987_000 + markers.next++ + 0.5;
  markers.secretNumbers.push(value);
  return value;
};

type Data = Record<string, unknown>;

/** Gives each generated free text its own marker; only a goal's description may be shared. */
const markTexts = (value: unknown, markers: Markers, path: ReadonlyArray<string>): unknown => {
  if (value === TEXT)
    return path.at(-1) === 'description' && path[0] === 'goals'
      ? shared(markers, 'goal')
      : secret(markers, `text-${path.join('.')}`);
  if (Array.isArray(value)) return value.map((v, i) => markTexts(v, markers, [...path, String(i)]));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markTexts(v, markers, [...path, k])]));
  return value;
};

const secretList = (list: unknown, markers: Markers, kind: string): unknown =>
  Array.isArray(list) ? list.map(() => secret(markers, kind)) : list;

/** Marks the fields of one event that are not free text but carry what rule 10 keeps out, or what it lets through. */
const markFields = (type: string, data: Data, markers: Markers): Data => {
  switch (type) {
    case 'ActionPlanSet':
      return {
        ...data,
        goals: (data.goals as Data[]).map((goal) => ({ ...goal, practice: shared(markers, 'goal-practice') })),
      };
    case 'AgreementDrafted':
      return { ...data, practices: (data.practices as string[]).map(() => shared(markers, 'agreement-practice')) };
    case 'SessionLogged':
      return {
        ...data,
        practices: secretList(data.practices, markers, 'session-practice'),
        strategies: secretList(data.strategies, markers, 'strategy'),
      };
    case 'SessionCorrected': {
      const changes = data.changes as Data;
      return {
        ...data,
        changes: {
          ...changes,
          ...(changes.practices ? { practices: secretList(changes.practices, markers, 'session-practice') } : {}),
          ...(changes.strategies ? { strategies: secretList(changes.strategies, markers, 'strategy') } : {}),
        },
      };
    }
    case 'AsqSe2Distributed':
    case 'ChildDataErased':
      return { ...data, childRef: secret(markers, 'child') };
    case 'AsqSe2Scored':
      return { ...data, score: Math.floor(secretNumber(markers)) };
    case 'ObservationCompleted':
      return {
        ...data,
        scores: {
          [secret(markers, 'score-name')]: secretNumber(markers),
          [secret(markers, 'score-name')]: secretNumber(markers),
        },
      };
    case 'BenchmarksOfQualityCompleted':
      return { ...data, ratings: { [secret(markers, 'critical-element')]: 2 } };
    default:
      return data;
  }
};

/** Events that feed the share are drawn more often, so that there is something to share. */
const feedsTheShare = new Set([
  'ActionPlanSet',
  'AgreementDrafted',
  'SessionLogged',
  'SessionCorrected',
  'SessionVoided',
  'GoalAchieved',
  'CoachingCycleCompleted',
]);

const anyEvent = fc.oneof(
  ...eventCatalogue.map((definition) => ({
    arbitrary: arbitraryFor(definition.data, { Text: fc.constant(TEXT) }).map((data) => ({
      type: definition.type,
      data: data as Data,
    })),
    weight: feedsTheShare.has(definition.type) ? 6 : 1,
  })),
);

interface MarkedHistory {
  readonly events: RecordedEvent[];
  readonly markers: Markers;
  /** The goal descriptions and practices the share must show: the first goal of each id, the first draft of each agreement. */
  readonly expected: string[];
}

const PROVIDERS = ['a', 'b', 'c'];

const markedHistory = fc.array(anyEvent, { minLength: 1, maxLength: 60 }).map((generated): MarkedHistory => {
  const markers: Markers = { secret: [], shared: [], secretNumbers: [], next: 1 };
  const builder = historyBuilder();
  // Every provider the generated ids can name is enrolled, under names the share must not carry.
  for (const providerId of PROVIDERS) {
    const enrolled = enrollment(providerId, '2025-07-01');
    builder.add(
      'ProviderEnrolled',
      {
        ...enrolled,
        name: secret(markers, 'provider-name'),
        site: { ...enrolled.site, name: secret(markers, 'site-name') },
      },
      at('2025-07-01'),
    );
  }
  const expected: string[] = [];
  const goals = new Set<string>();
  const agreements = new Set<string>();
  for (const { type, data } of generated) {
    const marked = markFields(type, markTexts(data, markers, []) as Data, markers);
    if (type === 'ActionPlanSet')
      for (const goal of marked.goals as Data[]) {
        const key = `${String(marked.providerId)}/${String(goal.goalId)}`;
        if (!goals.has(key)) expected.push(String(goal.description), String(goal.practice));
        goals.add(key);
      }
    if (type === 'AgreementDrafted' && !agreements.has(String(marked.agreementId))) {
      agreements.add(String(marked.agreementId));
      expected.push(...(marked.practices as string[]));
    }
    builder.add(type as never, marked as never, at('2025-08-01'));
  }
  return { events: builder.events(), markers, expected };
});

describe('the share view keeps every confidential field out (rule 10)', () => {
  it('carries no note, score, strategy, summary, next step, strength, debrief, child data or name, and carries goals and practice lists', () =>
    fc.assert(
      fc.property(markedHistory, ({ events, markers, expected }) => {
        const view = viewOf<ShareView>(shareProjection, events, {});
        const text = JSON.stringify(view);
        expect(shareProjection.viewCodec.is(view)).toBe(true);
        expect(markers.secret.filter((marker) => text.includes(marker))).toEqual([]);
        expect(markers.secretNumbers.filter((value) => text.includes(String(Math.floor(value))))).toEqual([]);
        expect(expected.filter((marker) => !text.includes(marker))).toEqual([]);
        expect(view.providers.map((p) => p.providerId)).toEqual(PROVIDERS);
      }),
      { numRuns: 200 },
    ));

  it('is given histories that do hold every kind of confidential record', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(markedHistory, ({ events }) => {
        events.forEach((event) => kinds.add(event.type));
      }),
      { numRuns: 200 },
    );
    for (const type of [
      'SessionLogged',
      'SessionCorrected',
      'DebriefHeld',
      'ObservationCompleted',
      'AsqSe2Distributed',
      'AsqSe2Scored',
      'BenchmarksOfQualityCompleted',
      'AgreementConcernRaised',
    ])
      expect(kinds).toContain(type);
  });
});
