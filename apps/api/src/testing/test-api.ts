import type { AsqSe2CutoffTable, Role } from '@coachline/domain';
import {
  type EventStore,
  InMemoryChildKeyStore,
  InMemoryEventStore,
  OpenedStore,
  SealingEventStore,
} from '@coachline/eventstore';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { StoreAccessLog } from '../access-log/store-access-log';
import { createApi } from '../app/create-api';
import { AccountRegister } from '../auth/accounts/account-register';
import { FirstAdminSetup } from '../auth/accounts/first-admin-setup';
import { storeAccountLedger } from '../auth/accounts/open-account-register';
import { StoreTokenLedger } from '../auth/store-token-ledger';
import { TokenRegister } from '../auth/token-register';
import { TokenSigner } from '../auth/token-signer';
import type { CheckpointSigning } from '../checkpoints/signed-history';

export const TEST_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

/** The day the tests' clock shows by default: well inside the 2025–26 program year of the fixtures. */
export const TEST_NOW = '2026-01-15T12:00:00.000Z';

export interface TestApi {
  readonly app: NestExpressApplication;
  readonly store: OpenedStore;
  readonly accessLog: StoreAccessLog;
  readonly signer: TokenSigner;
  readonly tokens: TokenRegister;
  readonly accounts: AccountRegister;
  /** The first admin's setup code, as the start banner would print it. */
  readonly setupCode: string;
  /** Sets the clock commands are issued by. */
  setNow(instant: string): void;
  /** A supertest agent against the listening server. */
  http(): ReturnType<typeof request>;
  token(role: Role, id: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A store a test made itself, bundled as a process opens one: child data sealed on every append
 * under children's keys held in the process, or under the keys it already seals with.
 */
export const openedTestStore = (store: EventStore): Promise<OpenedStore> =>
  store instanceof OpenedStore
    ? Promise.resolve(store)
    : OpenedStore.open(
        // The in-memory store keeps its Merkle tree and checkpoints beside its events.
        store instanceof InMemoryEventStore
          ? { events: store, verifiableLog: store.verifiableLog, signedCheckpoints: store.signedCheckpoints }
          : { events: store },
        store instanceof SealingEventStore ? store.childKeyStore : new InMemoryChildKeyStore(),
      );

/**
 * The API on the given store (bundled by `openedTestStore` unless it is one already), listening
 * on a free port of 127.0.0.1, with silent logs and a settable clock.
 */
export const startTestApi = async (
  given: EventStore,
  options: {
    waitForPositionMs?: number;
    viewMaxAgeMs?: number;
    tokenStore?: EventStore;
    asqSe2Cutoffs?: AsqSe2CutoffTable;
    webDir?: string;
    checkpointSigning?: CheckpointSigning;
  } = {},
): Promise<TestApi> => {
  const store = await openedTestStore(given);
  let now = TEST_NOW;
  const accessLog = new StoreAccessLog(new InMemoryEventStore());
  const signer = new TokenSigner(TEST_SECRET);
  // A register of its own unless the test hands in the store it keeps (to see a revocation outlive a restart).
  const tokens = await TokenRegister.open(new StoreTokenLedger(options.tokenStore ?? new InMemoryEventStore()));
  const accounts = await AccountRegister.open(storeAccountLedger(new InMemoryEventStore()));
  const { setup, code: setupCode } = FirstAdminSetup.make(true);
  const app = await createApi({
    store,
    accessLog,
    signer,
    tokens,
    accounts,
    setup,
    clock: () => new Date(now),
    settings: {
      waitForPositionMs: options.waitForPositionMs ?? 5_000,
      viewMaxAgeMs: options.viewMaxAgeMs ?? 0,
      ownsResources: false,
      ...(options.asqSe2Cutoffs === undefined ? {} : { asqSe2Cutoffs: options.asqSe2Cutoffs }),
      ...(options.webDir === undefined ? {} : { webDir: options.webDir }),
    },
    logLevel: 'silent',
    ...(options.checkpointSigning === undefined ? {} : { checkpointSigning: options.checkpointSigning }),
  });
  await app.listen(0, '127.0.0.1');
  const minted = new Map<string, string>();
  return {
    app,
    store,
    accessLog,
    signer,
    tokens,
    accounts,
    setupCode: setupCode!,
    setNow: (instant) => {
      now = instant;
    },
    http: () => request(app.getHttpServer()),
    token: async (role, id) => {
      const key = `${role}:${id}`;
      if (!minted.has(key)) minted.set(key, (await signer.mint({ id, role }, 3_600)).token);
      return minted.get(key)!;
    },
    close: async () => {
      await app.close();
      await accessLog.close();
      await accounts.close();
      if (options.tokenStore === undefined) await tokens.close();
      else tokens.stopRefreshing();
    },
  };
};
