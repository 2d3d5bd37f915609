import type { ServerWritableStream } from '@grpc/grpc-js';

/**
 * Writes one message and waits while the client is slower than the log, so a long read or a
 * subscription never buffers the whole history. False once the client has gone away.
 */
export const send = async <Request, Response>(
  call: ServerWritableStream<Request, Response>,
  message: Response,
): Promise<boolean> => {
  if (call.cancelled) return false;
  if (call.write(message)) return true;
  await new Promise<void>((resolve) => {
    const settle = (): void => {
      call.off('drain', settle);
      call.off('cancelled', settle);
      call.off('close', settle);
      resolve();
    };
    call.on('drain', settle);
    call.on('cancelled', settle);
    call.on('close', settle);
  });
  return !call.cancelled;
};
