import { escapeUnsafe, RecordedEvent, streamName } from '@coachline/domain';
import {
  coachesProjection,
  coachesTable,
  CoachesView,
  implementationPlanProjection,
  implementationPlanTable,
  ImplementationPlanView,
  render,
  startFold,
  type ViewTable,
} from '@coachline/projections';
import { Format, formatView } from '../output/format-view';
import { foldHistory } from './fold-history';
import { FailureError } from './usage-error';

export interface ProgramViewOptions {
  /** `--events FILE`, or else `--store URL`. */
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly communityId?: string;
  readonly format: Format;
}

type Projection = typeof coachesProjection | typeof implementationPlanProjection;

/**
 * One view of the program itself, folded from a file or a store as of the moment asked (else the
 * history's newest recordedAt), narrowed to a community the history must name: an unknown one
 * would give an empty view that reads as "nothing recorded".
 */
const programView = async <View>(
  projection: Projection,
  tableOf: (view: View) => ViewTable,
  options: ProgramViewOptions,
  out: NodeJS.WritableStream,
): Promise<void> => {
  const fold = startFold(projection, options.asOf === undefined ? {} : { asOf: options.asOf });
  const streams = new Set<string>();
  await foldHistory(
    options,
    {
      push(event: RecordedEvent): void {
        fold.push(event);
        streams.add(event.stream);
      },
    },
    'view',
  );
  const { communityId } = options;
  if (communityId !== undefined && !streams.has(streamName('community', communityId)))
    throw new FailureError(`--community ${escapeUnsafe(communityId)}: no such community in this history`);
  const view = render<View>(projection, fold.result(), {
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    ...(communityId === undefined ? {} : { communityId }),
  });
  out.write(formatView(view, tableOf(view), options.format));
};

/** `coachline coaches`: each coach's qualifications and who verified them, their sessions, hours and coachees' ratings. */
export const coachesCommand = (options: ProgramViewOptions, out: NodeJS.WritableStream): Promise<void> =>
  programView<CoachesView>(coachesProjection, coachesTable, options, out);

/** `coachline implementation-plan`: each community's Coaching Implementation Plan, step by step, and how complete it is. */
export const implementationPlanCommand = (options: ProgramViewOptions, out: NodeJS.WritableStream): Promise<void> =>
  programView<ImplementationPlanView>(implementationPlanProjection, implementationPlanTable, options, out);
