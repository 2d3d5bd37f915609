/**
 * A catch-up subscription to $all as EventStoreDB serves it: a confirmation, the history after
 * the start position (exclusive), a caught-up message, then every new record as it commits.
 * (The checkpoints a real server sends on filtered subscriptions are left out: the client only
 * passes them to a callback Coachline does not register.)
 */
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryLog } from './in-memory-log';
import { recordFilter } from './read-filter';
import { send } from './send';
import { readEventMessage } from './wire-format';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

const startIndex = (log: InMemoryLog, allOptions: ReadReq.Options.AllOptions): number => {
  const { AllOptionCase } = ReadReq.Options.AllOptions;
  switch (allOptions.getAllOptionCase()) {
    case AllOptionCase.POSITION: {
      const position = BigInt((allOptions.getPosition() as ReadReq.Options.Position).getCommitPosition());
      return log.indexAtOrAfter(position + 1n);
    }
    case AllOptionCase.END:
      return log.all.length;
    default:
      return 0;
  }
};

export const subscribeToAll = async (
  log: InMemoryLog,
  call: ReadCall,
  options: ReadReq.Options,
  { structuredIds, caughtUpMessage }: { readonly structuredIds: boolean; readonly caughtUpMessage: boolean },
): Promise<void> => {
  const accepts = recordFilter(options);
  let cursor = startIndex(log, options.getAll() as ReadReq.Options.AllOptions);
  let wake = (): void => undefined;
  const stopListening = log.onAppend(() => wake());
  const onCancelled = (): void => wake();
  call.on('cancelled', onCancelled);
  try {
    const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    if (!(await send(call, new ReadResp().setConfirmation(confirmation)))) return;
    let caughtUp = false;
    while (!call.cancelled) {
      for (let record = log.all[cursor]; record !== undefined && !call.cancelled; record = log.all[cursor]) {
        cursor += 1;
        if (accepts(record) && !(await send(call, readEventMessage(record, structuredIds)))) return;
      }
      if (!caughtUp) {
        caughtUp = true;
        if (caughtUpMessage && !(await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (call.cancelled || cursor < log.all.length) resolve();
      });
    }
  } finally {
    stopListening();
    call.off('cancelled', onCancelled);
  }
};
