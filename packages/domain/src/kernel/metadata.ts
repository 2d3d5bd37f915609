import * as t from 'io-ts';
import { Id, Instant, oneOf } from './primitives';
import { struct } from './struct';

/** The role an actor acts in: access is granted by role, and every event keeps the role its actor had. */
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
/** `Role` as decoded. */
export type Role = t.TypeOf<typeof Role>;

/** Who sent a command, kept in each event's metadata so the history says who did what. */
export const Actor = struct('Actor', { id: Id, role: Role });
/** `Actor` as decoded. */
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
