import type { ViewRead } from './view-read';

/**
 * The access log's listing as a table (header and rows, the views' table shape), for CSV and a
 * terminal: the same columns from the API and the command line. The record's own id stays in the
 * JSON: the correlation id is what ties a read to the rest of its request.
 */
export const accessLogTable = (reads: ReadonlyArray<ViewRead>) => ({
  header: ['at', 'reader', 'role', 'view', 'query', 'correlationId'],
  rows: reads.map((read) => [
    read.at,
    read.actor.id,
    read.actor.role,
    read.view,
    Object.entries(read.query)
      .map(([name, value]) => `${name}=${value}`)
      .join(' '),
    read.correlationId,
  ]),
});
