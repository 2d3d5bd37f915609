import {
  Actor,
  CoachlineCommand,
  decodeCommand,
  decodeWith,
  DomainError,
  FieldError,
  Id,
  invalid,
  unstorableText,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import type { CommandRoute } from './command-routes';
import { readCommandHeaders } from './command-headers';

export interface CommandRequest {
  readonly route: CommandRoute;
  /** The `:id` of the path: the command's stream id. */
  readonly id: string;
  readonly body: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly issuedAt: string;
  readonly newCommandId: () => string;
}

export interface DecodedCommandRequest {
  readonly command: CoachlineCommand;
  readonly expectedRevision?: number;
}

/**
 * Where a field of the command came from in the request: its data is the body, but its stream
 * id is the path's `:id`, and its command id the `Idempotency-Key` header.
 */
export const httpPathOf = (route: CommandRoute, domainPath: string): string => {
  if (domainPath === `data.${route.definition.streamIdField}`) return 'params.id';
  if (domainPath === 'data') return 'body';
  if (domainPath.startsWith('data.')) return `body.${domainPath.slice(5)}`;
  if (domainPath === 'metadata.commandId') return 'headers.idempotency-key';
  if (domainPath === 'expectedRevision') return 'headers.if-match';
  return domainPath;
};

export const inHttpTerms = (route: CommandRoute, error: DomainError): DomainError => ({
  ...error,
  errors: error.errors.map((e) => ({ ...e, path: httpPathOf(route, e.path) })),
});

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Builds the command a request asks for and decodes it with the command's codec, listing every
 * wrong field, header and path parameter at once.
 */
export const decodeCommandRequest = (request: CommandRequest): E.Either<DomainError, DecodedCommandRequest> => {
  const { route, id, body } = request;
  const field = route.definition.streamIdField;
  const { headers, errors: headerErrors } = readCommandHeaders(request.headers);
  const errors: FieldError[] = [...headerErrors, ...unstorableText(id, 'params.id'), ...unstorableText(body, 'body')];
  // Own fields only: what a body inherits was never sent.
  if (isObject(body) && Object.hasOwn(body, field) && body[field] !== undefined && body[field] !== id)
    errors.push({
      path: `body.${field}`,
      message: `must be the id in the path, ${JSON.stringify(id)}, or be left out`,
    });
  // The codec meets the path's id only inside an object body; beside any other body it is checked here.
  const pathId = isObject(body) ? E.right(id) : decodeWith(Id, 'The path', 'params.id')(id);
  if (E.isLeft(pathId)) errors.push(...pathId.left.errors);
  const data = isObject(body) ? { ...body, [field]: id } : body;
  const decoded = decodeCommand({
    type: route.type,
    data,
    metadata: {
      actor: request.actor,
      issuedAt: request.issuedAt,
      commandId: headers.idempotencyKey ?? request.newCommandId(),
      correlationId: request.correlationId,
    },
  });
  if (E.isLeft(decoded)) errors.push(...inHttpTerms(route, decoded.left).errors);
  if (errors.length > 0 || E.isLeft(decoded))
    return E.left(invalid('invalid', `${route.type} is invalid: ${errors.map((e) => e.path).join(', ')}`, errors));
  return E.right({
    command: decoded.right,
    ...(headers.expectedRevision !== undefined ? { expectedRevision: headers.expectedRevision } : {}),
  });
};
