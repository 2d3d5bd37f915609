/**
 * Coaches logging sessions with their own providers, each write followed by a query of one of the
 * provider's views that waits for the write's position (`waitForPosition`): what a client that
 * reads its own write sees. Every answer is timed; a 503 `view-behind` is counted apart.
 */
import { sessionBody } from '../api/seed-program';

export interface CoachAtWork {
  readonly coachId: string;
  readonly token: string;
  readonly providerIds: ReadonlyArray<string>;
}

/** Latencies in milliseconds, all kept: a minute of commands is a few tens of thousands at most. */
export class Latencies {
  private readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }

  get max(): number {
    return this.values.reduce((a, b) => Math.max(a, b), 0);
  }
}

export interface ReadYourWriteResult {
  readonly seconds: number;
  readonly commands: Latencies;
  readonly queries: Latencies;
  /** The same queries by the view they read. */
  readonly queriesByView: ReadonlyMap<string, Latencies>;
  readonly viewBehind: number;
  /** Answers other than 201 to a command or 200 to a query, by status and code. */
  readonly refusals: ReadonlyMap<string, number>;
}

/** The provider's views a coach reads after logging a session with them. */
const queryPaths = [
  { view: 'dosage', path: (providerId: string) => `/views/dosage?providerId=${providerId}&` },
  { view: 'timeline', path: (providerId: string) => `/providers/${providerId}/timeline?` },
  { view: 'cycles', path: (providerId: string) => `/views/cycles?providerId=${providerId}&` },
];

const timedFetch = async (url: string, init: RequestInit): Promise<{ ms: number; status: number; body: string }> => {
  const start = process.hrtime.bigint();
  const response = await fetch(url, init);
  const body = await response.text();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.status, body };
};

const codeOf = (body: string): string => {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code ?? '');
  } catch {
    return '';
  }
};

/**
 * `workers` loops, each as one coach in turn, until `seconds` have passed; `heldOn` is the sessions'
 * day. Without `queries`, the commands go alone: their latency without the views' renderings.
 */
export const readYourWrite = async (
  url: string,
  coaches: ReadonlyArray<CoachAtWork>,
  workers: number,
  seconds: number,
  heldOn: string,
  queries = true,
): Promise<ReadYourWriteResult> => {
  const commands = new Latencies();
  const queried = new Latencies();
  const queriesByView = new Map(queryPaths.map(({ view }) => [view, new Latencies()]));
  const refusals = new Map<string, number>();
  let viewBehind = 0;
  const refused = (what: string, status: number, body: string) => {
    const key = `${what} ${status} ${codeOf(body)}`.trim();
    refusals.set(key, (refusals.get(key) ?? 0) + 1);
  };
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const run = `${process.pid}-${started.toString(36)}`;

  const worker = async (w: number) => {
    const coach = coaches[w % coaches.length]!;
    const auth = { authorization: `Bearer ${coach.token}` };
    for (let n = 0; Date.now() < deadline; n++) {
      const providerId = coach.providerIds[n % coach.providerIds.length]!;
      const written = await timedFetch(`${url}/providers/${providerId}/sessions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(sessionBody(`bench-${run}-${w}-${n}`, coach.coachId, heldOn)),
      });
      commands.add(written.ms);
      if (written.status !== 201) {
        refused('command', written.status, written.body);
        continue;
      }
      if (!queries) continue;
      const { position } = JSON.parse(written.body) as { position: number };
      const { view, path } = queryPaths[n % queryPaths.length]!;
      const read = await timedFetch(`${url}${path(providerId)}waitForPosition=${position}`, { headers: auth });
      queried.add(read.ms);
      queriesByView.get(view)!.add(read.ms);
      if (read.status === 503 && codeOf(read.body) === 'view-behind') viewBehind += 1;
      else if (read.status !== 200) refused('query', read.status, read.body);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return { seconds: (Date.now() - started) / 1000, commands, queries: queried, queriesByView, viewBehind, refusals };
};
