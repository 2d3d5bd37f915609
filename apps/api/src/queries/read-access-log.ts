import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ACCESS_LOG } from '../app/injection-tokens';
import type { AccessLog, ViewRead } from '../access-log/access-log';

/** Who read the confidential views on one day. */
export class ReadAccessLog extends Query<{ day: string; reads: ReadonlyArray<ViewRead> }> {
  constructor(readonly day: string) {
    super();
  }
}

@QueryHandler(ReadAccessLog)
export class ReadAccessLogHandler implements IQueryHandler<ReadAccessLog> {
  constructor(@Inject(ACCESS_LOG) private readonly log: AccessLog) {}

  async execute({ day }: ReadAccessLog): Promise<{ day: string; reads: ReadonlyArray<ViewRead> }> {
    return { day, reads: await this.log.readDay(day) };
  }
}
