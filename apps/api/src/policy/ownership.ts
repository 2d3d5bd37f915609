import { Inject, Injectable, Optional } from '@nestjs/common';
import { coachOfProvider, entryOf, type RecordedEvent } from '@coachline/domain';
import { DecidedStreams, type EventStore } from '@coachline/eventstore';
import { asRecordedEvent } from '@coachline/views';
import { foldHistory } from '@coachline/projections';
import { EVENT_STORE } from '../app/injection-tokens';
import { CaseloadsState, caseloadsProjection } from './caseloads.projection';

/**
 * Who a record belongs to, read from the store at the moment of asking: a command is checked
 * against the caseload as it stands, never against a view that may lag behind.
 */
@Injectable()
export class Ownership {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    // The provider streams' state kept for commands: the coach is then read from it, after
    // reading only what the store holds past it, instead of from the whole stream.
    @Optional() private readonly decidedStreams?: DecidedStreams,
  ) {}

  /** The provider's current coach, or undefined for a provider never enrolled. */
  async currentCoachOf(providerId: string): Promise<string | undefined> {
    const stream = `provider-${providerId}`;
    if (this.decidedStreams)
      return coachOfProvider((await this.decidedStreams.current(this.store, stream, 'provider')).state);
    const events: RecordedEvent[] = [];
    for await (const stored of this.store.readStream(stream)) {
      if (caseloadsProjection.eventTypes.includes(stored.type)) events.push(asRecordedEvent(stored));
    }
    return entryOf(foldHistory<CaseloadsState>(caseloadsProjection, events).state.coachOf, providerId);
  }

  /** The provider an agreement or a screening is about: the one its opening event names. */
  async providerOf(stream: string): Promise<string | undefined> {
    for await (const stored of this.store.readStream(stream, { maxCount: 1 })) {
      const providerId =
        typeof stored.data === 'object' && stored.data !== null
          ? entryOf(stored.data as Record<string, unknown>, 'providerId')
          : undefined;
      return typeof providerId === 'string' ? providerId : undefined;
    }
    return undefined;
  }
}
