import type { RequestSpec } from 'autocannon';

/** One answer of the API for each route of the mix, taken from the API in the same run for the bare app to send. */
export interface SampleAnswers {
  readonly views: Readonly<Record<string, unknown>>;
  readonly timeline: unknown;
  readonly command: unknown;
}

const VIEW_PATH = /^\/views\/([a-z-]+)/;
const TIMELINE_PATH = /^\/providers\/[^/]+\/timeline/;

/** Sends one request of each kind the mix makes, as its coach, and keeps what the API answered. */
export const sampleAnswers = async (url: string, mix: ReadonlyArray<RequestSpec>): Promise<SampleAnswers> => {
  const views: Record<string, unknown> = {};
  let timeline: unknown = {};
  let command: unknown = {};
  for (const entry of mix) {
    const request = entry.setupRequest!({}, {});
    const response = await fetch(`${url}${request.path}`, {
      method: request.method ?? 'GET',
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    if (!response.ok) throw new Error(`${request.method} ${request.path}: ${response.status} ${await response.text()}`);
    const answer: unknown = await response.json();
    const view = VIEW_PATH.exec(request.path ?? '')?.[1];
    if (request.method === 'POST') command = answer;
    else if (view !== undefined) views[view] = answer;
    else if (TIMELINE_PATH.test(request.path ?? '')) timeline = answer;
  }
  return { views, timeline, command };
};
