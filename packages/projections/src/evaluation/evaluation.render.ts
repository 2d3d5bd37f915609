import { AsqSe2Zone, copyTable, ObservationInstrument } from '@coachline/domain';
import { compareText, sortedBy } from '../ordering';
import { ViewQuery, ViewTable } from '../projection';
import { consentStandingOf } from './evaluation.consent';
import {
  BenchmarksRecord,
  CommunityEvaluation,
  ConsentRecord,
  ERASED_CHILD_REF,
  EvaluationState,
  EvaluationView,
  ObservationRecord,
  ScreeningRecord,
  ScreeningSummary,
} from './evaluation.view';

/** A critical element rated "in place" scores 2. */
const MAX_RATING = 2;

const consentRecords = (state: EvaluationState, providerIds: ReadonlyArray<string>): ConsentRecord[] =>
  providerIds.flatMap((providerId) =>
    Object.entries(state.providers[providerId]!.consents).flatMap(([consentId, c]): ConsentRecord[] =>
      c.instrument === undefined || c.signedOn === undefined
        ? []
        : [
            {
              providerId,
              consentId,
              instrument: c.instrument,
              signedOn: c.signedOn,
              withdrawnOn: c.withdrawnOn ?? null,
              current: c.withdrawnOn === undefined,
            },
          ],
    ),
  );

const observationRecords = (state: EvaluationState, providerIds: ReadonlyArray<string>): ObservationRecord[] =>
  providerIds.flatMap((providerId) => {
    const ledger = state.providers[providerId]!;
    const consents = Object.values(ledger.consents);
    return Object.entries(ledger.observations).map(([observationId, o]) => {
      const standing = consentStandingOf(consents, o.instrument, o.observedOn);
      return {
        providerId,
        observationId,
        instrument: o.instrument ?? null,
        scheduledFor: o.scheduledFor ?? null,
        observerId: o.observerId ?? null,
        observedOn: o.observedOn ?? null,
        scores: o.scores && !standing.withheld ? copyTable(o.scores) : null,
        consentWithdrawnOn: standing.withdrawnOn,
        scoresWithdrawn: standing.withheld,
      };
    });
  });

const benchmarksRecords = (state: EvaluationState, providerIds: ReadonlyArray<string>): BenchmarksRecord[] =>
  providerIds.flatMap((providerId) =>
    Object.entries(state.providers[providerId]!.benchmarks).map(([boqId, b]) => ({
      providerId,
      boqId,
      form: b.form,
      formVersion: b.formVersion,
      completedOn: b.completedOn,
      total: Object.values(b.ratings).reduce((sum, rating) => sum + rating, 0),
      possible: Object.keys(b.ratings).length * MAX_RATING,
      ratings: copyTable(b.ratings),
    })),
  );

const screeningRecords = (state: EvaluationState, providerIds: ReadonlySet<string>): ScreeningRecord[] =>
  Object.entries(state.screenings).flatMap(([screeningId, s]): ScreeningRecord[] =>
    s.providerId === undefined || s.distributedOn === undefined || !providerIds.has(s.providerId)
      ? []
      : [
          {
            screeningId,
            providerId: s.providerId,
            childRef: s.erased ? ERASED_CHILD_REF : (s.childRef ?? ERASED_CHILD_REF),
            ageIntervalMonths: s.ageIntervalMonths ?? null,
            distributedOn: s.distributedOn,
            scoredOn: s.scoredOn ?? null,
            score: s.score ?? null,
            zone: s.zone ?? null,
            followUps: s.followUps.map((f) => ({ on: f.on, action: f.action ?? null })),
          },
        ],
  );

const screeningSummary = (records: ReadonlyArray<ScreeningRecord>): ScreeningSummary => {
  const inZone = (zone: AsqSe2Zone) => records.filter((r) => r.zone === zone).length;
  return {
    distributed: records.length,
    scored: records.filter((r) => r.scoredOn !== null).length,
    byZone: {
      'below-cutoff': inZone('below-cutoff'),
      monitoring: inZone('monitoring'),
      'above-cutoff': inZone('above-cutoff'),
    },
    followUps: records.reduce((sum, r) => sum + r.followUps.length, 0),
    erased: records.filter((r) => r.childRef === ERASED_CHILD_REF).length,
  };
};

const communityEvaluation = (
  state: EvaluationState,
  communityId: string,
  providerIds: ReadonlyArray<string>,
): CommunityEvaluation => {
  const consents = sortedBy(
    consentRecords(state, providerIds),
    (c) => c.providerId,
    (c) => c.signedOn,
    (c) => c.consentId,
  );
  const observations = sortedBy(
    observationRecords(state, providerIds),
    (o) => o.providerId,
    (o) => o.scheduledFor ?? o.observedOn ?? '',
    (o) => o.observationId,
  );
  const screenings = sortedBy(
    screeningRecords(state, new Set(providerIds)),
    (s) => s.providerId,
    (s) => s.distributedOn,
    (s) => s.screeningId,
  );
  return {
    communityId,
    consents: {
      byInstrument: ObservationInstrument.values.map((instrument) => {
        const of = consents.filter((c) => c.instrument === instrument);
        return {
          instrument,
          uploaded: of.length,
          withdrawn: of.filter((c) => !c.current).length,
          current: of.filter((c) => c.current).length,
        };
      }),
      records: consents,
    },
    observations: {
      scheduled: observations.filter((o) => o.scheduledFor !== null).length,
      completed: observations.filter((o) => o.observedOn !== null).length,
      records: observations,
    },
    benchmarks: sortedBy(
      benchmarksRecords(state, providerIds),
      (b) => b.providerId,
      (b) => b.completedOn,
      (b) => b.boqId,
    ),
    screenings: { summary: screeningSummary(screenings), records: screenings },
  };
};

/** Every community known (registered, or named by an enrollment), with the records of its enrolled providers. */
export const renderEvaluation = (state: EvaluationState, query: ViewQuery): EvaluationView => {
  const providersByCommunity = new Map<string, string[]>();
  for (const providerId of Object.keys(state.providers).sort(compareText)) {
    const communityId = state.providers[providerId]!.communityId;
    if (communityId === undefined || (query.providerId !== undefined && providerId !== query.providerId)) continue;
    const members = providersByCommunity.get(communityId) ?? [];
    members.push(providerId);
    providersByCommunity.set(communityId, members);
  }
  const communityIds = [...new Set([...Object.keys(state.communities), ...providersByCommunity.keys()])].sort(
    compareText,
  );
  return {
    asOf: query.asOf,
    communities: communityIds
      .filter((communityId) => query.communityId === undefined || communityId === query.communityId)
      .map((communityId) => communityEvaluation(state, communityId, providersByCommunity.get(communityId) ?? [])),
  };
};

const figures = (values: Record<string, number>): string =>
  Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join(';');

const observationDetails = (r: ObservationRecord): string | null => {
  const details = [
    ...(r.scores ? [figures(r.scores)] : []),
    ...(r.consentWithdrawnOn ? [`consentWithdrawnOn=${r.consentWithdrawnOn}`] : []),
  ];
  return details.length === 0 ? null : details.join(';');
};

/** One row per consent, observation, BOQ and screening; scores and ratings as `name=value` lists. */
export const evaluationTable = (view: EvaluationView): ViewTable => ({
  header: [
    'communityId',
    'record',
    'providerId',
    'recordId',
    'instrument',
    'on',
    'status',
    'score',
    'childRef',
    'details',
  ],
  rows: view.communities.flatMap((c) => [
    ...c.consents.records.map((r) => [
      c.communityId,
      'consent',
      r.providerId,
      r.consentId,
      r.instrument,
      r.signedOn,
      r.current ? 'current' : 'withdrawn',
      null,
      null,
      r.withdrawnOn ? `withdrawnOn=${r.withdrawnOn}` : null,
    ]),
    ...c.observations.records.map((r) => [
      c.communityId,
      'observation',
      r.providerId,
      r.observationId,
      r.instrument,
      r.observedOn ?? r.scheduledFor,
      r.scoresWithdrawn ? 'withdrawn' : r.observedOn ? 'completed' : 'scheduled',
      null,
      null,
      observationDetails(r),
    ]),
    ...c.benchmarks.map((r) => [
      c.communityId,
      'benchmarks',
      r.providerId,
      r.boqId,
      r.form,
      r.completedOn,
      r.formVersion,
      r.total,
      null,
      figures(r.ratings),
    ]),
    ...c.screenings.records.map((r) => [
      c.communityId,
      'screening',
      r.providerId,
      r.screeningId,
      'ASQ-SE2',
      r.scoredOn ?? r.distributedOn,
      r.zone ?? (r.scoredOn ? 'scored' : 'distributed'),
      r.score,
      r.childRef,
      `followUps=${r.followUps.length}`,
    ]),
  ]),
});
