import { Controller, Get, Param, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, Id, ID_RULE, invalid, notFound, unstorableText } from '@coachline/domain';
import { findProjection, historyProjection, timelineProjection } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { actorOf, type ApiRequest, scopeOf } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { refusal } from '../http/api-error';
import { isViewName } from '../policy/grants';
import { withoutScores } from '../policy/redact-scores';
import { LiveViewName, ReadView } from './read-view.query';
import { coachingLogTable, debriefsTable, plansTable } from './provider-record-tables';
import { ReadProviderRecord } from './read-provider-record';
import { ReadStreamHistory } from './read-stream-history';
import { decodeViewParams, ParamProfile, ViewParams } from './view-params';

/** The views the API serves by name under /views (see docs/api.md). */
export const NAMED_VIEWS = new Set(['dosage', 'timeline', 'cycles', 'share', 'evaluation', 'history']);

const unknownView = (name: string): DomainError =>
  notFound('unknown-view', `No view is called ${JSON.stringify(name)}; the views are ${[...NAMED_VIEWS].join(', ')}.`, [
    { path: 'params.name', message: 'no such view' },
  ]);

export const answer = (result: E.Either<DomainError, unknown>): unknown => {
  if (E.isLeft(result)) throw refusal(result.left);
  return result.right;
};

/**
 * What a reader is sent. The views a provider may read hold no observation score to begin with;
 * this is the last line that keeps rule 5 whatever a view might come to carry.
 */
const forReader = (request: ApiRequest, view: unknown): unknown =>
  actorOf(request).role === 'provider' ? withoutScores(view) : view;

const idError = (path: string, id: string) => ({ path, message: `expected ${ID_RULE}, got ${JSON.stringify(id)}` });

/** The query string and the ids of the path, every wrong one reported at once. */
export const paramsOf = (
  profile: ParamProfile,
  request: ApiRequest,
  query: unknown,
  ids: Readonly<Record<string, string>> = {},
): ViewParams => {
  const decoded = decodeViewParams(profile, query, request.headers);
  const unfit = [
    ...Object.entries(ids).flatMap(([path, id]) => (Id.is(id) ? unstorableText(id, path) : [idError(path, id)])),
    ...unstorableText(query, 'query'),
  ];
  if (unfit.length === 0) return answer(decoded) as ViewParams;
  const errors = [...unfit, ...(E.isLeft(decoded) ? decoded.left.errors : [])];
  throw refusal(invalid('invalid', `The request is invalid: ${errors.map((e) => e.path).join(', ')}`, errors));
};

/** The view a /views route names; the guard has checked it is one of NAMED_VIEWS before the answer is written. */
const viewNameOf = (request: ApiRequest): string => String(request.params['name']);

/** Every read of the API: each goes to a query handler on the query bus. */
@Controller()
export class ViewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('views/:name')
  @AnswersCsv(viewNameOf, (view, request) => findProjection(viewNameOf(request))!.table(view))
  @Guards((request) => {
    const name = String(request.params['name']);
    return NAMED_VIEWS.has(name) && isViewName(name) ? { kind: 'view', view: name } : unknownView(name);
  })
  async view(@Param('name') name: string, @QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const params = paramsOf(name as ParamProfile, request, query);
    // The history's query requires `stream` (view-params.ts), so a decoded one has it.
    if (name === 'history')
      return forReader(
        request,
        answer(
          await this.queryBus.execute(new ReadStreamHistory(params.stream!, params.asOf, actorOf(request), request.id)),
        ),
      );
    return forReader(
      request,
      answer(
        await this.queryBus.execute(
          new ReadView(name as LiveViewName, params, actorOf(request), scopeOf(request), request.id),
        ),
      ),
    );
  }

  @Get('providers/:id/timeline')
  @AnswersCsv('timeline', timelineProjection.table)
  @Guards(() => ({ kind: 'view', view: 'timeline' }))
  async timeline(@Param('id') id: string, @QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const params = { ...paramsOf('provider-timeline', request, query, { 'params.id': id }), providerId: id };
    const view = answer(
      await this.queryBus.execute(new ReadView('timeline', params, actorOf(request), scopeOf(request), request.id)),
    ) as {
      providers: ReadonlyArray<unknown>;
    };
    if (view.providers.length === 0)
      throw refusal(
        notFound('provider-not-found', `No provider ${id} is enrolled.`, [
          { path: 'params.id', message: 'no such provider' },
        ]),
      );
    return forReader(request, view);
  }

  @Get('providers/:id/debriefs')
  @AnswersCsv('debriefs', debriefsTable)
  @Guards(() => ({ kind: 'view', view: 'debriefs' }))
  async debriefs(@Param('id') id: string, @QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const params = paramsOf('provider-record', request, query, { 'params.id': id });
    return forReader(
      request,
      answer(
        await this.queryBus.execute(
          new ReadProviderRecord('debriefs', id, params.asOf, actorOf(request), scopeOf(request), request.id),
        ),
      ),
    );
  }

  @Get('providers/:id/plans')
  @AnswersCsv('plans', plansTable)
  @Guards(() => ({ kind: 'view', view: 'plans' }))
  async plans(@Param('id') id: string, @QueryString() query: unknown, @Req() request: ApiRequest): Promise<unknown> {
    const params = paramsOf('provider-record', request, query, { 'params.id': id });
    return forReader(
      request,
      answer(
        await this.queryBus.execute(
          new ReadProviderRecord('plans', id, params.asOf, actorOf(request), scopeOf(request), request.id),
        ),
      ),
    );
  }

  @Get('providers/:id/coaching-log')
  @AnswersCsv('coaching-log', coachingLogTable)
  @Guards(() => ({ kind: 'view', view: 'coaching-log' }))
  async coachingLog(
    @Param('id') id: string,
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
  ): Promise<unknown> {
    const params = paramsOf('provider-record', request, query, { 'params.id': id });
    return forReader(
      request,
      answer(
        await this.queryBus.execute(
          new ReadProviderRecord('coaching-log', id, params.asOf, actorOf(request), scopeOf(request), request.id),
        ),
      ),
    );
  }

  @Get('streams/:stream')
  @AnswersCsv('history', historyProjection().table)
  @Guards(() => ({ kind: 'view', view: 'history' }))
  async stream(
    @Param('stream') stream: string,
    @QueryString() query: unknown,
    @Req() request: ApiRequest,
  ): Promise<unknown> {
    const params = paramsOf('provider-record', request, query, { 'params.stream': stream });
    return forReader(
      request,
      answer(await this.queryBus.execute(new ReadStreamHistory(stream, params.asOf, actorOf(request), request.id))),
    );
  }
}
