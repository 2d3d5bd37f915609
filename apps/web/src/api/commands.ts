import { decodeWith, type DomainError, findCommandDefinition } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { api, segment } from './client';

/** What the API answers an accepted command: where its events landed. */
export interface CommandAccepted {
  readonly commandId: string;
  readonly stream: string;
  readonly revision: number;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string; readonly revision: number }>;
}

/** Where a command is posted: `POST /<collection>/:id/<action>` (apps/api's command routes). */
export interface CommandRoute {
  readonly type: string;
  readonly collection: string;
  readonly action: string;
}

export const LOG_SESSION: CommandRoute = { type: 'LogSession', collection: 'providers', action: 'sessions' };
export const CORRECT_SESSION: CommandRoute = {
  type: 'CorrectSession',
  collection: 'providers',
  action: 'session-corrections',
};
export const VOID_SESSION: CommandRoute = { type: 'VoidSession', collection: 'providers', action: 'session-voids' };

/**
 * Checks a command's data with the domain's own codec, as the API will: a wrong field is shown
 * at once, at `data.<field>`, and nothing is sent.
 */
export const checkCommandData = (route: CommandRoute, data: unknown): E.Either<DomainError, unknown> => {
  const definition = findCommandDefinition(route.type);
  if (definition === undefined) throw new Error(`The domain has no command ${route.type}`);
  return decodeWith(definition.data, `${route.type}'s data`, 'data')(data);
};

/** Sends checked data to the command's route; the path's id is the stream's (the provider's). */
export const sendCommand = (
  route: CommandRoute,
  streamId: string,
  data: Readonly<Record<string, unknown>>,
  idempotencyKey?: string,
): Promise<CommandAccepted> =>
  api<CommandAccepted>(`/${route.collection}/${segment(streamId)}/${route.action}`, {
    method: 'POST',
    body: data,
    ...(idempotencyKey === undefined ? {} : { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
