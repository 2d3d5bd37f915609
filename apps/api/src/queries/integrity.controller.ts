import { Controller, Get, Inject, Query as QueryString } from '@nestjs/common';
import type { EventStore } from '@coachline/eventstore';
import { EVENT_STORE } from '../app/injection-tokens';
import { NO_PARAMETERS } from '../auth/accounts/account-request';
import { decodedOrRefused } from '../auth/refuse-unstorable';
import { Guards } from '../auth/route-access';

/** The store's chain state: the head an auditor notes, to check later with `coachline verify --head`. */
export interface IntegrityState {
  /** The position of the last event stored, 0 for an empty store. */
  readonly position: number;
  /** The chain hash of the event at `position`; null for an empty store or one that keeps no chain. */
  readonly head: string | null;
  /** How many events the store holds: positions run from 1 without a gap. */
  readonly events: number;
}

/** The chain state as of one event: the head read first, then that one event, so no later append moves it. */
export const readIntegrity = async (store: EventStore): Promise<IntegrityState> => {
  const position = await store.headPosition();
  if (position === 0) return { position, head: null, events: 0 };
  for await (const event of store.readAll({ after: position - 1, batchSize: 1 }))
    return { position: event.position, head: event.integrity?.chain ?? null, events: event.position };
  throw new Error(`The store's head is at position ${position}, but no event is stored there.`);
};

/**
 * `GET /integrity`, for auditors and admins: the chain hash of the store's last event, the one
 * number standing for the whole history up to it. Recomputing it is `coachline verify --store`'s
 * work, where the store is; the API only says what the store holds now.
 */
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Guards(() => ({ kind: 'integrity' }))
  read(@QueryString() query: unknown): Promise<IntegrityState> {
    decodedOrRefused(NO_PARAMETERS, 'The integrity read', query, 'query');
    return readIntegrity(this.store);
  }
}
