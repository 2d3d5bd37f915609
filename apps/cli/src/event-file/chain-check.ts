import * as E from 'fp-ts/Either';
import { ChainVerifier, type ChainBreak, type ChainIntact } from '@coachline/eventstore';
import type { RecordedEvent } from '@coachline/domain';

/** A line's event as written, before any upcast: what its hash covers. */
export type WrittenEvent = Omit<RecordedEvent, 'schemaVersion' | 'data'> & {
  readonly schemaVersion: number;
  readonly data: unknown;
};

/** What the hash chain of an event file says: no hashes at all, intact up to its head, or broken at a line. */
export type FileChain =
  | { readonly kind: 'absent' }
  | { readonly kind: 'intact'; readonly verdict: ChainIntact }
  | { readonly kind: 'broken'; readonly line: number; readonly broken: ChainBreak };

/** `position 12 (stream provider-p1, revision 3): <message>`: the form auditors read and grep for. */
export const formatChainBreak = (broken: ChainBreak): string =>
  broken.stream === undefined
    ? `position ${broken.position}: ${broken.message}`
    : `position ${broken.position} (stream ${broken.stream}, revision ${broken.revision}): ${broken.message}`;

/**
 * Checks the chain of an exported file as its lines go by. The check is on when the first event
 * carries `integrity` (an export of a whole store) or when a head noted earlier is given; from then
 * on every event must carry it, and it stops at the first break.
 */
export const fileChain = (expectedHead: string | undefined) => {
  const verifier = new ChainVerifier(expectedHead === undefined ? {} : { expectedHead });
  let on: boolean | undefined = expectedHead === undefined ? undefined : true;
  let broken: { line: number; broken: ChainBreak } | undefined;
  let lastLine = 0;
  return {
    /** Returns the break this event reveals, if it is the first. */
    check(event: WrittenEvent, line: number): ChainBreak | undefined {
      on ??= event.integrity !== undefined;
      lastLine = line;
      if (!on || broken !== undefined) return undefined;
      if (event.position === undefined || event.revision === undefined) {
        broken = {
          line,
          broken: {
            kind: 'altered',
            position: event.position ?? 0,
            stream: event.stream,
            message: 'the line has no position or revision to place it in the chain',
          },
        };
        return broken.broken;
      }
      const found = verifier.check({ ...event, position: event.position, revision: event.revision });
      if (found !== undefined) broken = { line, broken: found };
      return found;
    },
    result(): FileChain {
      if (broken !== undefined) return { kind: 'broken', ...broken };
      if (!on) return { kind: 'absent' };
      const verdict = verifier.finish();
      return E.isLeft(verdict)
        ? { kind: 'broken', line: lastLine, broken: verdict.left }
        : { kind: 'intact', verdict: verdict.right };
    },
  };
};
