import { Controller, Get, Inject, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import * as E from 'fp-ts/Either';
import { CLOCK, type Clock } from '../app/injection-tokens';
import { Guards } from '../auth/route-access';
import type { ApiRequest } from '../http/api-request';
import { refusal } from '../http/api-error';
import { ReadAccessLog } from './read-access-log';
import { decodeViewParams } from './view-params';

/** Who read the history and the evaluation, and when: for auditors. */
@Controller('access-log')
export class AccessLogController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Guards(() => ({ kind: 'view', view: 'access-log' }))
  async read(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const params = decodeViewParams('access-log', query, request.headers);
    if (E.isLeft(params)) throw refusal(params.left);
    return this.queryBus.execute(new ReadAccessLog(params.right.day ?? this.clock().toISOString().slice(0, 10)));
  }
}
