import {
  accessLogTable,
  describeStoreFailure,
  listingSpan,
  listReads,
  type AccessLog,
  type AccessLogFilter,
  type ViewRead,
} from '@coachline/eventstore';
import { openStoreAccessLog } from '../access-log/open-store-access-log';
import { formatView, type Format } from '../output/format-view';
import { checkStoreFolder } from '../store/store-folder';
import { storeLocationOf } from '../store/store-location';
import { FailureError, UsageError } from './usage-error';

export interface AccessLogOptions extends AccessLogFilter {
  readonly store?: string;
  readonly day?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: Format;
}

const openLog = async (url: string | undefined): Promise<AccessLog> => {
  const location = storeLocationOf(url);
  if (location.kind === 'folder') await checkStoreFolder(location.address, false);
  let log: AccessLog | undefined;
  try {
    log = await openStoreAccessLog(location);
  } catch (error) {
    throw new FailureError(describeStoreFailure(location.address, error));
  }
  if (log === undefined) throw new UsageError('--store: a memory: store lasts one run and keeps no access log');
  return log;
};

/**
 * `coachline access-log [--store URL]`: who read the history, the evaluation, providers' debriefs,
 * exports and extracts, through the API or the command line, and when: one day (`--day`, default
 * today in UTC) or a span of days (`--from`, `--to`), narrowed as the API's listing is (`--reader`,
 * `--subject`, `--view`).
 */
export const accessLogCommand = async (
  options: AccessLogOptions,
  out: NodeJS.WritableStream,
  now: () => Date = () => new Date(),
): Promise<void> => {
  const asked = listingSpan(options, now().toISOString().slice(0, 10));
  if ('refused' in asked) throw new UsageError(`access-log: ${asked.refused}`);
  const filter: AccessLogFilter = {
    ...(options.reader !== undefined ? { reader: options.reader } : {}),
    ...(options.subject !== undefined ? { subject: options.subject } : {}),
    ...(options.view !== undefined ? { view: options.view } : {}),
  };
  const log = await openLog(options.store);
  let reads: ViewRead[];
  try {
    reads = await listReads(log, asked.span, filter);
  } catch (error) {
    throw new FailureError((error as Error).message);
  } finally {
    await log.close();
  }
  out.write(formatView({ ...asked.span, reads }, accessLogTable(reads), options.format));
};
