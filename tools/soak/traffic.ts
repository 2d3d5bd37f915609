import { randomUUID } from 'node:crypto';
import type { SeededProgram } from '../bench/api/seed-program';
import { sessionBody } from '../bench/api/seed-program';

/** What the API answered a command with, once it accepted it. */
export interface Accepted {
  readonly commandId: string;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string }>;
}

/** One command as the client saw it, from first attempt to final answer. */
export interface CommandRecord {
  readonly key: string;
  attempts: number;
  outcome: 'pending' | 'accepted' | 'refused' | 'gave-up';
  status?: number;
  accepted?: Accepted;
  refusal?: string;
}

const HELD_ON = ['2025-10-02', '2025-10-09', '2025-10-16', '2025-11-06', '2025-11-13', '2025-12-04'];
const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Latencies of answered requests, in ms. */
export class Latencies {
  private readonly times: number[] = [];
  add(ms: number): void {
    this.times.push(ms);
  }
  percentile(q: number): number {
    const sorted = [...this.times].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  }
  get count(): number {
    return this.times.length;
  }
}

/**
 * Coaches at work: LogSession commands, each with its own Idempotency-Key, retried with the same
 * key and body on a network error or a 5xx until answered; and view queries, not retried.
 */
export class Traffic {
  readonly commands = new Map<string, CommandRecord>();
  /** Answers and failures by status (`network` when no answer came). */
  readonly byStatus = new Map<string, number>();
  readonly commandLatency = new Latencies();
  readonly queryLatency = new Latencies();
  retries = 0;
  /** Commands answered 409 revision-conflict (the API's own retries ran out on a busy stream), then sent again. */
  conflicts = 0;
  queries = 0;
  /** The first few 5xx answers, to say what failed. */
  readonly serverErrors: string[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly program: SeededProgram,
    private readonly retryForMs: number,
  ) {}

  private count(status: string): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  sendCommand(): void {
    const coach = pick(this.program.coaches);
    const providerId = pick(coach.providerIds);
    const record: CommandRecord = { key: `soak-${randomUUID()}`, attempts: 0, outcome: 'pending' };
    this.commands.set(record.key, record);
    const body = JSON.stringify(sessionBody(`s-${record.key}`, coach.coachId, pick(HELD_ON)));
    const headers = {
      authorization: `Bearer ${coach.token}`,
      'content-type': 'application/json',
      'idempotency-key': record.key,
    };
    this.track(this.untilAnswered(record, `/providers/${providerId}/sessions`, headers, body));
  }

  private async untilAnswered(
    record: CommandRecord,
    path: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<void> {
    const deadline = Date.now() + this.retryForMs;
    for (;;) {
      record.attempts++;
      if (record.attempts > 1) this.retries++;
      const started = performance.now();
      try {
        const response = await fetch(`${this.url}${path}`, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        this.commandLatency.add(performance.now() - started);
        this.count(String(response.status));
        record.status = response.status;
        if (response.status < 300) {
          record.outcome = 'accepted';
          record.accepted = JSON.parse(text) as Accepted;
          return;
        }
        if (response.status >= 500 && this.serverErrors.length < 5)
          this.serverErrors.push(`POST ${path} ${response.status} ${text.slice(0, 200)}`);
        // No If-Match was sent: a conflict only says other writers were busy, and the same key may go again.
        const conflict = response.status === 409 && text.includes('"revision-conflict"');
        if (conflict) this.conflicts++;
        if (response.status < 500 && !conflict) {
          record.outcome = 'refused';
          record.refusal = text.slice(0, 300);
          return;
        }
      } catch {
        this.count('network');
      }
      if (Date.now() > deadline) {
        record.outcome = 'gave-up';
        return;
      }
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(record.attempts, 5)) * (0.5 + Math.random()));
    }
  }

  sendQuery(): void {
    const coach = pick(this.program.coaches);
    const providerId = pick(coach.providerIds);
    const path = pick([
      `/views/dosage?providerId=${providerId}`,
      `/providers/${providerId}/timeline`,
      '/views/share',
      `/views/cycles?providerId=${providerId}`,
    ]);
    this.queries++;
    this.track(
      (async () => {
        const started = performance.now();
        try {
          const response = await fetch(`${this.url}${path}`, {
            headers: { authorization: `Bearer ${coach.token}` },
            signal: AbortSignal.timeout(15_000),
          });
          const text = await response.text();
          this.queryLatency.add(performance.now() - started);
          if (response.status >= 500 && this.serverErrors.length < 5)
            this.serverErrors.push(`GET ${path} ${response.status} ${text.slice(0, 200)}`);
          this.count(String(response.status));
        } catch {
          this.count('network');
        }
      })(),
    );
  }

  /** Resolves once every command has its final answer (or was given up on) and every query returned. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
