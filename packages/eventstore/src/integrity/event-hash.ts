import { hash as digest } from 'node:crypto';
import { canonicalJsonText } from './canonical-json';

/** An event's place in the hash chain, as the store recorded it when the event was written. */
export interface EventIntegrity {
  /** sha256 over the previous event of the same stream's hash and this event's content. */
  readonly hash: string;
  /** sha256 over the previous event's chain in the global order and this event's hash. */
  readonly chain: string;
}

/** What an event's hash covers. Not its position: a stream hashes the same in every store it is copied to. */
export interface HashedContent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** The hash before the first event of a stream, and the chain before position 1. */
export const CHAIN_START = '';

// The one-shot digest: about twice as fast as createHash on inputs this small (Node ≥ 20.12).
const sha256hex = (text: string): string => digest('sha256', text, 'hex');

/**
 * RFC 8785 canonical JSON: the same text for the same JSON value, whatever key order or number
 * spelling a database hands back (jsonb reorders keys), so a hash survives a round trip through any store.
 */
export const canonicalContent = (event: HashedContent): string =>
  canonicalJsonText(
    {
      data: event.data ?? null,
      id: event.id,
      metadata: event.metadata ?? null,
      revision: event.revision,
      schemaVersion: event.schemaVersion,
      stream: event.stream,
      type: event.type,
    },
    `Event ${event.id}`,
  );

/** One JSON value (an event's data or metadata) in canonical form: what a writer stores and hashes. */
export const canonicalJson = (value: unknown, what: string): string => canonicalJsonText(value ?? null, what);

/** An event whose data and metadata are already canonical JSON text (a writer serializes them once). */
export interface CanonicalParts {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

/**
 * `canonicalContent` from parts already canonical: the members in their canonical (sorted) order,
 * each value canonical. A property test holds the two equal for all events.
 */
export const canonicalContentOf = (parts: CanonicalParts): string =>
  `{"data":${parts.canonicalData},"id":${JSON.stringify(parts.id)},"metadata":${parts.canonicalMetadata},` +
  `"revision":${JSON.stringify(parts.revision)},"schemaVersion":${JSON.stringify(parts.schemaVersion)},` +
  `"stream":${JSON.stringify(parts.stream)},"type":${JSON.stringify(parts.type)}}`;

/** `sha256hex(previousStreamHash + '\n' + canonical content)`; the previous hash is '' at revision 0. */
export const eventHash = (previousStreamHash: string, event: HashedContent): string =>
  sha256hex(`${previousStreamHash}\n${canonicalContent(event)}`);

/** `sha256hex(previousChain + '\n' + hash)` in the global order; the previous chain is '' before position 1. */
export const chainHash = (previousChain: string, hash: string): string => sha256hex(`${previousChain}\n${hash}`);

/** The integrity of the next event, given its stream's tip hash and the chain at the head. */
export const nextIntegrity = (
  previousStreamHash: string,
  previousChain: string,
  event: HashedContent,
): EventIntegrity => {
  const hash = eventHash(previousStreamHash, event);
  return { hash, chain: chainHash(previousChain, hash) };
};
