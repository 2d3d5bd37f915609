import { commandCatalogue, type CommandDefinition } from '@coachline/domain';
import { segment } from '../api/client';

/** Where the API takes one command, as its OpenAPI document says, and who it says may send it. */
export interface DocumentedCommand {
  readonly definition: CommandDefinition;
  /** As the document writes it: `/providers/{id}/sessions`. */
  readonly path: string;
  /** The roles named by the operation's "Who may:" sentence; absent when it names none the page can read. */
  readonly roles?: ReadonlySet<string>;
}

const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** "Who may: admin (all), coach (caseload)." → admin, coach. */
export const rolesOfDescription = (description: string): ReadonlySet<string> | undefined => {
  const sentence = /Who may: ([^.]*)\./.exec(description)?.[1];
  if (sentence === undefined) return undefined;
  const roles = sentence
    .split(',')
    .map((part) => /^\s*([a-z]+) \(/.exec(part)?.[1])
    .filter((role): role is string => role !== undefined);
  return roles.length > 0 ? new Set(roles) : undefined;
};

/**
 * The command routes the API's own OpenAPI document (GET /docs) lists, matched to the domain's
 * command catalogue by operation id, so the page posts where the API listens and never keeps a
 * copy of its route or grant tables. A command the document lacks is left out.
 */
export const documentedCommands = (document: unknown): ReadonlyMap<string, DocumentedCommand> => {
  const found = new Map<string, { path: string; description: string }>();
  const paths = isObject(document) && isObject(document['paths']) ? document['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    const post = isObject(item) ? item['post'] : undefined;
    if (!isObject(post) || typeof post['operationId'] !== 'string') continue;
    found.set(post['operationId'], {
      path,
      description: typeof post['description'] === 'string' ? post['description'] : '',
    });
  }
  const commands = new Map<string, DocumentedCommand>();
  for (const definition of commandCatalogue) {
    const operation = found.get(definition.type);
    if (operation === undefined || !operation.path.includes('{id}')) continue;
    const roles = rolesOfDescription(operation.description);
    commands.set(definition.type, {
      definition: definition as CommandDefinition,
      path: operation.path,
      ...(roles === undefined ? {} : { roles }),
    });
  }
  return commands;
};

/** The address a command is posted to: the document's path with the stream's id as one segment. */
export const commandAddress = (path: string, streamId: string): string => path.replace('{id}', segment(streamId));
