import { escapeUnsafe } from '@coachline/domain';
import {
  DueFilter,
  DueList,
  dueList,
  DueStatusesParam,
  dueStatusesOf,
  dueTable,
  dueTerminalTable,
  DueWithinParam,
  dueWithinOf,
  timelineProjection,
  TimelineView,
} from '@coachline/projections';
import { viewFromStore } from '@coachline/views';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { formatView, Format } from '../output/format-view';
import { openStore } from '../store/open-store';
import { parseAsOf, parseFormat, parseId } from './options';
import { replayedView } from './replay.command';
import { UsageError } from './usage-error';
import { requireSelected, storeHolds } from './view-selection';

/** The store `due` reads when given neither a file nor a store, as the other store commands do. */
const DEFAULT_STORE = './.coachline';

export interface DueOptions {
  /** A replay of this file, or else a read of `store`. */
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly filter: DueFilter;
  readonly format: Format;
}

/** The flags of `coachline due` as commander gives them. */
export interface DueFlags {
  readonly events?: string;
  readonly store?: string;
  readonly keyFile?: string;
  readonly asOf?: string;
  readonly coach?: string;
  readonly community?: string;
  readonly provider?: string;
  readonly status?: string;
  readonly requirement?: string;
  readonly within?: string;
  readonly format?: string;
}

/** A flag checked by the same codec the API checks its parameter by: one line naming the flag, or its value. */
const checked = (flag: string, codec: t.Type<string, string, unknown>, value: string | undefined) => {
  if (value === undefined) return undefined;
  const decoded = codec.decode(value);
  if (E.isRight(decoded)) return decoded.right;
  throw new UsageError(`${flag}: ${escapeUnsafe(decoded.left[0]?.message ?? `not a valid value: "${value}"`)}`);
};

/** Every flag of `coachline due` checked; bad usage is one line naming the flag. */
export const dueOptionsOf = (flags: DueFlags): DueOptions => {
  if (flags.events !== undefined && flags.store !== undefined)
    throw new UsageError('due: --events and --store name two histories; give one of them');
  const statuses = checked('--status', DueStatusesParam, flags.status);
  const within = checked('--within', DueWithinParam, flags.within);
  const filter: DueFilter = {
    ...optional('coachId', parseId('--coach', flags.coach)),
    ...optional('communityId', parseId('--community', flags.community)),
    ...optional('providerId', parseId('--provider', flags.provider)),
    ...optional('statuses', statuses === undefined ? undefined : dueStatusesOf(statuses)),
    ...optional('requirement', parseId('--requirement', flags.requirement)),
    ...optional('withinDays', within === undefined ? undefined : dueWithinOf(within)),
  };
  return {
    ...(flags.events !== undefined ? { events: flags.events } : { store: flags.store ?? DEFAULT_STORE }),
    ...optional('keyFile', flags.keyFile),
    ...optional('asOf', parseAsOf(flags.asOf)),
    filter,
    format: parseFormat(flags.format),
  };
};

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** The timeline the list is read from: a file replayed, or a store's history, as of the moment asked. */
const timelineOf = async (options: DueOptions): Promise<TimelineView> => {
  const selection = {
    view: timelineProjection.name,
    ...optional('asOf', options.asOf),
    ...optional('providerId', options.filter.providerId),
    ...optional('communityId', options.filter.communityId),
  };
  if (options.events !== undefined)
    return (await replayedView({ ...selection, events: options.events })).view as TimelineView;
  const store = await openStore(options.store, { keyFile: options.keyFile });
  try {
    await requireSelected(selection, storeHolds(store));
    return await viewFromStore<TimelineView>(store, timelineProjection, selection);
  } finally {
    await store.close();
  }
};

/**
 * `coachline due`: each provider requirement still to meet, most urgent first, from a file or a
 * store. As every read of the command line it answers as of the newest recordedAt unless
 * `--as-of` names a moment: the same history always gives the same list, which an auditor
 * needs; the API's list is measured on today instead.
 */
export const dueCommand = async (options: DueOptions, out: NodeJS.WritableStream): Promise<void> => {
  const list: DueList = dueList(await timelineOf(options), options.filter);
  // A terminal gets the columns a reader scans by; CSV every column.
  out.write(formatView(list, options.format === 'table' ? dueTerminalTable(list) : dueTable(list), options.format));
};
