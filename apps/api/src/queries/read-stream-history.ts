import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor, DomainError, notFound } from '@coachline/domain';
import { historyProjection, viewOf } from '@coachline/projections';
import * as E from 'fp-ts/Either';
import { AccessRecorder } from '../access-log/access-recorder';
import { StreamReader } from './stream-reader';

/** Every event of one stream with its metadata: the auditor's view, itself recorded in the access log. */
export class ReadStreamHistory extends Query<E.Either<DomainError, unknown>> {
  constructor(
    readonly stream: string,
    readonly asOf: string | undefined,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

@QueryHandler(ReadStreamHistory)
export class ReadStreamHistoryHandler implements IQueryHandler<ReadStreamHistory> {
  constructor(
    private readonly streams: StreamReader,
    private readonly recorder: AccessRecorder,
  ) {}

  async execute({ stream, asOf, actor, correlationId }: ReadStreamHistory): Promise<E.Either<DomainError, unknown>> {
    const events = await this.streams.read(stream);
    if (events.length === 0)
      return E.left(
        notFound('stream-not-found', `No stream is called ${stream}.`, [
          { path: 'params.stream', message: 'no such stream' },
        ]),
      );
    const view = viewOf(historyProjection(stream), events, { stream, ...(asOf !== undefined ? { asOf } : {}) });
    await this.recorder.record(actor, 'history', { stream, asOf }, correlationId);
    return E.right(view);
  }
}
