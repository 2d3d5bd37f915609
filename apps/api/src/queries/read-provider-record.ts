import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor, DomainError, forbidden, notFound } from '@coachline/domain';
import { resolveAsOf } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { AccessRecorder } from '../access-log/access-recorder';
import type { Scope } from '../policy/grants';
import { Ownership } from '../policy/ownership';
import { coachingLogOf, debriefsOf, plansOf } from './provider-record';
import { knownBy, latestRecordedAt, StreamReader } from './stream-reader';

/** A provider's debriefs, action plans or coaching log, read from their own stream. */
export class ReadProviderRecord extends Query<E.Either<DomainError, unknown>> {
  constructor(
    readonly record: 'debriefs' | 'plans' | 'coaching-log',
    readonly providerId: string,
    readonly asOf: string | undefined,
    readonly actor: Actor,
    readonly scope: Scope,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** Debriefs are the outcome of a provider's observations: each read of them is recorded, like the evaluation's. */
const RECORDED_RECORDS: ReadonlySet<ReadProviderRecord['record']> = new Set(['debriefs']);

@QueryHandler(ReadProviderRecord)
export class ReadProviderRecordHandler implements IQueryHandler<ReadProviderRecord> {
  constructor(
    private readonly streams: StreamReader,
    private readonly ownership: Ownership,
    private readonly recorder: AccessRecorder,
  ) {}

  async execute({
    record,
    providerId,
    asOf,
    actor,
    scope,
    correlationId,
  }: ReadProviderRecord): Promise<E.Either<DomainError, unknown>> {
    const reachable =
      scope === 'all' ||
      (scope === 'self' ? providerId === actor.id : (await this.ownership.currentCoachOf(providerId)) === actor.id);
    if (!reachable) {
      const message = `Provider ${providerId} is not within the reach of ${actor.id}.`;
      return E.left(forbidden('outside-caseload', message, [{ path: 'params.id', message }]));
    }
    const history = await this.streams.read(`provider-${providerId}`);
    if (history.length === 0)
      return E.left(
        notFound('provider-not-found', `No provider ${providerId} is enrolled.`, [
          { path: 'params.id', message: 'no such provider' },
        ]),
      );
    const known = knownBy(history, asOf);
    const header = { asOf: resolveAsOf(asOf, latestRecordedAt(known)), providerId };
    if (RECORDED_RECORDS.has(record)) await this.recorder.record(actor, record, { providerId, asOf }, correlationId);
    switch (record) {
      case 'debriefs':
        return E.right({ ...header, debriefs: debriefsOf(known) });
      case 'plans':
        return E.right({ ...header, actionPlans: plansOf(known) });
      case 'coaching-log':
        return E.right({ ...header, sessions: coachingLogOf(known) });
    }
  }
}
