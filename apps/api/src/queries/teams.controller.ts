import { Controller, Get, Param, Query as QueryString, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type DomainError, forbidden, notFound } from '@coachline/domain';
import { teamsProjection, TeamsView } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { Guards } from '../auth/route-access';
import { refusal } from '../http/api-error';
import { actorOf, type ApiRequest, scopeOf } from '../http/api-request';
import { AnswersCsv } from '../http/csv-answer';
import { ReadReplayedView } from './read-replayed-view';
import type { ViewParams } from './view-params';
import { paramsOf } from './view.controller';

/**
 * The teams systems coaching serves (`004`), for the program staff who run it and for each team's
 * coach, who reads only the teams they coach now.
 */
@Controller()
export class TeamsController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * `GET /teams`: each team with its plan, its coaching month by month against it and its
   * effectiveness data; JSON, or CSV a row per team and month.
   */
  @Get('teams')
  @Guards(() => ({ kind: 'view', view: 'teams' }))
  @AnswersCsv<TeamsView>('teams', teamsProjection.table)
  async teams(@QueryString() query: unknown, @Req() request: ApiRequest): Promise<TeamsView> {
    const view = await this.replay(paramsOf('teams', request, query));
    if (scopeOf(request) === 'all') return view;
    const coachId = actorOf(request).id;
    return { asOf: view.asOf, teams: view.teams.filter((team) => team.coachId === coachId) };
  }

  /** `GET /teams/:id`: one team as `GET /teams` shows it; a coach's only while they coach it. */
  @Get('teams/:id')
  @Guards(() => ({ kind: 'view', view: 'teams' }))
  @AnswersCsv<TeamsView>('team', teamsProjection.table)
  async team(@Param('id') id: string, @QueryString() query: unknown, @Req() request: ApiRequest): Promise<TeamsView> {
    const view = await this.replay(paramsOf('teams', request, query, { 'params.id': id }));
    const team = view.teams.find((row) => row.teamId === id);
    if (team === undefined)
      throw refusal(
        notFound('team-not-found', `No team ${id} is registered.`, [{ path: 'params.id', message: 'no such team' }]),
      );
    const actor = actorOf(request);
    if (scopeOf(request) !== 'all' && team.coachId !== actor.id) {
      const message = `Team ${id} is not coached by ${actor.id}.`;
      throw refusal(forbidden('outside-caseload', message, [{ path: 'params.id', message }]));
    }
    return { asOf: view.asOf, teams: [team] };
  }

  private async replay(params: ViewParams): Promise<TeamsView> {
    const read: E.Either<DomainError, unknown> = await this.queryBus.execute(
      new ReadReplayedView(teamsProjection, params),
    );
    if (E.isLeft(read)) throw refusal(read.left);
    return read.right as TeamsView;
  }
}
