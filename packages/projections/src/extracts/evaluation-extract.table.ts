import { ViewTable } from '../projection';
import { EvaluationExtract, ExtractProviderRow } from './evaluation-extract.view';

type Cell = string | number | boolean | null;

/** The long CSV layout: one value per row, so that every record kind shares one header. */
export const EXTRACT_TABLE_HEADER = [
  'record',
  'provider',
  'child',
  'coach',
  'community',
  'programYear',
  'by',
  'group',
  'on',
  'measure',
  'value',
  'suppressed',
] as const;

type Row = Partial<Record<(typeof EXTRACT_TABLE_HEADER)[number], Cell>>;

const providerRows = (p: ExtractProviderRow): Row[] => {
  const who: Row = {
    record: 'provider',
    provider: p.provider,
    coach: p.coach,
    community: p.community,
    programYear: p.programYear ? `${p.programYear.startsOn}/${p.programYear.endsOn}` : null,
  };
  const dated = (measure: string, on: string | null): Row[] => (on === null ? [] : [{ ...who, measure, on }]);
  const counted = (measure: string, value: number | null, on: string | null = null): Row => ({
    ...who,
    measure,
    value,
    on,
  });
  return [
    ...dated('enrolled', p.enrolledOn),
    ...dated('exited', p.exitedOn),
    ...dated('yearTwo', p.yearTwoOn),
    counted('dosageTargetMinutes', p.dosage.targetMinutes),
    counted('dosageYearToDateMinutes', p.dosage.yearToDateMinutes),
    ...p.dosage.months.map((m) => ({ ...counted('dosageMinutes', m.minutes, m.month), group: m.status })),
    counted('observationsScheduled', p.observations.scheduled),
    counted('observationsCompleted', p.observations.completed),
    counted('debriefs', p.debriefs),
    counted('agreements', p.agreements),
    counted('cyclesCompleted', p.cyclesCompleted),
    ...p.consents.map((c) => ({
      ...who,
      measure: `consent:${c.instrument}`,
      on: c.signedOn,
      group: c.withdrawnOn === null ? 'current' : `withdrawn ${c.withdrawnOn}`,
    })),
    ...p.scores.flatMap((o) =>
      Object.entries(o.scores).map(([name, value]) =>
        counted(`score:${o.instrument ?? 'unknown'}:${name}`, value, o.observedOn),
      ),
    ),
    ...p.benchmarks.flatMap((b) => [
      counted(`${b.form}:total`, b.total, b.completedOn),
      counted(`${b.form}:possible`, b.possible, b.completedOn),
      ...Object.entries(b.ratings).map(([element, rating]) => counted(`${b.form}:${element}`, rating, b.completedOn)),
    ]),
  ];
};

/** The extract flattened for CSV: the manifest's rows first, then providers, screenings and aggregates. */
export const evaluationExtractTable = (extract: EvaluationExtract): ViewTable => {
  const { manifest } = extract;
  const rows: Row[] = [
    { record: 'manifest', measure: 'extract', group: manifest.extract },
    { record: 'manifest', measure: 'asOf', on: manifest.asOf },
    {
      record: 'manifest',
      measure: 'suppressionThreshold',
      value: manifest.suppressionThreshold,
      group: manifest.suppression,
    },
    ...extract.providers.flatMap(providerRows),
    ...extract.screenings.flatMap((s): Row[] => {
      const who: Row = { record: 'screening', provider: s.provider, child: s.child };
      return [
        { ...who, measure: 'distributed', on: s.distributedOn, value: s.ageIntervalMonths },
        ...(s.scoredOn === null ? [] : [{ ...who, measure: 'scored', on: s.scoredOn, group: s.zone }]),
        ...s.followUpsOn.map((on) => ({ ...who, measure: 'followUp', on })),
      ];
    }),
    ...extract.aggregates.map((a): Row => ({
      record: 'aggregate',
      by: a.by,
      group: a.group,
      measure: a.measure,
      value: a.value,
      suppressed: a.suppressed,
    })),
  ];
  return {
    header: EXTRACT_TABLE_HEADER,
    rows: rows.map((row) => EXTRACT_TABLE_HEADER.map((column) => row[column] ?? null)),
  };
};
