import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ACCESS_LOG } from '../app/injection-tokens';
import type { AccessLog, ViewRead } from '../access-log/access-log';
import { AccessLogFilter, listReads } from '../access-log/access-log-filter';

export interface AccessLogListing {
  readonly from: string;
  readonly to: string;
  readonly reads: ReadonlyArray<ViewRead>;
}

/** Who read the confidential views from one day to another (both UTC days included), narrowed by reader, subject or view. */
export class ReadAccessLog extends Query<AccessLogListing> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly filter: AccessLogFilter = {},
  ) {
    super();
  }
}

@QueryHandler(ReadAccessLog)
export class ReadAccessLogHandler implements IQueryHandler<ReadAccessLog> {
  constructor(@Inject(ACCESS_LOG) private readonly log: AccessLog) {}

  async execute({ from, to, filter }: ReadAccessLog): Promise<AccessLogListing> {
    return { from, to, reads: await listReads(this.log, { from, to }, filter) };
  }
}
