import * as E from 'fp-ts/Either';
import { decodeViewParams } from './view-params';

describe('view query parameters', () => {
  it('decodes the parameters a view takes, positions as numbers', () => {
    expect(
      decodeViewParams('dosage', { month: '2025-09', asOf: '2026-01-01T00:00:00Z', waitForPosition: '42' }, {}),
    ).toEqual(E.right({ month: '2025-09', asOf: '2026-01-01T00:00:00.000Z', waitForPosition: 42 }));
  });

  it('takes the position from X-Wait-For-Position when the query has none, the query’s otherwise', () => {
    expect(decodeViewParams('share', {}, { 'x-wait-for-position': '7' })).toEqual(E.right({ waitForPosition: 7 }));
    expect(decodeViewParams('share', { waitForPosition: '9' }, { 'x-wait-for-position': '7' })).toEqual(
      E.right({ waitForPosition: 9 }),
    );
  });

  it('names each wrong or unknown parameter, and a wrong header, at once', () => {
    const decoded = decodeViewParams(
      'cycles',
      { month: '2025-09', providerId: ['a', 'b'], waitForPosition: '-1' },
      { 'x-wait-for-position': 'soon' },
    );
    expect(E.isLeft(decoded) && decoded.left.errors.map((e) => e.path)).toEqual([
      'query.waitForPosition',
      'query.providerId',
      'query.month',
      'headers.x-wait-for-position',
    ]);
  });
});

describe('throughPosition, the position a view is computed through', () => {
  const pathsOf = (decoded: ReturnType<typeof decodeViewParams>) =>
    E.isLeft(decoded) && decoded.left.errors.map((e) => e.path);

  it('decodes as a number beside a position to wait for, on the live, replayed and combined views', () => {
    for (const view of ['dosage', 'timeline', 'due', 'caseload', 'coaches', 'teams'] as const)
      expect(decodeViewParams(view, { throughPosition: '12' }, { 'x-wait-for-position': '3' })).toEqual(
        E.right({ throughPosition: 12, waitForPosition: 3 }),
      );
  });

  it('refuses a position with a moment, and position 0, naming query.throughPosition', () => {
    expect(pathsOf(decodeViewParams('dosage', { throughPosition: '5', asOf: '2025-10-01' }, {}))).toEqual([
      'query.throughPosition',
    ]);
    expect(pathsOf(decodeViewParams('dosage', { throughPosition: '0' }, {}))).toEqual(['query.throughPosition']);
  });

  it('is not taken by the reads of one stream or of the access log', () => {
    for (const view of ['history', 'provider-record', 'access-log'] as const)
      expect(pathsOf(decodeViewParams(view, { stream: 'provider-p-1', throughPosition: '5' }, {}))).toContain(
        'query.throughPosition',
      );
  });
});

describe('asOf, as every reader gives it', () => {
  it('reads a date alone as the end of that UTC day, and an instant as the same moment in UTC', () => {
    expect(decodeViewParams('timeline', { asOf: '2026-12-06' }, {})).toEqual(
      E.right({ asOf: '2026-12-06T23:59:59.999Z' }),
    );
    expect(decodeViewParams('timeline', { asOf: '2026-12-06T09:00:00+02:00' }, {})).toEqual(
      E.right({ asOf: '2026-12-06T07:00:00.000Z' }),
    );
  });

  it('refuses a day that does not exist and a moment without a zone, naming the parameter', () => {
    for (const asOf of ['2025-09-31', '2026-12-06T09:00:00']) {
      const decoded = decodeViewParams('timeline', { asOf }, {});
      expect(E.isLeft(decoded) && decoded.left.errors.map((e) => [e.path, e.message])).toEqual([
        ['query.asOf', expect.stringMatching(/^expected a date YYYY-MM-DD or an ISO-8601 instant/)],
      ]);
    }
  });
});
