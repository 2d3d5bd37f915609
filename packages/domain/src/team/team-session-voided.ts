import * as t from 'io-ts';
import { defineCommand, defineEvent } from '../kernel/event-definition';
import { Id, Text } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** The data of the `TeamSessionVoided` event and of the `VoidTeamSession` command. */
export const TeamSessionVoidedData = struct('TeamSessionVoidedData', { teamId: Id, sessionId: Id, reason: Text });
/** `TeamSessionVoidedData` as decoded. */
export type TeamSessionVoidedData = t.TypeOf<typeof TeamSessionVoidedData>;

/**
 * A team session logged by mistake was voided: it counts for nothing from then on, and its record stays
 * (rule 12). Lives in the `team` stream named by its `teamId`.
 */
export const TeamSessionVoided = defineEvent({
  type: 'TeamSessionVoided',
  streamKind: 'team',
  streamIdField: 'teamId',
  description:
    'A team session logged by mistake was voided: it counts for nothing from then on, and its record stays (rule 12).',
  data: TeamSessionVoidedData,
});

/** Void a logged team session that is not already voided, giving the reason. Accepted, it records `TeamSessionVoided`. */
export const VoidTeamSession = defineCommand({
  type: 'VoidTeamSession',
  streamKind: 'team',
  streamIdField: 'teamId',
  description: 'Void a logged team session that is not already voided, giving the reason.',
  data: TeamSessionVoidedData,
  produces: ['TeamSessionVoided'],
});
