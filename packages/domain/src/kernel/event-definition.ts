import * as t from 'io-ts';
import { struct, StructType } from './struct';

/** Every kind of stream; a stream's name starts with its kind. */
export const STREAM_KINDS = ['community', 'coach', 'provider', 'agreement', 'screening', 'team'] as const;
/** One of `STREAM_KINDS`. */
export type StreamKind = (typeof STREAM_KINDS)[number];

/** `<kind>-<id>`, the stream an event of that kind and id lives in. */
export const streamName = (kind: StreamKind, id: string): string => `${kind}-${id}`;

/**
 * An older shape of an event's data and how to lift it to the next version. Events are never
 * rewritten: readers decode what was written and upcast it on read.
 */
export interface SchemaVersion {
  readonly version: number;
  readonly data: t.Mixed;
  readonly upcast: (old: unknown) => unknown;
}

export interface EventDefinition<Type extends string = string, Data extends t.Mixed = t.Mixed> {
  readonly type: Type;
  readonly streamKind: StreamKind;
  /** The field of `data` that holds the stream's id. */
  readonly streamIdField: string;
  readonly description: string;
  /** The current shape, written by this version of Coachline. */
  readonly data: Data;
  readonly schemaVersion: number;
  /** Earlier shapes, oldest first; `schemaVersion` is one more than the last of them. */
  readonly history: ReadonlyArray<SchemaVersion>;
  /**
   * Fields of `data` that identify a child (rule 11): stored sealed under the child's key, read
   * as erased once the key is destroyed. Storage finds them here, whatever the event.
   */
  readonly personal: ReadonlyArray<string>;
  /** `{ type, data }` as deciders produce it and evolve folds it. */
  readonly event: StructType<{ type: t.LiteralC<Type>; data: Data }, Record<never, never>>;
}

export const defineEvent = <Type extends string, Data extends t.Mixed>(spec: {
  type: Type;
  streamKind: StreamKind;
  streamIdField: string;
  description: string;
  data: Data;
  history?: ReadonlyArray<SchemaVersion>;
  personal?: ReadonlyArray<string>;
}): EventDefinition<Type, Data> => {
  const history = spec.history ?? [];
  history.forEach((h, i) => {
    if (h.version !== i + 1) throw new Error(`${spec.type}: schema versions must run 1, 2, … in order`);
  });
  return {
    ...spec,
    history,
    personal: spec.personal ?? [],
    schemaVersion: history.length + 1,
    event: struct(spec.type, { type: t.literal(spec.type), data: spec.data }),
  };
};

/** A command type as data: the catalogue, the API's schemas and the guides read it rather than code. */
export interface CommandDefinition<Type extends string = string, Data extends t.Mixed = t.Mixed> {
  readonly type: Type;
  readonly streamKind: StreamKind;
  readonly streamIdField: string;
  readonly description: string;
  readonly data: Data;
  /** The event types this command may produce when accepted. */
  readonly produces: ReadonlyArray<string>;
}

export const defineCommand = <Type extends string, Data extends t.Mixed>(
  spec: CommandDefinition<Type, Data>,
): CommandDefinition<Type, Data> => spec;

/** The `{ type, data }` event a definition describes. */
export type EventOf<D> =
  D extends EventDefinition<infer Type, infer Data> ? { readonly type: Type; readonly data: t.TypeOf<Data> } : never;
