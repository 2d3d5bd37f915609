import { escapeUnsafe, RecordedEvent, streamName } from '@coachline/domain';
import {
  CaseloadFilter,
  caseloadList,
  caseloadTable,
  dosageProjection,
  DosageView,
  render,
  startFold,
  timelineProjection,
  TimelineView,
} from '@coachline/projections';
import { asRecordedEvent } from '@coachline/views';
import { noEvents } from '../event-file/event-file-check';
import { formatLineError, LineError } from '../event-file/line-error';
import { stoppedReading, tooManyErrors } from '../event-file/line-error-limit';
import { readEventLine } from '../event-file/parse-event-line';
import { linesAfter, readEventLineBatches } from '../event-file/read-event-lines';
import { Format, formatView } from '../output/format-view';
import { openStore } from '../store/open-store';
import { ensureReadable } from './options';
import { FailureError } from './usage-error';

export interface CaseloadOptions {
  /** `--events FILE`, or else `--store URL`. */
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly coachId?: string;
  readonly communityId?: string;
  readonly format: Format;
}

/** Both views the list joins, folded in one pass over the history. */
const startFolds = (asOf: string | undefined) => {
  const options = asOf === undefined ? {} : { asOf };
  const dosage = startFold(dosageProjection, options);
  const timeline = startFold(timelineProjection, options);
  const streams = new Set<string>();
  return {
    push(event: RecordedEvent): void {
      dosage.push(event);
      timeline.push(event);
      streams.add(event.stream);
    },
    holds: (stream: string): boolean => streams.has(stream),
    views(): { dosage: DosageView; timeline: TimelineView } {
      // The same moment for both: the one asked for, else the history's newest recordedAt.
      return {
        dosage: render<DosageView>(dosageProjection, dosage.result(), asOf === undefined ? {} : { asOf }),
        timeline: render<TimelineView>(timelineProjection, timeline.result(), asOf === undefined ? {} : { asOf }),
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
      [...errors.map((e) => formatLineError(file, e)), `${errors.length} error(s); no list was made`].join('\n'),
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

/** A coach or community the history never names would give an empty list that reads as "no one". */
const requireNamed = (options: CaseloadOptions, folds: Folds): void => {
  const named: ReadonlyArray<readonly [string, string, string | undefined, 'coach' | 'community']> = [
    ['--coach', 'coach', options.coachId, 'coach'],
    ['--community', 'community', options.communityId, 'community'],
  ];
  for (const [flag, what, id, kind] of named)
    if (id !== undefined && !folds.holds(streamName(kind, id)))
      throw new FailureError(`${flag} ${escapeUnsafe(id)}: no such ${what} in this history`);
};

/**
 * `coachline caseload --events FILE | --store URL`: each provider with their coach, site, this
 * month's dosage and most urgent unmet requirement, as of the moment asked (else the history's
 * newest recordedAt, so an audit replay always gives the same list).
 */
export const caseloadCommand = async (options: CaseloadOptions, out: NodeJS.WritableStream): Promise<void> => {
  const folds = startFolds(options.asOf);
  if (options.events !== undefined) await foldFile(options.events, folds);
  else await foldStore(options.store, options.keyFile, folds);
  requireNamed(options, folds);
  const { dosage, timeline } = folds.views();
  const filter: CaseloadFilter = {
    ...(options.coachId !== undefined ? { coachId: options.coachId } : {}),
    ...(options.communityId !== undefined ? { communityId: options.communityId } : {}),
  };
  const list = caseloadList(dosage, timeline, filter);
  out.write(formatView(list, caseloadTable(list), options.format));
};
