import { accessLogTable } from './access-log-table';
import type { ViewRead } from './view-read';

describe('the access log as a table', () => {
  it('gives one row per read, its query as name=value pairs, and never the record’s id', () => {
    const read: ViewRead = {
      id: 'r-1',
      at: '2026-03-02T10:00:00.000Z',
      actor: { id: 'aud-7', role: 'admin' },
      view: 'history',
      query: { stream: 'provider-p-020', asOf: '2026-03-01' },
      correlationId: 'c-1',
    };
    expect(accessLogTable([read])).toEqual({
      header: ['at', 'reader', 'role', 'view', 'query', 'correlationId'],
      rows: [['2026-03-02T10:00:00.000Z', 'aud-7', 'admin', 'history', 'stream=provider-p-020 asOf=2026-03-01', 'c-1']],
    });
    expect(accessLogTable([])).toEqual({ header: expect.any(Array), rows: [] });
  });
});
