import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@coachline/eventstore';
import type { Response } from 'express';
import { EVENT_STORE } from '../app/injection-tokens';
import { Public } from '../auth/route-access';
import { ProjectionHost } from '../queries/projection-host';

const STORE_CHECK_MS = 2_000;

const within = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });

/** Liveness (the process answers) and readiness (the store answers, the views have caught up, none is parked). */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionHost,
  ) {}

  @Get()
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    let store: { reachable: boolean; headPosition?: number; error?: string };
    try {
      store = { reachable: true, headPosition: await within(this.store.headPosition(), STORE_CHECK_MS) };
    } catch (error) {
      store = { reachable: false, error: (error as Error).message };
    }
    const statuses = store.reachable ? await this.projections.status() : [];
    const projections = statuses.map(({ name, position, lag, parked }) => ({
      name,
      position,
      lag,
      ...(parked ? { parked } : {}),
    }));
    const ready =
      store.reachable &&
      this.projections.isCaughtUp &&
      !this.projections.stopped &&
      projections.every((p) => !p.parked);
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', store, caughtUp: this.projections.isCaughtUp, projections };
  }
}
