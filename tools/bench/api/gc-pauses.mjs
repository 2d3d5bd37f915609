// Loaded with `--import` into each server when BENCH_GC is set: the collector's pauses so far,
// written to BENCH_GC_FILE twice a second, for run.ts to read before and after a measured run.
// A pause of the young generation stops every request in flight, so it shows in the p99.
import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = process.env['BENCH_GC_FILE'];
const totals = { young: { count: 0, ms: 0, longestMs: 0 }, old: { count: 0, ms: 0, longestMs: 0 } };
if (file) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? totals.young : totals.old;
      kind.count += 1;
      kind.ms += entry.duration;
      kind.longestMs = Math.max(kind.longestMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  setInterval(() => writeFileSync(file, JSON.stringify(totals)), 500).unref();
}
