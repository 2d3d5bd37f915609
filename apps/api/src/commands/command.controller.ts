import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { notFound } from '@coachline/domain';
import type { Response } from 'express';
import * as E from 'fp-ts/Either';
import { CLOCK, type Clock } from '../app/injection-tokens';
import { Guards } from '../auth/route-access';
import { actorOf, type ApiRequest, scopeOf } from '../http/api-request';
import { refusal } from '../http/api-error';
import { decodeCommandRequest, inHttpTerms } from './command-request';
import { CommandAccepted, IssueCommand } from './issue-command';
import { findCommandRoute } from './command-routes';

const routeOf = (request: ApiRequest) =>
  findCommandRoute(String(request.params['collection']), String(request.params['action']));

/**
 * Every command of the catalogue, behind `POST /<collection>/:id/<action>` (the table in
 * command-routes.ts). The controller only turns the request into a command for the bus.
 */
@Controller()
export class CommandController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':collection/:id/:action')
  @HttpCode(201)
  @Guards((request) => {
    const route = routeOf(request);
    return route
      ? { kind: 'command', type: route.type }
      : notFound('unknown-route', `No command is sent to POST ${request.path}.`, [
          { path: 'path', message: 'no such command route' },
        ]);
  })
  async issue(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandAccepted> {
    const route = routeOf(request)!;
    const decoded = decodeCommandRequest({
      route,
      id,
      body,
      headers: request.headers,
      actor: actorOf(request),
      correlationId: request.id,
      issuedAt: this.clock().toISOString(),
      newCommandId: randomUUID,
    });
    if (E.isLeft(decoded)) throw refusal(decoded.left);
    const { command, expectedRevision } = decoded.right;
    const result = await this.commandBus.execute(
      new IssueCommand(command, actorOf(request), scopeOf(request), expectedRevision),
    );
    if (E.isLeft(result)) throw refusal(inHttpTerms(route, result.left));
    response.setHeader('ETag', `"${result.right.accepted.revision}"`);
    if (result.right.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.right.accepted;
  }
}
