// Loaded with `--import` into the API the scale benchmark starts: the event loop's delay, kept
// from one SIGWINCH to the next. Each SIGWINCH writes what was kept since the last one to the file
// BENCH_LOOP_DELAY_FILE names (milliseconds), then starts afresh. SIGWINCH because NestJS's
// shutdown hooks end the API on SIGUSR2, and a process without this hook ignores SIGWINCH.
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env['BENCH_LOOP_DELAY_FILE'];
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('SIGWINCH', () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const kept = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      mean: ms(delay.mean),
    };
    // Written aside and renamed, so that the benchmark never reads half a file.
    writeFileSync(`${file}.part`, JSON.stringify(kept));
    renameSync(`${file}.part`, file);
    delay.reset();
  });
}
