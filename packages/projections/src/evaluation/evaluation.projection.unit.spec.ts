import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram } from '../testing/fixtures';
import { evaluationProjection } from './evaluation.projection';
import { CommunityEvaluation, EvaluationView } from './evaluation.view';

const evaluation = (
  events: ReadonlyArray<RecordedEvent>,
  asOf: string,
  query: { providerId?: string; communityId?: string } = {},
): EvaluationView => viewOf<EvaluationView>(evaluationProjection, events, { asOf, ...query });

const kent = (events: ReadonlyArray<RecordedEvent>, asOf: string): CommunityEvaluation => {
  const found = evaluation(events, asOf).communities.find((c) => c.communityId === 'kent');
  if (!found) throw new Error('kent is not in the view');
  return found;
};

const document = { uri: 's3://consents/scan.pdf', sha256: 'b'.repeat(64) };

/** Two center-based providers of Kent: consents, observations, a BOQ and two screenings. */
const evaluationYear = () =>
  kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add(
      'ProviderEnrolled',
      { ...enrollment('p-018', '2025-07-01'), agesServed: ['infant', 'toddler'] },
      at('2025-07-01'),
    )
    .add(
      'ConsentUploaded',
      { providerId: 'p-017', consentId: 'k-1', instrument: 'TPOT', signedOn: '2025-07-10', document },
      at('2025-07-10'),
    )
    .add(
      'ConsentUploaded',
      { providerId: 'p-018', consentId: 'k-2', instrument: 'TPITOS', signedOn: '2025-07-11', document },
      at('2025-07-11'),
    )
    .add(
      'ObservationScheduled',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        instrument: 'TPOT',
        scheduledFor: '2025-08-20',
        observerId: 'obs-9',
      },
      at('2025-08-01'),
    )
    .add(
      'ObservationScheduled',
      {
        providerId: 'p-018',
        observationId: 'o-2',
        instrument: 'TPITOS',
        scheduledFor: '2025-09-02',
        observerId: 'obs-9',
      },
      at('2025-08-02'),
    )
    .add(
      'ObservationCompleted',
      {
        providerId: 'p-017',
        observationId: 'o-1',
        observedOn: '2025-08-20',
        scores: { keyPracticesPercent: 64.3, redFlags: 2 },
      },
      at('2025-08-21'),
    )
    .add('ConsentWithdrawn', { providerId: 'p-018', consentId: 'k-2', withdrawnOn: '2025-08-25' }, at('2025-08-25'))
    .add(
      'BenchmarksOfQualityCompleted',
      {
        providerId: 'p-017',
        boqId: 'b-1',
        form: 'BOQ',
        formVersion: '2023',
        completedOn: '2025-08-12',
        ratings: { 'leadership-team': 2, 'staff-buy-in': 1, 'family-engagement': 0 },
      },
      at('2025-08-12'),
    )
    .add(
      'AsqSe2Distributed',
      {
        screeningId: 'q-1',
        providerId: 'p-017',
        childRef: 'child-7f3a',
        ageIntervalMonths: 48,
        distributedOn: '2025-08-01',
      },
      at('2025-08-01'),
    )
    .add(
      'AsqSe2Scored',
      { screeningId: 'q-1', score: 70, zone: 'monitoring', scoredOn: '2025-08-20' },
      at('2025-08-20'),
    )
    .add(
      'AsqSe2FollowUpRecorded',
      { screeningId: 'q-1', action: 'Shared activities with the family.', on: '2025-08-22' },
      at('2025-08-22'),
    )
    .add(
      'AsqSe2Distributed',
      {
        screeningId: 'q-2',
        providerId: 'p-018',
        childRef: 'child-91bc',
        ageIntervalMonths: 12,
        distributedOn: '2025-08-03',
      },
      at('2025-08-03'),
    );

describe('the evaluation view', () => {
  it('summarises consents, observations with their scores, BOQs and screenings per community', () => {
    expect(kent(evaluationYear().events(), at('2025-09-01'))).toEqual({
      communityId: 'kent',
      consents: {
        byInstrument: [
          { instrument: 'TPOT', uploaded: 1, withdrawn: 0, current: 1 },
          { instrument: 'TPITOS', uploaded: 1, withdrawn: 1, current: 0 },
        ],
        records: [
          {
            providerId: 'p-017',
            consentId: 'k-1',
            instrument: 'TPOT',
            signedOn: '2025-07-10',
            withdrawnOn: null,
            current: true,
          },
          {
            providerId: 'p-018',
            consentId: 'k-2',
            instrument: 'TPITOS',
            signedOn: '2025-07-11',
            withdrawnOn: '2025-08-25',
            current: false,
          },
        ],
      },
      observations: {
        scheduled: 2,
        completed: 1,
        records: [
          {
            providerId: 'p-017',
            observationId: 'o-1',
            instrument: 'TPOT',
            scheduledFor: '2025-08-20',
            observerId: 'obs-9',
            observedOn: '2025-08-20',
            scores: { keyPracticesPercent: 64.3, redFlags: 2 },
            consentWithdrawnOn: null,
            scoresWithdrawn: false,
          },
          {
            providerId: 'p-018',
            observationId: 'o-2',
            instrument: 'TPITOS',
            scheduledFor: '2025-09-02',
            observerId: 'obs-9',
            observedOn: null,
            scores: null,
            consentWithdrawnOn: null,
            scoresWithdrawn: false,
          },
        ],
      },
      benchmarks: [
        {
          providerId: 'p-017',
          boqId: 'b-1',
          form: 'BOQ',
          formVersion: '2023',
          completedOn: '2025-08-12',
          total: 3,
          possible: 6,
          ratings: { 'leadership-team': 2, 'staff-buy-in': 1, 'family-engagement': 0 },
        },
      ],
      screenings: {
        summary: {
          distributed: 2,
          scored: 1,
          byZone: { 'below-cutoff': 0, monitoring: 1, 'above-cutoff': 0 },
          followUps: 1,
          erased: 0,
        },
        records: [
          {
            screeningId: 'q-1',
            providerId: 'p-017',
            childRef: 'child-7f3a',
            ageIntervalMonths: 48,
            distributedOn: '2025-08-01',
            scoredOn: '2025-08-20',
            score: 70,
            zone: 'monitoring',
            followUps: [{ on: '2025-08-22', action: 'Shared activities with the family.' }],
          },
          {
            screeningId: 'q-2',
            providerId: 'p-018',
            childRef: 'child-91bc',
            ageIntervalMonths: 12,
            distributedOn: '2025-08-03',
            scoredOn: null,
            score: null,
            zone: null,
            followUps: [],
          },
        ],
      },
    });
  });

  it('counts a consent as current until its withdrawal is recorded', () => {
    const history = evaluationYear().events();
    expect(kent(history, at('2025-08-24')).consents.byInstrument[1]).toEqual({
      instrument: 'TPITOS',
      uploaded: 1,
      withdrawn: 0,
      current: 1,
    });
    expect(kent(history, at('2025-08-25')).consents.byInstrument[1]).toEqual({
      instrument: 'TPITOS',
      uploaded: 1,
      withdrawn: 1,
      current: 0,
    });
  });

  it('shows an erased child as "erased", keeping only the dates of what was done', () => {
    const history = evaluationYear()
      .add('ChildDataErased', { screeningId: 'q-1', childRef: 'child-7f3a', on: '2025-09-10' }, at('2025-09-10'))
      .events();
    expect(kent(history, at('2025-09-09')).screenings.records[0]?.childRef).toBe('child-7f3a');
    const after = kent(history, at('2025-09-10'));
    expect(after.screenings.records[0]).toEqual({
      screeningId: 'q-1',
      providerId: 'p-017',
      childRef: 'erased',
      ageIntervalMonths: null,
      distributedOn: '2025-08-01',
      scoredOn: '2025-08-20',
      score: null,
      zone: null,
      followUps: [{ on: '2025-08-22', action: null }],
    });
    expect(after.screenings.summary).toEqual({
      distributed: 2,
      scored: 1,
      byZone: { 'below-cutoff': 0, monitoring: 0, 'above-cutoff': 0 },
      followUps: 1,
      erased: 1,
    });
    expect(JSON.stringify(evaluation(history, at('2025-09-10')))).not.toContain('child-7f3a');
  });

  it('erases every screening of the child, and takes nothing about the child from events after the erasure', () => {
    const history = evaluationYear()
      .add(
        'AsqSe2Distributed',
        {
          screeningId: 'q-3',
          providerId: 'p-017',
          childRef: 'child-7f3a',
          ageIntervalMonths: 60,
          distributedOn: '2025-09-01',
        },
        at('2025-09-01'),
      )
      .add('ChildDataErased', { screeningId: 'q-1', childRef: 'child-7f3a', on: '2025-09-10' }, at('2025-09-10'))
      .add(
        'AsqSe2Scored',
        { screeningId: 'q-3', score: 20, zone: 'below-cutoff', scoredOn: '2025-09-12' },
        at('2025-09-12'),
      )
      .add(
        'AsqSe2FollowUpRecorded',
        { screeningId: 'q-3', action: 'Called the family.', on: '2025-09-13' },
        at('2025-09-13'),
      )
      .events();
    const q3 = kent(history, at('2025-09-20')).screenings.records.find((r) => r.screeningId === 'q-3');
    expect(q3).toMatchObject({
      childRef: 'erased',
      ageIntervalMonths: null,
      scoredOn: '2025-09-12',
      score: null,
      zone: null,
      followUps: [{ on: '2025-09-13', action: null }],
    });
  });

  it('keeps each community to its own providers and names providers by id only', () => {
    const history = evaluationYear()
      .add('CommunityRegistered', { communityId: 'lake', name: 'Lake County', kind: 'county' }, at('2025-06-20'))
      .add('ProviderEnrolled', enrollment('p-900', '2025-07-01', { communityId: 'lake' }), at('2025-07-01'))
      .add(
        'ConsentUploaded',
        { providerId: 'p-900', consentId: 'k-9', instrument: 'TPOT', signedOn: '2025-07-12', document },
        at('2025-07-12'),
      )
      .events();
    const view = evaluation(history, at('2025-09-01'));
    expect(view.communities.map((c) => [c.communityId, c.consents.records.map((r) => r.providerId)])).toEqual([
      ['kent', ['p-017', 'p-018']],
      ['lake', ['p-900']],
    ]);
    expect(JSON.stringify(view)).not.toContain('Provider p-0');
    expect(JSON.stringify(view)).not.toContain('Maple Street');
    expect(
      evaluation(history, at('2025-09-01'), { communityId: 'lake' }).communities.map((c) => c.communityId),
    ).toEqual(['lake']);
    const one = evaluation(history, at('2025-09-01'), { providerId: 'p-018' }).communities[0]!;
    expect([one.consents.records.map((r) => r.providerId), one.screenings.records.map((r) => r.providerId)]).toEqual([
      ['p-018'],
      ['p-018'],
    ]);
  });

  it('produces a view its codec accepts, with a row per consent, observation, BOQ and screening', () => {
    const view = evaluation(evaluationYear().events(), at('2025-09-01'));
    expect(evaluationProjection.viewCodec.is(view)).toBe(true);
    const table = evaluationProjection.table(view);
    expect(table.rows.map((row) => row[1])).toEqual([
      'consent',
      'consent',
      'observation',
      'observation',
      'benchmarks',
      'screening',
      'screening',
    ]);
    expect(table.rows[2]).toEqual([
      'kent',
      'observation',
      'p-017',
      'o-1',
      'TPOT',
      '2025-08-20',
      'completed',
      null,
      null,
      'keyPracticesPercent=64.3;redFlags=2',
    ]);
    expect(table.rows[5]).toEqual([
      'kent',
      'screening',
      'p-017',
      'q-1',
      'ASQ-SE2',
      '2025-08-20',
      'monitoring',
      70,
      'child-7f3a',
      'followUps=1',
    ]);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
  });
});
