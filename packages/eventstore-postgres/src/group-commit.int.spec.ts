import { collect, someEvents } from '@coachline/eventstore/testing';
import { DuplicateEventError, isRevisionConflict, verifyChain } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { describeOnEachEngine, type TestStore } from './testing';

describeOnEachEngine('group commit', (open) => {
  let subject: TestStore;
  beforeEach(async () => {
    subject = await open('group');
  });
  afterEach(() => subject.dispose());

  it('writes the appends issued together, each checked against the ones before it, and isolates the failing ones', async () => {
    const { store } = subject;
    const [stored] = someEvents(1);
    await store.append('provider-p-1', [stored!], 'no-stream');
    const [first, second, duplicate, stale] = [someEvents(2), someEvents(3), someEvents(1), someEvents(1)];

    const outcomes = await Promise.allSettled([
      store.append('provider-p-2', first, 'no-stream'),
      // Expects the revision the append just before it in the same batch leaves behind.
      store.append('provider-p-2', second, 1),
      store.append('provider-p-3', [...duplicate, stored!], 'no-stream'),
      store.append('provider-p-1', stale, 'no-stream'),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new DuplicateEventError(stored!.id));
    expect(isRevisionConflict((outcomes[3] as PromiseRejectedResult).reason)).toBe(true);
    const stream = await collect(store.readStream('provider-p-2'));
    expect(stream.map((event) => [event.id, event.revision])).toEqual(
      [...first, ...second].map((event, i) => [event.id, i]),
    );
    expect(await collect(store.readStream('provider-p-3'))).toEqual([]);
    expect(await store.headPosition()).toBe(6);
    expect((await collect(store.readAll())).map((event) => event.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finds the tips of streams whose names hold quotes, backslashes and other text SQL treats specially', async () => {
    const { store } = subject;
    const names = [
      "provider-o'brien",
      'provider-back\\slash',
      "provider-E'\\x27",
      'provider-ünï-😀',
      'provider-$1',
      'p,{}"',
    ];
    await Promise.all(names.map((name) => store.append(name, someEvents(2), 'no-stream')));
    // The second round expects the revisions the first left: a tip not found would be 'no-stream'.
    await Promise.all(names.map((name) => store.append(name, someEvents(1), 1)));
    for (const name of names) {
      expect((await collect(store.readStream(name))).map((event) => event.revision)).toEqual([0, 1, 2]);
    }
    expect(E.isRight(await verifyChain(store.readAll()))).toBe(true);
  });

  it('rejects data PostgreSQL cannot store as JSON for that append only', async () => {
    const { store } = subject;
    const [good, bad] = someEvents(2);
    const outcomes = await Promise.allSettled([
      store.append('provider-p-1', [good!], 'no-stream'),
      store.append('provider-p-2', [{ ...bad!, data: { note: 'nul \u0000 byte' } }], 'no-stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    expect((await collect(store.readAll())).map((event) => event.id)).toEqual([good!.id]);
  });
});
