import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { at, enrollment, historyBuilder, identifyingHistory, MARKER_START } from '../testing';
import { sessionData } from '../testing/fixtures';
import { evaluationExtractOf } from './evaluation-extract';
import { evaluationExtractTable } from './evaluation-extract.table';
import { EvaluationExtract, extractLines, ExtractAggregateRow, Pseudonymize } from './evaluation-extract.view';

/** Stands in for the keyed hash of the command line: numbered pseudonyms, the same id always given the same one. */
const numbered = (): Pseudonymize => {
  const given = new Map<string, string>();
  return (kind, id) => {
    const key = `${kind}:${id}`;
    if (!given.has(key)) given.set(key, `${kind}-${String(given.size + 1).padStart(4, '0')}`);
    return given.get(key)!;
  };
};

const document = { uri: 's3://consents/scan.pdf', sha256: 'b'.repeat(64) };

/** Kent with six providers, Lake with five, Bay with two; one child screened and later erased. */
const threeCommunities = () => {
  const builder = historyBuilder()
    .add(
      'ProgramYearStarted',
      {
        communityId: 'kent',
        programYearId: 'py-2025',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    );
  const members: Array<[string, number]> = [
    ['kent', 6],
    ['lake', 5],
    ['bay', 2],
  ];
  for (const [communityId, count] of members)
    for (let i = 1; i <= count; i++)
      builder.add(
        'ProviderEnrolled',
        enrollment(`${communityId}-${i}`, '2025-07-01', { communityId }),
        at('2025-07-01'),
      );
  return builder
    .add('SessionLogged', sessionData('kent-1', 's-1', '2025-09-03', 90), at('2025-09-03'))
    .add(
      'ObservationScheduled',
      {
        providerId: 'kent-1',
        observationId: 'o-1',
        instrument: 'TPOT',
        scheduledFor: '2025-09-10',
        observerId: 'obs-9',
      },
      at('2025-09-01'),
    )
    .add(
      'ObservationCompleted',
      {
        providerId: 'kent-1',
        observationId: 'o-1',
        observedOn: '2025-09-10',
        scores: { keyPracticesPercent: 64.3, redFlags: 2 },
      },
      at('2025-09-11'),
    )
    .add(
      'DebriefHeld',
      {
        providerId: 'kent-1',
        observationId: 'o-1',
        heldOn: '2025-09-12',
        strengths: ['Warm transitions.'],
        nextSteps: ['Try a visual schedule.'],
      },
      at('2025-09-12'),
    )
    .add(
      'ConsentUploaded',
      { providerId: 'kent-1', consentId: 'k-1', instrument: 'TPOT', signedOn: '2025-07-10', document },
      at('2025-07-10'),
    )
    .add(
      'AsqSe2Distributed',
      {
        screeningId: 'q-1',
        providerId: 'kent-1',
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
        providerId: 'bay-1',
        childRef: 'child-91bc',
        ageIntervalMonths: 12,
        distributedOn: '2025-08-03',
      },
      at('2025-08-03'),
    )
    .add('ChildDataErased', { screeningId: 'q-2', childRef: 'child-91bc', on: '2025-09-20' }, at('2025-09-20'));
};

const aggregate = (
  extract: EvaluationExtract,
  by: string,
  group: string | null,
  measure: string,
): ExtractAggregateRow | undefined =>
  extract.aggregates.find((a) => a.by === by && a.group === group && a.measure === measure);

describe('the evaluation extract', () => {
  const extract = evaluationExtractOf(threeCommunities().events(), { pseudonymize: numbered() });

  it('opens with a manifest stating the as-of moment and the suppression threshold', () => {
    expect(extract.manifest).toMatchObject({
      record: 'manifest',
      extract: 'evaluation',
      asOf: '2025-09-20T12:00:00.000Z',
      suppressionThreshold: 5,
    });
    expect(extractLines(extract)[0]).toBe(extract.manifest);
  });

  it('gives each provider a row under pseudonym with dosage, observations, scores, debriefs and consents, and no name or free text', () => {
    const row = extract.providers.find((p) => p.scores.length > 0)!;
    expect(row).toMatchObject({
      record: 'provider',
      coach: expect.stringMatching(/^coach-/),
      community: 'kent',
      programYear: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
      enrolledOn: '2025-07-01',
      observations: { scheduled: 1, completed: 1 },
      debriefs: 1,
      consents: [{ instrument: 'TPOT', signedOn: '2025-07-10', withdrawnOn: null }],
      scores: [{ instrument: 'TPOT', observedOn: '2025-09-10', scores: { keyPracticesPercent: 64.3, redFlags: 2 } }],
    });
    expect(row.dosage.months.find((m) => m.month === '2025-09')).toEqual({
      month: '2025-09',
      minutes: 90,
      status: expect.any(String),
    });
    expect(extract.providers).toHaveLength(13);
    const text = JSON.stringify(extractLines(extract));
    for (const secret of [
      'kent-1',
      'c-03',
      'obs-9',
      'child-7f3a',
      'child-91bc',
      'Provider',
      'Maple Street',
      'Dana Ruiz',
      'Warm transitions',
      'visual schedule',
      'Shared activities',
    ])
      expect(text).not.toContain(secret);
  });

  it('lists screenings by child pseudonym with their zone, and an erased child as "erased" with no zone', () => {
    expect(extract.screenings).toEqual(
      expect.arrayContaining([
        {
          record: 'screening',
          child: expect.stringMatching(/^child-/),
          provider: expect.stringMatching(/^provider-/),
          ageIntervalMonths: 48,
          distributedOn: '2025-08-01',
          scoredOn: '2025-08-20',
          zone: 'monitoring',
          followUpsOn: ['2025-08-22'],
        },
        {
          record: 'screening',
          child: 'erased',
          provider: expect.stringMatching(/^provider-/),
          ageIntervalMonths: null,
          distributedOn: '2025-08-03',
          scoredOn: null,
          zone: null,
          followUpsOn: [],
        },
      ]),
    );
  });

  it('suppresses a community of fewer than five providers, and the next smallest so that it cannot be worked out from the total', () => {
    expect(aggregate(extract, 'all', null, 'providers')).toMatchObject({ value: 13, suppressed: false });
    expect(aggregate(extract, 'community', 'kent', 'providers')).toMatchObject({ value: 6, suppressed: false });
    expect(aggregate(extract, 'community', 'kent', 'observationsCompleted')).toMatchObject({
      value: 1,
      suppressed: false,
    });
    expect(aggregate(extract, 'community', 'bay', 'providers')).toEqual({
      record: 'aggregate',
      by: 'community',
      group: 'bay',
      measure: 'providers',
      value: null,
      suppressed: true,
    });
    expect(aggregate(extract, 'community', 'bay', 'screeningsErased')).toMatchObject({ value: null, suppressed: true });
    expect(aggregate(extract, 'community', 'lake', 'providers')).toMatchObject({ value: null, suppressed: true });
    expect(extract.providers.map((p) => p.community).sort()).toEqual([
      ...Array(6).fill('kent'),
      ...Array(7).fill(null),
    ]);
  });

  it('suppresses every count when the whole program has fewer than five providers', () => {
    const small = evaluationExtractOf(
      threeCommunities()
        .events()
        .filter((e) => !(e.type === 'ProviderEnrolled' && !/^bay-/.test(e.data.providerId))),
      {
        pseudonymize: numbered(),
      },
    );
    expect(small.aggregates.length).toBeGreaterThan(0);
    expect(small.aggregates.every((a) => a.value === null && a.suppressed)).toBe(true);
  });

  it('keeps to what was recorded by the as-of moment', () => {
    const before = evaluationExtractOf(threeCommunities().events(), {
      pseudonymize: numbered(),
      asOf: at('2025-09-01'),
    });
    expect(before.manifest.asOf).toBe(at('2025-09-01'));
    expect(before.providers.flatMap((p) => p.scores)).toEqual([]);
    expect(before.screenings.map((s) => s.child)).not.toContain('erased');
  });

  it('flattens to one CSV table whose first rows are the manifest', () => {
    const table = evaluationExtractTable(extract);
    expect(table.rows.slice(0, 3).map((row) => row[0])).toEqual(['manifest', 'manifest', 'manifest']);
    expect(table.rows[2]).toContain(5);
    expect(table.rows.every((row) => row.length === table.header.length)).toBe(true);
    expect(
      table.rows.some(
        (row) => row[0] === 'provider' && row[9] === 'score:TPOT:keyPracticesPercent' && row[10] === 64.3,
      ),
    ).toBe(true);
  });
});

/** The providers each aggregate group covers, worked out from the history itself. */
const groupSizes = (events: ReadonlyArray<RecordedEvent>): Map<string, number> => {
  const enrolled = new Map<string, { communityId: string; programYearId: string }>();
  for (const e of events)
    if (e.type === 'ProviderEnrolled')
      enrolled.set(e.data.providerId, { communityId: e.data.communityId, programYearId: e.data.programYearId });
  const sizes = new Map<string, number>();
  const count = (key: string) => sizes.set(key, (sizes.get(key) ?? 0) + 1);
  for (const { communityId } of enrolled.values()) {
    count('all:');
    count(`community:${communityId}`);
  }
  return sizes;
};

describe('the evaluation extract of any history', () => {
  it('holds no id of a person, name or free text; every shown count covers at least five providers', () =>
    fc.assert(
      fc.property(identifyingHistory(), (history) => {
        const extract = evaluationExtractOf(history.events, { pseudonymize: numbered() });
        expect(EvaluationExtract.is(extract)).toBe(true);
        const text = JSON.stringify(extractLines(extract)) + JSON.stringify(evaluationExtractTable(extract));
        expect(history.secrets.filter((secret) => text.includes(secret))).toEqual([]);
        expect(text).not.toContain(MARKER_START);
        expect(extract.providers).toHaveLength(new Set(history.providerIds).size);
        const sizes = groupSizes(history.events);
        for (const a of extract.aggregates) {
          if (a.by === 'cohort') continue;
          const size = sizes.get(`${a.by}:${a.group ?? ''}`) ?? 0;
          if (size < 5) expect(a).toMatchObject({ value: null, suppressed: true });
          if (a.measure === 'providers' && a.value !== null) expect(a.value).toBeGreaterThanOrEqual(5);
        }
      }),
      { numRuns: 150 },
    ));
});
