import type { StreamingRead } from '@eventstore/db-client';

/**
 * Iterates a read of the client so that its gRPC call always finishes. Leaving a loop early
 * would otherwise leave the call paused with its end unread, and the client's dispose() waits
 * for every call it started: the rest of the read is cancelled, and what still arrives is let
 * through and dropped.
 */
export async function* finishedRead<E>(read: StreamingRead<E>): AsyncGenerator<E, void, undefined> {
  let completed = false;
  try {
    for await (const item of read.iterator({ destroyOnReturn: false }) as AsyncIterable<E>) yield item;
    completed = true;
  } finally {
    if (!completed && !read.destroyed) {
      read.resume();
      await read.cancel();
    }
  }
}
