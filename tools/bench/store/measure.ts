/** Timing, latency percentiles and the one-line report of each figure. */
import { cpuPerUnit, type CpuSpent } from './cpu';

/** One side of a figure: how much work, in how long, at what CPU cost when it was measured. */
export interface Measured {
  readonly count: number;
  readonly seconds: number;
  readonly cpu?: CpuSpent;
}

export interface Figure {
  readonly name: string;
  /** What was measured through the event store. */
  readonly adapter: Measured;
  /**
   * The raw `pg` baselines doing the same work in the same run, each with its ratio; the first (on
   * the minimal table) is the one a target ratio is stated against.
   */
  readonly baselines: ReadonlyArray<Measured & { readonly label: string }>;
  readonly unit: 'events/s' | 'commands/s' | 'proofs/s';
  readonly target?: string;
  readonly extra?: string;
}

export const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> => {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
};

const rate = (count: number, seconds: number) => count / seconds;
const formatted = (value: number) => Math.round(value).toLocaleString('en-US');
const cpuNote = (measured: Measured, unit: string) =>
  measured.cpu === undefined ? '' : `, CPU ${cpuPerUnit(measured.cpu, measured.count)}/${unit}`;

export const report = (figure: Figure): void => {
  const adapterRate = rate(figure.adapter.count, figure.adapter.seconds);
  const perUnit = figure.unit.slice(0, -'s/s'.length);
  const parts = [
    figure.name,
    `${formatted(adapterRate)} ${figure.unit}`,
    `(${formatted(figure.adapter.count)} in ${figure.adapter.seconds.toFixed(1)} s${cpuNote(figure.adapter, perUnit)})`,
    ...figure.baselines.map((baseline) => {
      const baselineRate = rate(baseline.count, baseline.seconds);
      const ratio = (adapterRate / baselineRate).toFixed(2);
      return `${baseline.label}: ${formatted(baselineRate)} ${figure.unit}${cpuNote(baseline, perUnit)}, ratio ${ratio}`;
    }),
    ...(figure.extra === undefined ? [] : [figure.extra]),
    ...(figure.target === undefined ? [] : [`target ${figure.target}`]),
  ];
  console.log(parts.join(' | '));
};

/** Latencies in milliseconds, kept in a fixed histogram so memory does not grow with the run. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(100_000);
  private count = 0;

  record(milliseconds: number): void {
    this.buckets[Math.min(this.buckets.length - 1, Math.floor(milliseconds * 100))]! += 1;
    this.count += 1;
  }

  percentile(p: number): number {
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i += 1) {
      seen += this.buckets[i]!;
      if (seen >= rank) return (i + 1) / 100;
    }
    return Number.POSITIVE_INFINITY;
  }
}

/** The highest heap use seen while `work` runs (sampled), above what was in use when it began. */
export class HeapWatch {
  private readonly start = process.memoryUsage().heapUsed;
  private peak = this.start;

  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }

  get peakAboveStartMb(): number {
    return (this.peak - this.start) / 1024 / 1024;
  }
}
