import * as E from 'fp-ts/Either';
import { anEvent, collect } from '../contract/fixtures';
import { canonicalContent } from '../integrity/event-hash';
import { eventLeafHash, recursiveRoot } from '../integrity/merkle/tree-hash';
import { InMemoryEventStore } from './in-memory-event-store';

const rootOfStore = async (store: InMemoryEventStore): Promise<string> =>
  Buffer.from(
    recursiveRoot((await collect(store.readAll())).map((event) => eventLeafHash(canonicalContent(event)))),
  ).toString('hex');

describe("the in-memory store's tree", () => {
  it('puts the event at position p at leaf p - 1', async () => {
    const store = await InMemoryEventStore.of(
      ['a', 'b', 'a', 'c'].map((name) => ({ stream: `provider-${name}`, ...anEvent() })),
    );
    for (const event of await collect(store.readAll()))
      expect(await store.verifiableLog.leafIndexOf(event.id)).toBe(event.position - 1);
  });

  it('holds every appended event as soon as the append is made, before it is awaited', async () => {
    const store = new InMemoryEventStore();
    const appends = [1, 2, 3].map((n) => store.append(`provider-${n}`, [anEvent(), anEvent()], 'any'));
    const head = await store.verifiableLog.treeHead();
    await Promise.all(appends);
    expect(head.size).toBe(6);
    expect(Buffer.from(head.root).toString('hex')).toBe(await rootOfStore(store));
  });

  it('adds no leaf for an append that fails: data that is not JSON, an id it holds, a conflict', async () => {
    const store = new InMemoryEventStore();
    const kept = anEvent();
    await store.append('provider-p', [kept], 'no-stream');
    const before = await store.verifiableLog.treeHead();
    const unhashable = anEvent({ data: { count: BigInt(1) } });
    const outcomes = await Promise.allSettled([
      store.append('provider-q', [anEvent(), unhashable], 'any'),
      store.append('provider-q', [anEvent(), { ...kept }], 'any'),
      store.append('provider-p', [anEvent()], 'no-stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const after = await store.verifiableLog.treeHead();
    expect([after.size, Buffer.from(after.root).toString('hex')]).toEqual([
      1,
      Buffer.from(before.root).toString('hex'),
    ]);
    expect(await store.verifiableLog.leafIndexOf(unhashable.id)).toBeUndefined();
    expect(E.isLeft(await store.verifiableLog.inclusionProof(1, 2))).toBe(true);
  });

  it('keeps each store’s tree and checkpoints to itself', async () => {
    const [one, other] = [new InMemoryEventStore(), new InMemoryEventStore()];
    await one.append('provider-p', [anEvent()], 'any');
    await one.signedCheckpoints.publishKey('coachline+00000000+AAAA');
    expect((await other.verifiableLog.treeHead()).size).toBe(0);
    expect(await other.signedCheckpoints.publishedKeys()).toEqual([]);
  });
});
