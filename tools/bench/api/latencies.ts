/** Response times by status, to tell queries (200) from commands (201) in one mixed run. */
export class Latencies {
  private readonly times = new Map<number, number[]>();

  add(status: number, ms: number): void {
    const list = this.times.get(status) ?? [];
    list.push(ms);
    this.times.set(status, list);
  }

  /** `n answers, p50 … ms, p99 … ms` for one status. */
  describe(status: number): string {
    const sorted = [...(this.times.get(status) ?? [])].sort((a, b) => a - b);
    if (sorted.length === 0) return 'none';
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
    return `${sorted.length.toLocaleString('en-US')} answers, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
  }
}
