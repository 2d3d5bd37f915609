import { AnyProjection } from '@coachline/projections';
import { SESSION_TYPES } from './session-records';

/**
 * The three shares of a file's lines in a replay on two threads:
 * - `read`: lines whose type the view reads (or whose type cannot be guessed), parsed, validated
 *   and folded by the main thread;
 * - `handed`: lines the view reads that the checking thread parses and validates, handing the
 *   main thread a record of what the fold reads of each;
 * - `unread`: the others, validated by the checking thread.
 * Each line is parsed once.
 */
export type Share = 'read' | 'handed' | 'unread';

/**
 * The types whose lines a view can be handed as records: only the dosage view's session events,
 * the bulk of a history, have a record carrying all the dosage fold reads of them.
 */
const handableTypes = (projection: AnyProjection): ReadonlySet<string> =>
  projection.name === 'dosage' ? new Set(SESSION_TYPES) : new Set();

/**
 * Which share each line of a file is in, given its guessed type, line after line in file order.
 * Of the lines of a handable type, `handedEighths` in every eight are handed; the checking
 * thread, which alone shares the lines, may change it between two chunks of the file.
 */
export const lineShares = (projection: AnyProjection, handedEighths: number) => {
  const read = new Set(projection.eventTypes);
  const handable = handableTypes(projection);
  let handableLines = 0;
  return {
    read,
    handable,
    handedEighths,
    shareOf(type: string | undefined): Share {
      if (type === undefined) return 'read';
      if (!read.has(type)) return 'unread';
      if (!handable.has(type)) return 'read';
      return (handableLines++ & 7) < this.handedEighths ? 'handed' : 'read';
    },
  };
};
