import type { StoredEvent } from '../event-store';
import type { OpenContractSubject } from './contract-subject';
import { useContractContext } from './contract-context';
import { EventCollector } from './event-collector';
import { anEvent, idsOf, positionsOf, someEvents, strictlyIncreasing } from './fixtures';

export const subscribeContract = (open: OpenContractSubject): void => {
  describe('subscribe', () => {
    const context = useContractContext(open);
    const own = (event: StoredEvent) => event.stream.startsWith(`${context.run}-`);

    it('catches up, then goes live: events appended during and after catch-up arrive once each, in order', async () => {
      const stream = context.stream('provider-p-1');
      const other = context.stream('coach-c-1');
      const history = someEvents(5);
      await context.store.append(stream, history, 'no-stream');

      const duringCatchUp = someEvents(3, 'FeedbackSent');
      const collector = new EventCollector(own);
      let appendedDuringCatchUp = false;
      const subscription = context.store.subscribe(context.headAtStart, async (event) => {
        await collector.handler(event);
        // Append while the subscription is still working through the history.
        if (!appendedDuringCatchUp && event.id === history[0]!.id) {
          appendedDuringCatchUp = true;
          await context.store.append(other, duringCatchUp, 'no-stream');
        }
      });
      try {
        await subscription.caughtUp;
        expect(idsOf(collector.events).slice(0, 5)).toEqual(idsOf(history));

        const live = [someEvents(2, 'SessionLogged', 5), someEvents(1, 'SessionLogged', 7)];
        await context.store.append(stream, live[0]!, 4);
        await context.store.append(other, live[1]!, 2);
        const expected = [...history, ...duringCatchUp, ...live.flat()];
        await collector.untilCount(expected.length);

        expect(idsOf(collector.events)).toEqual(idsOf(expected));
        expect(strictlyIncreasing(positionsOf(collector.events))).toBe(true);
        expect(collector.events).toEqual(await context.ownEvents());
      } finally {
        await subscription.stop();
      }
    });

    it('resolves caughtUp once the events stored when it started are handled', async () => {
      const history = someEvents(20);
      await context.store.append(context.stream('provider-p-1'), history, 'no-stream');
      const collector = new EventCollector(own);
      const subscription = context.store.subscribe(context.headAtStart, collector.handler);
      try {
        await subscription.caughtUp;
        expect(idsOf(collector.events)).toEqual(idsOf(history));
      } finally {
        await subscription.stop();
      }
    });

    it('starts after the given position', async () => {
      const stream = context.stream('provider-p-1');
      const first = await context.store.append(stream, someEvents(4), 'no-stream');
      const later = someEvents(2);
      await context.store.append(stream, later, first.nextRevision);

      const collector = new EventCollector(own);
      const subscription = context.store.subscribe(first.lastPosition, collector.handler);
      try {
        await subscription.caughtUp;
        expect(idsOf(collector.events)).toEqual(idsOf(later));
      } finally {
        await subscription.stop();
      }
    });

    it('with nothing to catch up on, resolves caughtUp and delivers what is appended next', async () => {
      const collector = new EventCollector(own);
      const subscription = context.store.subscribe(await context.store.headPosition(), collector.handler);
      try {
        await subscription.caughtUp;
        expect(collector.events).toEqual([]);
        const live = someEvents(3);
        await context.store.append(context.stream('provider-p-1'), live, 'no-stream');
        await collector.untilCount(3);
        expect(idsOf(collector.events)).toEqual(idsOf(live));
      } finally {
        await subscription.stop();
      }
    });

    it('delivers only the types and streams asked for, in catch-up and live', async () => {
      const provider = context.stream('provider-p-1');
      const coach = context.stream('coach-c-1');
      const before = [anEvent({ type: 'SessionLogged' }), anEvent({ type: 'FeedbackSent' })];
      await context.store.append(provider, before, 'no-stream');
      await context.store.append(coach, [anEvent({ type: 'SessionLogged' })], 'no-stream');

      const collector = new EventCollector();
      const subscription = context.store.subscribe(context.headAtStart, collector.handler, {
        types: ['SessionLogged'],
        streamPrefix: context.stream('provider-'),
      });
      try {
        await subscription.caughtUp;
        const after = [anEvent({ type: 'FeedbackSent' }), anEvent({ type: 'SessionLogged' })];
        await context.store.append(coach, [anEvent({ type: 'SessionLogged' })], 0);
        await context.store.append(provider, after, 1);
        await collector.untilCount(2);
        expect(idsOf(collector.events)).toEqual([before[0]!.id, after[1]!.id]);
      } finally {
        await subscription.stop();
      }
    });

    it('stop() ends delivery: nothing arrives after it resolves', async () => {
      const stream = context.stream('provider-p-1');
      const stopped = new EventCollector(own);
      const subscription = context.store.subscribe(context.headAtStart, stopped.handler);
      await context.store.append(stream, someEvents(2), 'no-stream');
      await stopped.untilCount(2);
      await subscription.stop();

      // A second subscription shows when the next event has had every chance to arrive.
      const control = new EventCollector(own);
      const controlSubscription = context.store.subscribe(context.headAtStart, control.handler);
      try {
        const afterStop = anEvent();
        await context.store.append(stream, [afterStop], 1);
        await control.untilId(afterStop.id);
        expect(stopped.events).toHaveLength(2);
        expect(control.events).toHaveLength(3);
      } finally {
        await controlSubscription.stop();
      }
    });

    it('reports a failing handler through onError and delivers nothing more', async () => {
      const stream = context.stream('provider-p-1');
      const failure = new Error('the projection could not apply this event');
      const handled: string[] = [];
      let reportError!: (error: unknown) => void;
      const reported = new Promise<unknown>((resolve) => (reportError = resolve));
      const subscription = context.store.subscribe(
        context.headAtStart,
        (event) => {
          if (!own(event)) return;
          handled.push(event.id);
          if (handled.length === 2) throw failure;
        },
        { onError: reportError },
      );
      try {
        const events = someEvents(4);
        await context.store.append(stream, events, 'no-stream');
        expect(await reported).toBe(failure);
        expect(handled).toEqual(idsOf(events.slice(0, 2)));
      } finally {
        await subscription.stop();
      }
    });

    it('delivers every event once, in order, while many writers append during a long catch-up', async () => {
      const history = someEvents(300);
      for (let i = 0; i < history.length; i += 100)
        await context.store.append(context.stream('provider-history'), history.slice(i, i + 100), 'any');

      const collector = new EventCollector(own);
      const subscription = context.store.subscribe(context.headAtStart, collector.handler);
      try {
        const writers = Array.from({ length: 10 }, async (_, w) => {
          const written: string[] = [];
          for (let round = 0; round < 5; round++) {
            const batch = someEvents(2);
            await context.store.append(context.stream(`provider-w${w}`), batch, 'any');
            written.push(...idsOf(batch));
          }
          return written;
        });
        const written = (await Promise.all(writers)).flat();
        await subscription.caughtUp;
        await collector.untilCount(history.length + written.length);

        expect(idsOf(collector.events)).toEqual(idsOf(await context.ownEvents()));
        expect(new Set(idsOf(collector.events)).size).toBe(history.length + written.length);
        expect(strictlyIncreasing(positionsOf(collector.events))).toBe(true);
      } finally {
        await subscription.stop();
      }
    }, 60_000);
  });
};
