import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { agreementCommands } from '../agreement/agreement.commands';
import { coachCommands } from '../coach/coach.commands';
import { communityCommands } from '../community/community.commands';
import { providerCommands } from '../provider/provider.commands';
import { screeningCommands } from '../screening/screening.commands';
import { teamCommands } from '../team/team.commands';
import { CommandFor } from '../kernel/decider';
import { decodeWith } from '../kernel/decode';
import { DomainError, invalid } from '../kernel/domain-error';
import { CommandDefinition } from '../kernel/event-definition';
import { CommandMetadata } from '../kernel/metadata';
import { struct } from '../kernel/struct';

/** Every command Coachline accepts, by stream kind: what `decodeCommand` and the API know. */
export const commandCatalogue = [
  ...communityCommands,
  ...coachCommands,
  ...providerCommands,
  ...agreementCommands,
  ...screeningCommands,
  ...teamCommands,
] as const;

/** Any command of the catalogue, decoded. */
export type CoachlineCommand = CommandFor<(typeof commandCatalogue)[number]>;

const byType: ReadonlyMap<string, CommandDefinition> = new Map(
  commandCatalogue.map((d) => [d.type, d as CommandDefinition]),
);

/** Commands are routed by their `type` string; `undefined` for a type this version does not know. */
export const findCommandDefinition = (type: string): CommandDefinition | undefined => byType.get(type);

/** The codec of a whole command: its type, its data and the metadata the edge attached. */
export const commandCodec = (definition: CommandDefinition) =>
  struct(definition.type, { type: t.literal(definition.type), data: definition.data, metadata: CommandMetadata });

/**
 * Decodes a command of any type, reporting every wrong field (`data.heldOn`,
 * `metadata.actor.role`) at once, so a caller fixes everything in one go.
 */
export const decodeCommand = (input: unknown): E.Either<DomainError, CoachlineCommand> => {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const definition = typeof type === 'string' ? findCommandDefinition(type) : undefined;
  if (!definition) {
    return E.left(
      invalid('unknown-command', `Unknown command type ${JSON.stringify(type)}.`, [
        {
          path: 'type',
          message: `expected one of the ${commandCatalogue.length} command types, got ${JSON.stringify(type)}`,
        },
      ]),
    );
  }
  return decodeWith(commandCodec(definition), `${definition.type} command`)(input) as E.Either<
    DomainError,
    CoachlineCommand
  >;
};
