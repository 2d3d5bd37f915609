const query = (params: ReadonlyArray<readonly [string, string]>) =>
  params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');

/**
 * The routes an auditor replays a view at, each read as the program knew it at `asOf`. Ids travel
 * in the query only: an id may be `..`, which a browser resolves away as a path segment however
 * it is escaped.
 */
export const asOfPaths = {
  timeline: (providerId: string, asOf: string) =>
    `/views/timeline?${query([
      ['providerId', providerId],
      ['asOf', asOf],
    ])}`,
  dosage: (providerId: string, asOf: string) =>
    `/views/dosage?${query([
      ['providerId', providerId],
      ['asOf', asOf],
    ])}`,
  cycles: (providerId: string, asOf: string) =>
    `/views/cycles?${query([
      ['providerId', providerId],
      ['asOf', asOf],
    ])}`,
  report: (communityId: string, month: string, asOf: string) =>
    `/reports/program?${query([
      ['communityId', communityId],
      ['month', month],
      ['asOf', asOf],
    ])}`,
} as const;

/** The month a moment falls in (UTC), as the program report names months: the report of that moment's month. */
export const monthOfMoment = (instant: string): string => new Date(instant).toISOString().slice(0, 7);
