import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(count: number): void;
  stop(): void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for long work, only when stderr is a terminal: piped output and
 * `--format json` stay clean. Without a known total it counts events and shows the rate.
 */
export const progressOnStderr = (label: string, total?: number): Progress => {
  if (!process.stderr.isTTY) return silent;
  const bar = new SingleBar({
    stream: process.stderr,
    format: total
      ? `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta}s`
      : `${label} {value} events | {rate} events/s`,
    hideCursor: true,
    etaBuffer: 50,
  });
  const started = Date.now();
  bar.start(total ?? 0, 0, { rate: 0 });
  let last = 0;
  return {
    tick: (count) => {
      // Redrawing on every event would cost more than the work; a few times a second is enough.
      if (count - last < 5_000) return;
      last = count;
      bar.update(count, { rate: Math.round(count / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
};
