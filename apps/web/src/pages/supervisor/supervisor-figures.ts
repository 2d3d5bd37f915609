import type { ProgramReport, TeamsView } from '@coachline/projections';
import { today } from '../../app/today';

/** The months a report may be read for: this one and the eleven before it, newest first (`YYYY-MM`). */
export const recentMonths = (day: string = today(), count = 12): string[] => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

/** The communities the coaches are registered in, each once, in order. */
export const communitiesOf = (rows: ReadonlyArray<{ readonly communityId: string }>): string[] =>
  [...new Set(rows.map((row) => row.communityId))].sort();

type Lag = ProgramReport['totals']['lag'];

/** Days from a session to its record: the median and the 90th percentile, or a dash without sessions. */
export const lagText = (lag: Lag): string =>
  lag.medianDays === null ? '—' : `${lag.medianDays} / ${lag.p90Days ?? '—'} days`;

type Effectiveness = TeamsView['teams'][number]['effectiveness'];

/**
 * The days measured, each with one value per measure. A measure's name is the team's own text,
 * so the chart's keys are positions (`m0`, `m1`) and the names only its labels.
 */
export const effectivenessSeries = (rows: Effectiveness) => {
  const measures = [...new Set(rows.map((row) => row.measure))];
  const days = [...new Set(rows.map((row) => row.recordedOn))].sort();
  const data = days.map((day) => {
    const point: Record<string, string | number | null> = Object.create(null);
    point['day'] = day;
    measures.forEach((measure, index) => {
      point[`m${index}`] = rows.find((row) => row.recordedOn === day && row.measure === measure)?.percent ?? null;
    });
    return point;
  });
  return { measures, data };
};
