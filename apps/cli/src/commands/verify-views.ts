import { escapeUnsafe, EXCERPT_LIMIT, printableText } from '@coachline/domain';
import type { Side, StoredViewVerdict, ViewDifference } from '@coachline/views';

/** The longest key of a path printed whole; longer ones are cut. */
const KEY_LIMIT = 40;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path as a reader of JavaScript would write it: `view.providers["p-017"].months["2025-09"].minutes`. */
export const formatPath = (path: ReadonlyArray<string | number>): string =>
  path.length === 0
    ? '(the whole state)'
    : path
        .map((key, index) => {
          if (typeof key === 'number') return `[${key}]`;
          if (PLAIN_KEY.test(key) && key.length <= KEY_LIMIT) return index === 0 ? key : `.${key}`;
          return `[${escapeUnsafe(JSON.stringify(key.length > KEY_LIMIT ? `${key.slice(0, KEY_LIMIT)}…` : key))}]`;
        })
        .join('');

const formatSide = (side: Side): string => {
  if (!side.present) return 'nothing';
  return printableText(JSON.stringify(side.value) ?? String(side.value), EXCERPT_LIMIT);
};

/** The view's name as stored: any text at all, so printed escaped and cut. */
const nameOf = (verdict: StoredViewVerdict): string => printableText(verdict.name, EXCERPT_LIMIT);

const where = (verdict: StoredViewVerdict): string =>
  `view ${nameOf(verdict)} at position ${Number.isNaN(verdict.position) ? '(none)' : verdict.position}${verdict.parkedAt !== undefined ? ` (parked at ${verdict.parkedAt})` : ''}`;

const describeDifference = (difference: ViewDifference): string => {
  switch (difference.kind) {
    case 'value':
      return `at ${formatPath(difference.difference.path)}: stored ${formatSide(difference.difference.stored)}, the events give ${formatSide(difference.difference.rebuilt)}`;
    case 'no-position':
      return 'in its position: what is stored there is no position of the store';
    case 'beyond-head':
      return `in its position: the store's head is at ${difference.headPosition}`;
    case 'not-json':
      return 'in its state: what is stored is not JSON';
    case 'fold-fails':
      return `at position ${difference.position}: the view cannot fold the event there (${printableText(difference.error, EXCERPT_LIMIT)})`;
  }
};

/** One line for a view that agrees with the events or was not compared; `undefined` for one that differs. */
export const formatViewVerdict = (verdict: StoredViewVerdict, headPosition: number): string | undefined => {
  switch (verdict.kind) {
    case 'matches':
      return `${where(verdict)}: matches the events${verdict.position < headPosition ? ` up to that position (the head is at ${headPosition})` : ''}`;
    case 'unknown-view':
      return `${where(verdict)}: not compared, this Coachline has no view of that name`;
    case 'other-version':
      return `${where(verdict)}: not compared, written by version ${verdict.storedVersion} of the view and this Coachline's is ${verdict.currentVersion} (it is rebuilt from the events when next run)`;
    case 'differs':
      return undefined;
  }
};

/** One line for a view that differs from the events. */
export const formatViewDifference = (verdict: StoredViewVerdict & { kind: 'differs' }): string =>
  `${where(verdict)} differs from the events ${describeDifference(verdict.difference)}`;
