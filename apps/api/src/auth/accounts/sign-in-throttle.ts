/** Five wrong passwords for an id within a quarter of an hour close it to signing in for the next quarter. */
export const MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Enough ids to be tried at once by anyone honest; past it, ids no longer failing are forgotten first. */
const MAX_TRACKED_IDS = 10_000;

interface Failures {
  readonly times: number[];
  closedUntilMs?: number;
}

/**
 * Failed sign-ins by account id, in memory: a guesser is slowed to five tries per id per quarter
 * hour, and the lock is on the id whoever asks, so trying from many addresses gains nothing.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  /** Milliseconds until the id may try again, or 0 when it may now. */
  waitMs(accountId: string, nowMs: number): number {
    const closedUntil = this.failures.get(accountId)?.closedUntilMs;
    if (closedUntil === undefined) return 0;
    if (closedUntil > nowMs) return closedUntil - nowMs;
    this.failures.delete(accountId);
    return 0;
  }

  failed(accountId: string, nowMs: number): void {
    const failures = this.failures.get(accountId) ?? { times: [] };
    const recent = failures.times.filter((at) => at > nowMs - THROTTLE_WINDOW_MS);
    recent.push(nowMs);
    const next: Failures = { times: recent };
    if (recent.length >= MAX_FAILURES) next.closedUntilMs = nowMs + THROTTLE_WINDOW_MS;
    this.failures.delete(accountId);
    this.failures.set(accountId, next);
    if (this.failures.size > MAX_TRACKED_IDS) this.forgetStale(nowMs);
  }

  succeeded(accountId: string): void {
    this.failures.delete(accountId);
  }

  private forgetStale(nowMs: number): void {
    for (const [id, failures] of this.failures) {
      const last = failures.times[failures.times.length - 1] ?? 0;
      if ((failures.closedUntilMs ?? 0) <= nowMs && last <= nowMs - THROTTLE_WINDOW_MS) this.failures.delete(id);
    }
    // Still too many: the oldest entries go, closed ones included, rather than memory without bound.
    for (const id of this.failures.keys()) {
      if (this.failures.size <= MAX_TRACKED_IDS) break;
      this.failures.delete(id);
    }
  }
}
