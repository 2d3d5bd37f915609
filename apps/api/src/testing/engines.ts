import { InMemoryChildKeyStore, OpenedStore } from '@coachline/eventstore';
import { describeOnEachEngine } from '@coachline/eventstore-postgres/testing';
import { postgresStoreEngine } from '@coachline/store-opener';
import type { CheckpointSigning } from '../checkpoints/signed-history';
import { startTestApi, TestApi } from './test-api';

export type OpenTestApi = (options?: {
  waitForPositionMs?: number;
  viewMaxAgeMs?: number;
  checkpointSigning?: CheckpointSigning;
}) => Promise<TestApi>;

/**
 * Declares the same tests on the jest worker's shared PGlite and on the PostgreSQL server (skipped
 * only when no server answers), each API on a schema of its own that is dropped afterwards.
 */
export const describeApiOnEachEngine = (
  title: string,
  body: (open: OpenTestApi, engine: 'pglite' | 'postgres') => void,
): void =>
  describeOnEachEngine(title, (openStore, engine) => {
    const opened: Array<() => Promise<void>> = [];
    afterAll(async () => {
      for (const dispose of opened.splice(0).reverse()) await dispose();
    });
    body(async (options) => {
      const { store, dispose } = await openStore('api');
      // As a process opens it, its checkpoints included; children's keys stay in the process.
      const bundled = await OpenedStore.open(postgresStoreEngine(store), new InMemoryChildKeyStore());
      const api = await startTestApi(bundled, options);
      opened.push(async () => {
        await api.close();
        await dispose();
      });
      return api;
    }, engine);
  });
