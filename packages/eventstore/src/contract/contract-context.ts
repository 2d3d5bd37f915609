import { randomUUID } from 'node:crypto';
import type { EventStore, ReadAllOptions, StoredEvent } from '../event-store';
import type { ContractSubject, OpenContractSubject } from './contract-subject';
import { collect } from './fixtures';

/** What each test of the suite works with; valid inside a test, renewed before each one. */
export interface ContractContext {
  readonly store: EventStore;
  /** The whole subject the test opened: the store and whatever else its engine keeps. */
  readonly subject: ContractSubject;
  /** Unique to the test: every stream it writes is named `<run>-…`. */
  readonly run: string;
  /** The store's head position when the test began. */
  readonly headAtStart: number;
  /** The test's own stream called `name`. */
  stream(name: string): string;
  /** Every event this test wrote, in global order, read through `readAll`. */
  ownEvents(options?: Omit<ReadAllOptions, 'after'>): Promise<StoredEvent[]>;
}

/** Registers the hooks that open a store before each test of the enclosing `describe` and close it after. */
export const useContractContext = (open: OpenContractSubject): ContractContext => {
  let subject: ContractSubject | undefined;
  let run = '';
  let headAtStart = 0;

  beforeEach(async () => {
    subject = await open();
    run = `run${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    headAtStart = await subject.store.headPosition();
  });

  afterEach(async () => {
    const closing = subject;
    subject = undefined;
    await closing?.close();
  });

  const context: ContractContext = {
    get store() {
      return context.subject.store;
    },
    get subject() {
      if (subject === undefined) throw new Error('The contract store is only open inside a test.');
      return subject;
    },
    get run() {
      return run;
    },
    get headAtStart() {
      return headAtStart;
    },
    stream: (name) => `${run}-${name}`,
    ownEvents: async (options = {}) =>
      (await collect(context.store.readAll({ ...options, after: headAtStart }))).filter((event) =>
        event.stream.startsWith(`${run}-`),
      ),
  };
  return context;
};
