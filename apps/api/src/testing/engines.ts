import { describeOnEachEngine } from '@coachline/eventstore-postgres/testing';
import { startTestApi, TestApi } from './test-api';

export type OpenTestApi = (options?: { waitForPositionMs?: number; viewMaxAgeMs?: number }) => Promise<TestApi>;

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
      const api = await startTestApi(store, options);
      opened.push(async () => {
        await api.close();
        await dispose();
      });
      return api;
    }, engine);
  });
