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
import { asRecordedEvent } from '@coachline/views';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { stoppedReading, tooManyErrors } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { linesAfter, readEventLineBatches } from '../event-file/read-event-lines';
import { FORMATS, type Format, formatView } from '../output/format-view';
import { openStore } from '../store/open-store';
import { ensureReadable, parseAsOf, parseId } from './options';
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

type Folds = ReturnType<typeof startFolds>;

const foldFile = async (file: string, folds: Folds): Promise<void> => {
  await ensureReadable(file);
  const errors: LineError[] = [];
  let count = 0;
  const batches = readEventLineBatches(file);
  for (let next = await batches.next(); !next.done; next = await batches.next()) {
    const lines = next.value;
    for (let i = 0; i < lines.length; i++) {
      const event = readEventLine(lines[i]!, errors);
      if (event !== undefined && errors.length === 0) folds.push(event);
      count++;
      if (tooManyErrors(errors)) {
        const stopped = await stoppedReading(file, errors, linesAfter(lines, i, batches));
        if (stopped) throw stopped;
      }
    }
  }
  if (errors.length > 0)
    throw new FailureError(
      [...errors.map((e) => formatLineError(file, e)), `${errors.length} error(s); no report was made`].join('\n'),
    );
  if (count === 0) throw noEvents(file, 'the file holds only blank lines');
};

const foldStore = async (url: string | undefined, keyFile: string | undefined, folds: Folds): Promise<void> => {
  const store = await openStore(url, keyFile === undefined ? {} : { keyFile });
  try {
    for await (const stored of store.readAll()) folds.push(asRecordedEvent(stored));
  } finally {
    await store.close();
  }
};

/**
 * `coachline report --community ID --month YYYY-MM`: the community's program report for the
 * month, from a file or a store, whole or in leadership's reduced form. As every read of the
 * command line it answers as of the newest recordedAt unless `--as-of` names a moment, so an
 * audit gets the same report every time; the API reads on today instead.
 */
export const reportCommand = async (options: ReportOptions, out: NodeJS.WritableStream): Promise<void> => {
  const folds = startFolds(options.asOf);
  if (options.events !== undefined) await foldFile(options.events, folds);
  else await foldStore(options.store, options.keyFile, folds);
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
