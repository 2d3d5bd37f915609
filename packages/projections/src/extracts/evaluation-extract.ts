import { copyTable, RecordedEvent } from '@coachline/domain';
import { cyclesProjection, CyclesView } from '../cycles';
import { dosageProjection, DosageView } from '../dosage';
import {
  ERASED_CHILD_REF,
  evaluationProjection,
  EvaluationView,
  ObservationRecord,
  ScreeningRecord,
} from '../evaluation';
import { render, resolveAsOf, startFold } from '../fold';
import { compareText, sortedBy } from '../ordering';
import { enrolmentFold, EnrolmentState } from './enrolment.fold';
import {
  AggregateBreakdown,
  ERASED_CHILD,
  EvaluationExtract,
  ExtractAggregateRow,
  ExtractProviderRow,
  ExtractScreeningRow,
  Pseudonymize,
  SMALL_CELL_THRESHOLD,
} from './evaluation-extract.view';
import { cell, hiddenGroups } from './small-cells';

export interface ExtractOptions {
  readonly pseudonymize: Pseudonymize;
  readonly threshold?: number;
}

interface Views {
  readonly asOf: string;
  readonly dosage: DosageView;
  readonly evaluation: EvaluationView;
  readonly cycles: CyclesView;
  readonly enrolment: EnrolmentState;
}

/** The provider a row is about, before pseudonyms and suppression. */
interface ProviderFacts {
  readonly providerId: string;
  readonly communityId: string;
  readonly cohort: string;
  readonly coach: string | null;
  readonly row: Omit<ExtractProviderRow, 'record' | 'provider' | 'coach' | 'community' | 'programYear'>;
  readonly programYear: ExtractProviderRow['programYear'];
  readonly screenings: ReadonlyArray<ScreeningRecord>;
}

const UNKNOWN_COHORT = 'unknown';

const suppression = (threshold: number): string =>
  `Every count of a group (all providers, a community, a cohort) covering fewer than ${threshold} providers is written as "value": null with "suppressed": true, ` +
  `and so is the next smallest group while the suppressed groups of a breakdown cover fewer than ${threshold} providers together; ` +
  'provider rows leave "community" and "programYear" null where that group is suppressed.';

const byProvider = <T extends { providerId: string }>(records: ReadonlyArray<T>): Map<string, T[]> => {
  const grouped = new Map<string, T[]>();
  for (const record of records) grouped.set(record.providerId, [...(grouped.get(record.providerId) ?? []), record]);
  return grouped;
};

const scoresOf = (observations: ReadonlyArray<ObservationRecord>): ExtractProviderRow['scores'] =>
  observations.flatMap((o) =>
    o.observedOn !== null && o.scores !== null
      ? [{ instrument: o.instrument, observedOn: o.observedOn, scores: copyTable(o.scores) }]
      : [],
  );

const factsOf = (views: Views, pseudonymize: Pseudonymize): ProviderFacts[] => {
  const communities = views.evaluation.communities;
  const observations = byProvider(communities.flatMap((c) => c.observations.records));
  const consents = byProvider(communities.flatMap((c) => c.consents.records));
  const benchmarks = byProvider(communities.flatMap((c) => c.benchmarks));
  const screenings = byProvider(communities.flatMap((c) => c.screenings.records));
  const agreements = byProvider(views.cycles.agreements);
  const dosage = new Map(views.dosage.providers.map((p) => [p.providerId, p]));
  return Object.entries(views.enrolment.providers).flatMap(([providerId, ledger]): ProviderFacts[] => {
    if (ledger.communityId === undefined) return [];
    const programYear =
      ledger.programYearId === undefined ? undefined : views.enrolment.programYears[ledger.programYearId];
    const own = dosage.get(providerId);
    const observed = observations.get(providerId) ?? [];
    const agreed = agreements.get(providerId) ?? [];
    return [
      {
        providerId,
        communityId: ledger.communityId,
        cohort: programYear ? `${programYear.startsOn}/${programYear.endsOn}` : UNKNOWN_COHORT,
        programYear: programYear ? { startsOn: programYear.startsOn, endsOn: programYear.endsOn } : null,
        screenings: screenings.get(providerId) ?? [],
        coach: own ? pseudonymize('coach', own.coachId) : null,
        row: {
          enrolledOn: ledger.enrolledOn ?? null,
          exitedOn: ledger.exitedOn ?? null,
          yearTwoOn: ledger.yearTwoOn ?? null,
          dosage: {
            targetMinutes: own?.targetMinutes ?? null,
            yearToDateMinutes: own?.yearToDateMinutes ?? 0,
            months: (own?.months ?? []).map((m) => ({ month: m.month, minutes: m.minutes, status: m.status })),
          },
          observations: {
            scheduled: observed.filter((o) => o.scheduledFor !== null).length,
            completed: observed.filter((o) => o.observedOn !== null).length,
          },
          debriefs: ledger.debriefs,
          agreements: agreed.length,
          cyclesCompleted: agreed.reduce((sum, a) => sum + a.cyclesCompleted, 0),
          consents: (consents.get(providerId) ?? []).map((c) => ({
            instrument: c.instrument,
            signedOn: c.signedOn,
            withdrawnOn: c.withdrawnOn,
          })),
          scores: scoresOf(observed),
          // The form's version is free text: the form and the ratings are what is evaluated.
          benchmarks: (benchmarks.get(providerId) ?? []).map((b) => ({
            form: b.form,
            completedOn: b.completedOn,
            total: b.total,
            possible: b.possible,
            ratings: copyTable(b.ratings),
          })),
        },
      },
    ];
  });
};

/** Every count of a group, in the order the extract writes them. */
export const EXTRACT_MEASURES = [
  'providers',
  'exited',
  'dosageMinutes',
  'dosageMonthsMet',
  'observationsScheduled',
  'observationsCompleted',
  'debriefs',
  'agreements',
  'cyclesCompleted',
  'consentsCurrent',
  'screeningsDistributed',
  'screeningsScored',
  'screeningsBelowCutoff',
  'screeningsMonitoring',
  'screeningsAboveCutoff',
  'screeningsErased',
] as const;
type Measure = (typeof EXTRACT_MEASURES)[number];

/** What each provider adds to the counts of its groups. */
const measuresOf = ({ row, screenings }: ProviderFacts): Record<Measure, number> => {
  const inZone = (zone: string) => screenings.filter((s) => s.zone === zone).length;
  return {
    providers: 1,
    exited: row.exitedOn === null ? 0 : 1,
    dosageMinutes: row.dosage.yearToDateMinutes,
    dosageMonthsMet: row.dosage.months.filter((m) => m.status === 'met').length,
    observationsScheduled: row.observations.scheduled,
    observationsCompleted: row.observations.completed,
    debriefs: row.debriefs,
    agreements: row.agreements,
    cyclesCompleted: row.cyclesCompleted,
    consentsCurrent: row.consents.filter((c) => c.withdrawnOn === null).length,
    screeningsDistributed: screenings.length,
    screeningsScored: screenings.filter((s) => s.scoredOn !== null).length,
    screeningsBelowCutoff: inZone('below-cutoff'),
    screeningsMonitoring: inZone('monitoring'),
    screeningsAboveCutoff: inZone('above-cutoff'),
    screeningsErased: screenings.filter((s) => s.childRef === ERASED_CHILD_REF).length,
  };
};

/** A breakdown's groups, each with its providers' summed measures, and which of them are small cells. */
const breakdown = (facts: ReadonlyArray<ProviderFacts>, groupOf: (f: ProviderFacts) => string, threshold: number) => {
  const groups = new Map<string, ProviderFacts[]>();
  for (const f of facts) groups.set(groupOf(f), [...(groups.get(groupOf(f)) ?? []), f]);
  const hidden = hiddenGroups(new Map([...groups].map(([group, members]) => [group, members.length])), threshold);
  return { groups, hidden };
};

const aggregateRows = (
  by: AggregateBreakdown,
  groups: Map<string, ProviderFacts[]>,
  hidden: ReadonlySet<string>,
): ExtractAggregateRow[] =>
  [...groups.keys()].sort(compareText).flatMap((group) => {
    const members = groups.get(group)!.map(measuresOf);
    return EXTRACT_MEASURES.map((measure) => {
      const total = members.reduce((sum, member) => sum + member[measure], 0);
      return {
        record: 'aggregate' as const,
        by,
        group: by === 'all' ? null : group,
        measure,
        ...cell(total, hidden.has(group)),
      };
    });
  });

const screeningRow = (s: ScreeningRecord, pseudonymize: Pseudonymize): ExtractScreeningRow => {
  const erased = s.childRef === ERASED_CHILD_REF;
  return {
    record: 'screening',
    child: erased ? ERASED_CHILD : pseudonymize('child', s.childRef),
    provider: pseudonymize('provider', s.providerId),
    ageIntervalMonths: erased ? null : s.ageIntervalMonths,
    distributedOn: s.distributedOn,
    scoredOn: s.scoredOn,
    zone: erased ? null : s.zone,
    followUpsOn: s.followUps.map((f) => f.on),
  };
};

/** The de-identified extract from the views: pseudonyms instead of ids, no names or free text, small cells suppressed. */
export const renderEvaluationExtract = (views: Views, options: ExtractOptions): EvaluationExtract => {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  const { pseudonymize } = options;
  const facts = factsOf(views, pseudonymize);
  const all = breakdown(facts, () => 'all', threshold);
  const communities = breakdown(facts, (f) => f.communityId, threshold);
  const cohorts = breakdown(facts, (f) => f.cohort, threshold);
  const providers = facts.map((f): ExtractProviderRow => ({
    record: 'provider',
    provider: pseudonymize('provider', f.providerId),
    coach: f.coach,
    community: communities.hidden.has(f.communityId) ? null : f.communityId,
    programYear: cohorts.hidden.has(f.cohort) ? null : f.programYear,
    ...f.row,
  }));
  // Rows are ordered by pseudonym, so that their order does not give away the order of the ids.
  const screenings = facts.flatMap((f) => f.screenings.map((s) => screeningRow(s, pseudonymize)));
  return {
    manifest: {
      record: 'manifest',
      extract: 'evaluation',
      asOf: views.asOf,
      suppressionThreshold: threshold,
      suppression: suppression(threshold),
    },
    providers: sortedBy(providers, (p) => p.provider),
    screenings: sortedBy(
      screenings,
      (s) => s.provider,
      (s) => s.distributedOn,
      (s) => s.child,
    ),
    aggregates: [
      ...aggregateRows('all', all.groups, all.hidden),
      ...aggregateRows('community', communities.groups, communities.hidden),
      ...aggregateRows('cohort', cohorts.groups, cohorts.hidden),
    ],
  };
};

/**
 * Folds a history, one event at a time as it streams from a file or a store, into the views the
 * extract is made from; `result` renders the extract as of the moment asked for.
 */
export const startEvaluationExtract = (asOf?: string) => {
  const options = asOf === undefined ? {} : { asOf };
  const dosage = startFold(dosageProjection, options);
  const evaluation = startFold(evaluationProjection, options);
  const cycles = startFold(cyclesProjection, options);
  const asOfMs = asOf === undefined ? undefined : Date.parse(asOf);
  let enrolment = enrolmentFold.init();
  return {
    push(event: RecordedEvent): void {
      dosage.push(event);
      evaluation.push(event);
      cycles.push(event);
      if (
        enrolmentFold.eventTypes.has(event.type) &&
        (asOfMs === undefined || Date.parse(event.metadata.recordedAt) <= asOfMs)
      )
        enrolment = enrolmentFold.apply(enrolment, event);
    },
    result(extract: ExtractOptions): EvaluationExtract {
      const folded = dosage.result();
      const at = resolveAsOf(asOf, folded.latestRecordedAt);
      const views: Views = {
        asOf: at,
        dosage: render<DosageView>(dosageProjection, folded, { asOf: at }),
        evaluation: render<EvaluationView>(evaluationProjection, evaluation.result(), { asOf: at }),
        cycles: render<CyclesView>(cyclesProjection, cycles.result(), { asOf: at }),
        enrolment,
      };
      return renderEvaluationExtract(views, extract);
    },
  };
};

export const evaluationExtractOf = (
  history: Iterable<RecordedEvent>,
  options: ExtractOptions & { asOf?: string },
): EvaluationExtract => {
  const fold = startEvaluationExtract(options.asOf);
  for (const event of history) fold.push(event);
  return fold.result(options);
};
