import { Injectable } from '@nestjs/common';

/** Commands being handled, so that shutdown waits for them to be written (or refused) before the store closes. */
@Injectable()
export class InFlightCommands {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  get count(): number {
    return this.running.size;
  }

  /** Resolves once every command in flight has finished, or after `limitMs`. */
  async drain(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.running]), limit]);
    clearTimeout(timer);
  }
}
