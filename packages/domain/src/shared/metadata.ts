import * as t from 'io-ts';
import { Id, Instant, oneOf } from './primitives';
import { struct } from './struct';

export const Role = oneOf(
  'Role',
  'admin',
  'coach',
  'supervisor',
  'observer',
  'evaluator',
  'leadership',
  'auditor',
  'provider',
);
export type Role = t.TypeOf<typeof Role>;

export const Actor = struct('Actor', { id: Id, role: Role });
export type Actor = t.TypeOf<typeof Actor>;

/** What every recorded event carries besides its data: who, when recorded, and why. */
export const EventMetadata = struct(
  'EventMetadata',
  { actor: Actor, recordedAt: Instant, commandId: Id, correlationId: Id },
  { causationId: Id },
);
export type EventMetadata = t.TypeOf<typeof EventMetadata>;

/**
 * What a command carries besides its data. `issuedAt` is the moment the edge received it
 * (the domain has no clock); it becomes the events' `recordedAt`.
 */
export const CommandMetadata = struct(
  'CommandMetadata',
  { actor: Actor, issuedAt: Instant, commandId: Id, correlationId: Id },
  { causationId: Id },
);
export type CommandMetadata = t.TypeOf<typeof CommandMetadata>;
