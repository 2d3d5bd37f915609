import { DuplicateEventError } from '../errors';
import { anEvent, collect } from '../testing';
import { InMemoryEventStore } from './in-memory-event-store';

describe('the in-memory event store', () => {
  it('refuses an event id it already holds, and the whole batch with it', async () => {
    const store = new InMemoryEventStore();
    const first = anEvent();
    await store.append('provider-p-1', [first], 'no-stream');

    await expect(store.append('provider-p-2', [anEvent(), first], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    const twice = anEvent();
    await expect(store.append('provider-p-3', [twice, twice], 'any')).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.headPosition()).toBe(1);
  });

  it('keeps its own frozen copy: neither the writer nor a reader can change a stored event', async () => {
    const store = new InMemoryEventStore();
    const data = { durationMinutes: 45, practices: ['modeling'] };
    await store.append('provider-p-1', [anEvent({ data })], 'no-stream');
    data.practices.push('changed afterwards');

    const [stored] = await collect(store.readStream('provider-p-1'));
    expect(stored!.data).toEqual({ durationMinutes: 45, practices: ['modeling'] });
    expect(() => (stored!.data as { practices: string[] }).practices.push('by a reader')).toThrow(TypeError);
  });

  it('refuses data that is not JSON', async () => {
    const store = new InMemoryEventStore();
    await expect(store.append('provider-p-1', [anEvent({ data: undefined })], 'any')).rejects.toBeInstanceOf(TypeError);
    expect(await store.streamRevision('provider-p-1')).toBeUndefined();
  });

  it('stops its subscriptions when closed and refuses further use', async () => {
    const store = new InMemoryEventStore();
    const seen: string[] = [];
    const subscription = store.subscribe(0, (event) => void seen.push(event.id));
    await subscription.caughtUp;
    await store.close();

    await expect(store.append('provider-p-1', [anEvent()], 'any')).rejects.toThrow('closed');
    await subscription.stop();
    expect(seen).toEqual([]);
  });

  it('can start from a list of events, in the order given', async () => {
    const events = [
      { ...anEvent(), stream: 'provider-p-1' },
      { ...anEvent(), stream: 'coach-c-1' },
      { ...anEvent(), stream: 'provider-p-1' },
    ];
    const store = await InMemoryEventStore.of(events);
    const all = await collect(store.readAll());
    expect(all.map(({ id, stream, revision, position }) => ({ id, stream, revision, position }))).toEqual([
      { id: events[0]!.id, stream: 'provider-p-1', revision: 0, position: 1 },
      { id: events[1]!.id, stream: 'coach-c-1', revision: 0, position: 2 },
      { id: events[2]!.id, stream: 'provider-p-1', revision: 1, position: 3 },
    ]);
  });
});
