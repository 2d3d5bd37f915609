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
import { Format, formatView } from '../output/format-view';
import { FailureError } from './usage-error';
import { foldHistory } from './fold-history';

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
  await foldHistory(options, folds, 'list');
  requireNamed(options, folds);
  const { dosage, timeline } = folds.views();
  const filter: CaseloadFilter = {
    ...(options.coachId !== undefined ? { coachId: options.coachId } : {}),
    ...(options.communityId !== undefined ? { communityId: options.communityId } : {}),
  };
  const list = caseloadList(dosage, timeline, filter);
  out.write(formatView(list, caseloadTable(list), options.format));
};
