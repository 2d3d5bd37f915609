import type { StoredEvent } from '@coachline/eventstore';
import { EventCollector, someEvents } from '@coachline/eventstore/testing';
import { describeOnEachEngine, type TestStore } from './testing';

describeOnEachEngine('a subscription woken by a commit', (open) => {
  let subject: TestStore;
  beforeEach(async () => {
    subject = await open('woken');
  });
  afterEach(() => subject.dispose());

  it('reads on from the head the commit reported, in its own store and in another one', async () => {
    // Neither polls during the test: a look at the head could only come from the wake-up.
    const writer = await subject.openAnother({ pollIntervalMs: 600_000 });
    const listener = await subject.openAnother({ pollIntervalMs: 600_000 });
    const collectors = [new EventCollector(), new EventCollector()];
    const stores = [writer, listener];
    const looks = stores.map((store) => jest.spyOn(store, 'headPosition'));
    const subscriptions = stores.map((store, i) => store.subscribe(0, collectors[i]!.handler));
    try {
      await Promise.all(subscriptions.map((subscription) => subscription.caughtUp));
      const before = looks.map((look) => look.mock.calls.length);
      const events = someEvents(3);
      await writer.append('provider-p-1', events, 'no-stream');
      await Promise.all(collectors.map((collector) => collector.untilCount(3)));

      for (const collector of collectors)
        expect(collector.events.map((event: StoredEvent) => event.id)).toEqual(events.map((event) => event.id));
      expect(looks.map((look) => look.mock.calls.length)).toEqual(before);
    } finally {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    }
  });
});
