import fc from 'fast-check';
import { ASQ_SE2_AGE_INTERVALS, eventCatalogue, RecordedEvent } from '@coachline/domain';
import { arbitraryFor } from '@coachline/domain/testing';
import { enrollment } from './fixtures';
import { at, historyBuilder } from './history';

/**
 * Histories full of what identifies someone or was written about them: every id of a person
 * (provider, coach, child, observer, signer), every name and every free text is a unique marker
 * between double colons (`::provider-3::`, a valid id and nothing a view writes by itself), and every observation score a number no count or date comes near. A reader's
 * answer that holds none of `secrets` (and, where scores are kept out, none of `scoreValues`)
 * carries nothing of them.
 */
export interface IdentifyingHistory {
  readonly events: RecordedEvent[];
  readonly providerIds: string[];
  readonly coachIds: string[];
  readonly childRefs: string[];
  /** Every marker of the history: ids of people, names, free texts, score names. */
  readonly secrets: string[];
  readonly scoreValues: number[];
  /** The goal descriptions of action plans: the only free text the share may carry (rule 10). */
  readonly goalDescriptions: string[];
}

export const MARKER_START = '::';

const TEXT = '\u0000text';
const COMMUNITIES = ['north', 'south', 'east'];
const PROGRAM_YEARS = [
  { programYearId: 'py-1', startsOn: '2025-07-01', endsOn: '2026-06-30' },
  { programYearId: 'py-2', startsOn: '2025-09-01', endsOn: '2026-08-31' },
];

type Data = Record<string, unknown>;

/** Events that carry what a reader must not see are drawn more often. */
const weighty = new Set([
  'SessionLogged',
  'SessionCorrected',
  'DebriefHeld',
  'ObservationCompleted',
  'AsqSe2Distributed',
  'AsqSe2Scored',
  'AsqSe2FollowUpRecorded',
  'ChildDataErased',
  'ActionPlanSet',
  'FeedbackSent',
  'AgreementConcernRaised',
]);

/** Data is generated in each event's current shape, so it is recorded at the current schema version. */
const schemaVersionOf = new Map(eventCatalogue.map((definition) => [definition.type, definition.schemaVersion]));
const streamKindOf = new Map(eventCatalogue.map((definition) => [definition.type, definition.streamKind]));

const anyEvent = fc.oneof(
  ...eventCatalogue.map((definition) => ({
    arbitrary: arbitraryFor(definition.data, { Text: fc.constant(TEXT) }).map((data) => ({
      type: definition.type,
      data: data as Data,
    })),
    weight: weighty.has(definition.type) ? 4 : 1,
  })),
);

export const identifyingHistory = (
  options: { maxProviders?: number; maxEvents?: number } = {},
): fc.Arbitrary<IdentifyingHistory> =>
  fc
    .record({
      communities: fc.array(fc.nat(COMMUNITIES.length - 1), { minLength: 1, maxLength: options.maxProviders ?? 14 }),
      generated: fc.array(anyEvent, { minLength: 1, maxLength: options.maxEvents ?? 80 }),
    })
    .map(({ communities, generated }): IdentifyingHistory => {
      let next = 1;
      const secrets: string[] = [];
      const scoreValues: number[] = [];
      const goalDescriptions: string[] = [];
      const marker = (kind: string): string => {
        const made = `${MARKER_START}${kind}-${next++}${MARKER_START}`;
        secrets.push(made);
        return made;
      };
      const providerIds = communities.map(() => marker('provider'));
      const coachIds = [marker('coach'), marker('coach')];
      const childRefs = [marker('child'), marker('child'), marker('child')];
      const pools: Record<string, string[]> = {
        providerId: providerIds,
        coachId: coachIds,
        toCoachId: coachIds,
        fromCoachId: coachIds,
        childRef: childRefs,
        observerId: [marker('observer')],
        signedBy: [marker('signer')],
        communityId: COMMUNITIES,
        programYearId: PROGRAM_YEARS.map((y) => y.programYearId),
      };
      let pick = 0;
      const mark = (value: unknown, key: string | undefined): unknown => {
        if (value === TEXT) return marker(`text-${key ?? 'item'}`);
        if (typeof value === 'string' && key !== undefined && pools[key])
          return pools[key]![pick++ % pools[key]!.length];
        if (Array.isArray(value)) return value.map((v) => mark(v, key));
        if (typeof value === 'object' && value !== null)
          return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mark(v, k)]));
        return value;
      };
      const builder = historyBuilder();
      COMMUNITIES.forEach((communityId) =>
        builder.add(
          'CommunityRegistered',
          { communityId, name: marker('community-name'), kind: 'county' },
          at('2025-06-20'),
        ),
      );
      PROGRAM_YEARS.forEach((year, i) =>
        builder.add(
          'ProgramYearStarted',
          { communityId: COMMUNITIES[i]!, guideId: 'rir-year-1', ...year },
          at('2025-06-20'),
        ),
      );
      coachIds.forEach((coachId) =>
        builder.add(
          'CoachRegistered',
          { coachId, communityId: 'north', name: marker('coach-name'), role: 'coach' },
          at('2025-06-21'),
        ),
      );
      providerIds.forEach((providerId, i) => {
        const enrolled = enrollment(providerId, '2025-07-01', {
          communityId: COMMUNITIES[communities[i]!]!,
          coachId: coachIds[i % coachIds.length]!,
          programYearId: PROGRAM_YEARS[i % PROGRAM_YEARS.length]!.programYearId,
        });
        builder.add(
          'ProviderEnrolled',
          {
            ...enrolled,
            name: marker('provider-name'),
            site: { ...enrolled.site, siteId: marker('site'), name: marker('site-name') },
          },
          at('2025-07-01'),
        );
      });
      // A store seals a screening's child data for the child its distribution names, so every
      // screening the history speaks of is distributed first, as it would be in a program.
      const distributed = new Set<unknown>();
      for (const { type, data } of generated) {
        const marked = mark(data, undefined) as Data;
        if (streamKindOf.get(type) === 'screening' && !distributed.has(marked.screeningId)) {
          distributed.add(marked.screeningId);
          if (type !== 'AsqSe2Distributed')
            builder.add(
              'AsqSe2Distributed',
              {
                screeningId: marked.screeningId,
                providerId: providerIds[0]!,
                childRef: typeof marked.childRef === 'string' ? marked.childRef : childRefs[0]!,
                ageIntervalMonths: ASQ_SE2_AGE_INTERVALS[0]!,
                distributedOn: '2025-08-01',
              } as never,
              at('2025-08-01'),
            );
        }
        if (type === 'ObservationCompleted') {
          const score = () => {
            const value = 987_000 + next++ + 0.5;
            scoreValues.push(value);
            return value;
          };
          marked.scores = { keyPractices: score(), redFlags: score() };
        }
        if (type === 'ActionPlanSet')
          goalDescriptions.push(...(marked.goals as Data[]).map((goal) => String(goal.description)));
        builder.add(type as never, marked as never, at('2025-08-01'));
      }
      const events = builder
        .events()
        .map((event) => ({ ...event, schemaVersion: schemaVersionOf.get(event.type) ?? 1 }) as RecordedEvent);
      return { events, providerIds, coachIds, childRefs, secrets, scoreValues, goalDescriptions };
    });
