import * as E from 'fp-ts/Either';
import {
  commandCatalogue,
  Command,
  deciders,
  DomainEvent,
  findEventDefinition,
  RecordedEvent,
} from '@coachline/domain';
import { LineError, lineErrorsOf } from './line-error';

const commandProducing = new Map(commandCatalogue.map((c) => [c.produces[0]!, c.type]));

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks the rules that need history (a provider never enrolled, an observation without a
 * current consent, …) by asking each stream's decider whether it would have recorded each
 * event, as the command that produces it, at the moment it was recorded. Every rule of the
 * domain is checked this way, with the domain's own words, and none is written twice.
 */
export const historyRules = () => {
  const states = new Map<string, unknown>();
  const seenIds = new Map<string, number>();

  return {
    check(event: RecordedEvent, line: number): LineError[] {
      const firstLine = seenIds.get(event.id);
      if (firstLine !== undefined)
        return [{ line, path: 'id', message: `duplicate event id "${event.id}", first on line ${firstLine}` }];
      seenIds.set(event.id, line);

      const definition = findEventDefinition(event.type)!;
      const decider = deciders[definition.streamKind];
      const state = states.has(event.stream) ? states.get(event.stream) : decider.initialState;
      const domainEvent: DomainEvent = { type: event.type, data: event.data };
      const command: Command = {
        type: commandProducing.get(event.type)!,
        data: event.data,
        metadata: {
          actor: event.metadata.actor,
          issuedAt: event.metadata.recordedAt,
          commandId: event.metadata.commandId,
          correlationId: event.metadata.correlationId,
        },
      };
      const decision = decider.decide(command, state);
      // The event stays in the history whatever we find, so later lines are judged against it.
      states.set(event.stream, decider.evolve(state, domainEvent));
      if (E.isLeft(decision))
        return lineErrorsOf(line, decision.left).map((e) => ({
          ...e,
          message: `${e.message} (${decision.left.code})`,
        }));
      if (!decision.right.some((produced) => produced.type === event.type && sameJson(produced.data, event.data)))
        return [{ line, path: 'data', message: 'the rules would not have recorded this event as it stands' }];
      return [];
    },
  };
};
