import { escapeUnsafe, Month, type RecordedEvent, streamName } from '@coachline/domain';
import {
  cyclesProjection,
  dosageProjection,
  leadershipReport,
  programReport,
  programReportHtml,
  programReportTables,
  recordingLagProjection,
  render,
  type ReportViews,
  startFold,
  timelineProjection,
} from '@coachline/projections';
import { FORMATS, type Format, formatView } from '../output/format-view';
import { parseAsOf, parseId } from './options';
import { foldHistory } from './fold-history';
import { FailureError, UsageError } from './usage-error';

/** The store `report` reads when given neither a file nor a store, as the other store commands do. */
const DEFAULT_STORE = './.coachline';

const REPORT_FORMATS = [...FORMATS, 'html'] as const;
type ReportFormat = Format | 'html';

export interface ReportOptions {
  /** A replay of this file, or else a read of `store`. */
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly communityId: string;
  readonly month: string;
  /** Leadership's reduced form rather than the whole report. */
  readonly forLeadership: boolean;
  readonly format: ReportFormat;
}

/** The flags of `coachline report` as commander gives them. */
export interface ReportFlags {
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly community: string;
  readonly month: string;
  readonly for?: string;
  readonly format?: string;
}

/** Every flag of `coachline report` checked; bad usage is one line naming the flag. */
export const reportOptionsOf = (flags: ReportFlags): ReportOptions => {
  if (flags.events !== undefined && flags.store !== undefined)
    throw new UsageError('report: --events and --store name two histories; give one of them');
  if (!Month.is(flags.month))
    throw new UsageError(`--month: expected a month YYYY-MM, got "${escapeUnsafe(flags.month)}"`);
  if (flags.for !== undefined && flags.for !== 'leadership')
    throw new UsageError(`--for: expected leadership, got "${escapeUnsafe(flags.for)}"`);
  const format = flags.format ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: expected one of ${REPORT_FORMATS.join(', ')}, got "${escapeUnsafe(format)}"`);
  const asOf = parseAsOf(flags.asOf);
  return {
    ...(flags.events !== undefined ? { events: flags.events } : { store: flags.store ?? DEFAULT_STORE }),
    ...(flags.keyFile !== undefined ? { keyFile: flags.keyFile } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    communityId: parseId('--community', flags.community)!,
    month: flags.month,
    forLeadership: flags.for === 'leadership',
    format: format as ReportFormat,
  };
};

/** The four views the report reads, folded in one pass over the history. */
const startFolds = (asOf: string | undefined) => {
  const options = asOf === undefined ? {} : { asOf };
  const folds = {
    dosage: startFold(dosageProjection, options),
    timeline: startFold(timelineProjection, options),
    cycles: startFold(cyclesProjection, options),
    lag: startFold(recordingLagProjection, options),
  };
  const streams = new Set<string>();
  return {
    push(event: RecordedEvent): void {
      folds.dosage.push(event);
      folds.timeline.push(event);
      folds.cycles.push(event);
      folds.lag.push(event);
      streams.add(event.stream);
    },
    holds: (stream: string): boolean => streams.has(stream),
    views(): ReportViews {
      // One moment for all four: the one asked for, else the history's newest recordedAt.
      const moment = asOf === undefined ? {} : { asOf };
      return {
        dosage: render(dosageProjection, folds.dosage.result(), moment),
        timeline: render(timelineProjection, folds.timeline.result(), moment),
        cycles: render(cyclesProjection, folds.cycles.result(), moment),
        lag: render(recordingLagProjection, folds.lag.result(), moment),
      };
    },
  };
};

/**
 * `coachline report --community ID --month YYYY-MM`: the community's program report for the
 * month, from a file or a store, whole or in leadership's reduced form. As every read of the
 * command line it answers as of the newest recordedAt unless `--as-of` names a moment, so an
 * audit gets the same report every time; the API reads on today instead.
 */
export const reportCommand = async (options: ReportOptions, out: NodeJS.WritableStream): Promise<void> => {
  const folds = startFolds(options.asOf);
  await foldHistory(options, folds, 'report');
  // A community the history never names would give a report of zeros that reads as "nothing happened".
  if (!folds.holds(streamName('community', options.communityId)))
    throw new FailureError(`--community ${escapeUnsafe(options.communityId)}: no such community in this history`);
  const whole = programReport(folds.views(), options.communityId, options.month);
  const report = options.forLeadership ? leadershipReport(whole) : whole;
  out.write(
    options.format === 'html'
      ? programReportHtml(report)
      : formatView(report, programReportTables(report), options.format),
  );
};
