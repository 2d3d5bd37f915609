import { AsOf, escapeUnsafe, ID_RULE, instantOfAsOf, isCalendarDate, isId } from '@coachline/domain';
import { checkEventFile } from '../event-file/event-file-check';
import { FORMATS, Format } from '../output/format-view';
import { UsageError } from './usage-error';

export const VIEW_NAMES = ['dosage', 'timeline', 'cycles', 'share', 'evaluation', 'history'] as const;

/** `--events FILE`: there, a file, readable and not empty; otherwise one line saying why. */
export const ensureReadable = (file: string): Promise<void> => checkEventFile(file);

/** An option naming a provider, a community, a stream or a reader: an id, or bad usage. */
export const parseId = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined || isId(value)) return value;
  throw new UsageError(`${flag}: expected ${ID_RULE}, got "${escapeUnsafe(value)}"`);
};

/** A UTC calendar day, `YYYY-MM-DD`. */
export const parseDay = (flag: string, value: string | undefined): string | undefined => {
  if (value === undefined || isCalendarDate(value)) return value;
  throw new UsageError(`${flag}: expected a calendar date YYYY-MM-DD, got "${escapeUnsafe(value)}"`);
};

/**
 * `--as-of` takes a date or an instant, read as every reader's `asOf` is (`AsOf` of the domain):
 * a date alone means the end of that day in UTC, so "as of November 15" includes the 15th.
 */
export const parseAsOf = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (AsOf.is(value)) return instantOfAsOf(value);
  throw new UsageError(
    `--as-of: expected a date YYYY-MM-DD or an ISO-8601 instant such as 2025-11-15T12:00:00Z, got "${escapeUnsafe(value)}"`,
  );
};

export const parseFormat = (value: string | undefined): Format => {
  const format = value ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${format}"`);
  return format as Format;
};

export const parseViewName = (value: string): (typeof VIEW_NAMES)[number] => {
  if (!(VIEW_NAMES as readonly string[]).includes(value))
    throw new UsageError(`view: expected one of ${VIEW_NAMES.join(', ')}, got "${value}"`);
  return value as (typeof VIEW_NAMES)[number];
};

export const parsePositiveInteger = (flag: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag}: expected a positive integer, got "${value}"`);
  return n;
};

/** A global position as commands and the API give it: decimal digits, from 1. */
export const parsePosition = (flag: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1))
    throw new UsageError(`${flag}: expected a global position (digits, from 1), got "${escapeUnsafe(value)}"`);
  return n;
};
