import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, enrollment, historyBuilder } from '../testing';
import { evaluationExtractOf } from '../extracts';
import { evaluationProjection } from './evaluation.projection';
import { EvaluationView, ObservationRecord } from './evaluation.view';

const document = { uri: 's3://consents/scan.pdf', sha256: 'b'.repeat(64) };
const scores = { keyPracticesPercent: 64.3, redFlags: 2 };

interface Plan {
  readonly withdrawnOn?: string;
  /** A second consent, signed after the withdrawal. */
  readonly renewedOn?: string;
  readonly observedOn: ReadonlyArray<string>;
}

const historyOf = (plan: Plan, recordedAt = at('2025-12-01')): RecordedEvent[] => {
  const builder = historyBuilder()
    .add('ProviderEnrolled', enrollment('p-017', '2025-07-01'), at('2025-07-01'))
    .add(
      'ConsentUploaded',
      { providerId: 'p-017', consentId: 'k-1', instrument: 'TPOT', signedOn: '2025-07-10', document },
      at('2025-07-10'),
    );
  plan.observedOn.forEach((observedOn, i) =>
    builder
      .add(
        'ObservationScheduled',
        {
          providerId: 'p-017',
          observationId: `o-${i}`,
          instrument: 'TPOT',
          scheduledFor: observedOn,
          observerId: 'obs-9',
        },
        at('2025-07-11'),
      )
      .add('ObservationCompleted', { providerId: 'p-017', observationId: `o-${i}`, observedOn, scores }, recordedAt),
  );
  if (plan.withdrawnOn !== undefined)
    builder.add(
      'ConsentWithdrawn',
      { providerId: 'p-017', consentId: 'k-1', withdrawnOn: plan.withdrawnOn },
      at(plan.withdrawnOn),
    );
  if (plan.renewedOn !== undefined)
    builder.add(
      'ConsentUploaded',
      { providerId: 'p-017', consentId: 'k-2', instrument: 'TPOT', signedOn: plan.renewedOn, document },
      at(plan.renewedOn),
    );
  return builder.events();
};

const observations = (events: ReadonlyArray<RecordedEvent>, asOf = at('2026-01-01')): ObservationRecord[] =>
  viewOf<EvaluationView>(evaluationProjection, events, { asOf }).communities.flatMap((c) => c.observations.records);

const extractScores = (events: ReadonlyArray<RecordedEvent>) =>
  evaluationExtractOf(events, { pseudonymize: (kind, id) => `${kind}:${id}`, asOf: at('2026-01-01') })
    .providers.flatMap((p) => p.scores)
    .map((s) => s.observedOn);

describe('observation scores after a consent is withdrawn', () => {
  const plan = { withdrawnOn: '2025-09-15', observedOn: ['2025-08-20', '2025-09-15', '2025-10-02'] };

  it('leaves the scores dated on or after the withdrawal out, and marks those made before it', () => {
    expect(
      observations(historyOf(plan)).map((o) => [o.observedOn, o.scores, o.consentWithdrawnOn, o.scoresWithdrawn]),
    ).toEqual([
      ['2025-08-20', scores, '2025-09-15', false],
      ['2025-09-15', null, '2025-09-15', true],
      ['2025-10-02', null, '2025-09-15', true],
    ]);
  });

  it('shows them until the withdrawal is recorded, and keeps them in the history', () => {
    const history = historyOf(plan);
    expect(observations(history, at('2025-09-14')).map((o) => o.scoresWithdrawn)).toEqual([false, false, false]);
    expect(history.filter((e) => e.type === 'ObservationCompleted').map((e) => e.data)).toHaveLength(3);
  });

  it('shows again what a consent signed after the withdrawal covers, from its signing', () => {
    const renewed = observations(historyOf({ ...plan, renewedOn: '2025-10-01' }));
    expect(renewed.map((o) => [o.observedOn, o.scoresWithdrawn, o.consentWithdrawnOn])).toEqual([
      ['2025-08-20', false, '2025-09-15'],
      ['2025-09-15', true, '2025-09-15'],
      ['2025-10-02', false, null],
    ]);
  });

  it('marks withheld scores in the table, without their figures', () => {
    const view = viewOf<EvaluationView>(evaluationProjection, historyOf(plan), { asOf: at('2026-01-01') });
    const rows = evaluationProjection.table(view).rows.filter((row) => row[1] === 'observation');
    expect(rows.map((row) => [row[5], row[6], row[9]])).toEqual([
      ['2025-08-20', 'completed', 'keyPracticesPercent=64.3;redFlags=2;consentWithdrawnOn=2025-09-15'],
      ['2025-09-15', 'withdrawn', 'consentWithdrawnOn=2025-09-15'],
      ['2025-10-02', 'withdrawn', 'consentWithdrawnOn=2025-09-15'],
    ]);
  });

  it('keeps withheld scores out of the de-identified extract', () => {
    expect(extractScores(historyOf(plan))).toEqual(['2025-08-20']);
  });

  const day = fc
    .integer({ min: 0, max: 120 })
    .map((n) => new Date(Date.UTC(2025, 6, 11 + n)).toISOString().slice(0, 10));
  const plans: fc.Arbitrary<Plan> = fc.record(
    { withdrawnOn: day, renewedOn: day, observedOn: fc.array(day, { maxLength: 6 }) },
    { requiredKeys: ['observedOn'] },
  );

  it('never shows a score dated on or after a withdrawal no later consent covers, in the view or the extract', () => {
    fc.assert(
      fc.property(plans, (drawn) => {
        // A renewal is a consent given again after the withdrawal.
        const plan: Plan =
          drawn.renewedOn !== undefined && (drawn.withdrawnOn === undefined || drawn.renewedOn < drawn.withdrawnOn)
            ? { ...drawn, renewedOn: undefined }
            : drawn;
        const { withdrawnOn, renewedOn } = plan;
        const covered = (on: string) =>
          withdrawnOn === undefined || on < withdrawnOn || (renewedOn !== undefined && renewedOn <= on);
        const history = historyOf(plan);
        const records = observations(history);
        expect(records).toHaveLength(plan.observedOn.length);
        for (const o of records) {
          const on = o.observedOn!;
          expect(o.scoresWithdrawn).toBe(!covered(on));
          expect(o.scores).toEqual(covered(on) ? scores : null);
          const underFirst = withdrawnOn !== undefined && (on < withdrawnOn || !covered(on));
          expect(o.consentWithdrawnOn).toBe(underFirst ? withdrawnOn : null);
        }
        expect(extractScores(history).sort()).toEqual(plan.observedOn.filter(covered).sort());
      }),
    );
  });
});
