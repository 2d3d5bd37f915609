import * as E from 'fp-ts/Either';
import { render, startFold } from '@coachline/projections';
import { formatLineError, LineError } from '../event-file/line-error';
import { parseEventLine } from '../event-file/parse-event-line';
import { readEventLines } from '../event-file/read-event-lines';
import { formatView, Format } from '../output/format-view';
import { progressOnStderr } from '../output/progress';
import { ensureReadable } from './options';
import { FailureError } from './usage-error';
import { projectionFor, ViewSelection } from './view-selection';

export interface ReplayOptions extends ViewSelection {
  readonly events: string;
  readonly format: Format;
}

/**
 * `coachline replay --events FILE --view NAME`: every event decoded and validated, folded
 * into the view as of the moment asked; a file with any bad line gives no view at all.
 */
export const replayCommand = async (options: ReplayOptions, out: NodeJS.WritableStream): Promise<void> => {
  await ensureReadable(options.events);
  const projection = projectionFor(options);
  const fold = startFold(projection, options.asOf === undefined ? {} : { asOf: options.asOf });
  const errors: LineError[] = [];
  const progress = progressOnStderr('replay');
  let count = 0;
  for await (const line of readEventLines(options.events)) {
    const parsed = parseEventLine(line);
    if (E.isLeft(parsed)) errors.push(...parsed.left);
    else if (errors.length === 0) fold.push(parsed.right);
    progress.tick(++count);
  }
  progress.stop();
  if (errors.length > 0) {
    throw new FailureError([...errors.map((e) => formatLineError(options.events, e)), `${errors.length} error(s); no view was computed`].join('\n'));
  }
  const view = render(projection, fold.result(), options);
  out.write(formatView(view, projection.table(view), options.format));
};
