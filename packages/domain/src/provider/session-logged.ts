import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, IntegerBetween, LocalDate, Labels, Sentences, Text, oneOf } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * What kind of contact a session was. `004` separates coaching (in the setting, about what the
 * coach saw) from consultation (outside it, about events the coach did not see); a program
 * guide decides which kinds count toward dosage.
 */
export const SessionKind = oneOf(
  'SessionKind',
  'coaching-conversation',
  'observation',
  'debrief',
  'consultation',
  'other',
);
export type SessionKind = t.TypeOf<typeof SessionKind>;

export const SessionMode = oneOf('SessionMode', 'in-person', 'virtual', 'hybrid');

/** A session lasts at least a minute and at most a working day. */
export const SessionMinutes = IntegerBetween(1, 480, 'SessionMinutes');

/** The fields of a session a correction may change. */
export const sessionFields = {
  coachId: Id,
  heldOn: LocalDate,
  durationMinutes: SessionMinutes,
  kind: SessionKind,
  mode: SessionMode,
  agendaUsed: t.boolean,
  practices: Labels,
  strategies: Labels,
};

export const optionalSessionFields = {
  groupSessionId: Id,
  summary: Text,
  nextSteps: Sentences,
};

/** The data of the `SessionLogged` event and of the `LogSession` command. */
export const SessionLoggedData = struct(
  'SessionLoggedData',
  { providerId: Id, sessionId: Id, ...sessionFields },
  optionalSessionFields,
);
/** `SessionLoggedData` as decoded. */
export type SessionLoggedData = t.TypeOf<typeof SessionLoggedData>;

/**
 * A coach recorded a session held with a provider (rule 2: recorded after every session). A group session is
 * logged once per provider with a shared groupSessionId. Lives in the `provider` stream named by its `providerId`.
 */
export const SessionLogged = defineEvent({
  type: 'SessionLogged',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description:
    'A coach recorded a session held with a provider (rule 2: recorded after every session). A group session is logged once per provider with a shared groupSessionId.',
  data: SessionLoggedData,
});

/**
 * Record a session held with the provider, on or after the day it was held. Accepted, it records `SessionLogged`.
 */
export const LogSession = defineCommand({
  type: 'LogSession',
  streamKind: 'provider',
  streamIdField: 'providerId',
  description: 'Record a session held with the provider, on or after the day it was held.',
  data: SessionLoggedData,
  produces: ['SessionLogged'],
});
